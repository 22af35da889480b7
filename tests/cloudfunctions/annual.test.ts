/**
 * The year's results (年度考核) through the local cloud and the real SDK: computed from the year's closed quarters,
 * democratic evaluations and enterprise ratings, each total explained to the point; recomputed safely (a run
 * interrupted halfway leaves the results in force); the formula's weights must add up; adjustments need a reason
 * and keep the 优秀 quota; confirm → publish (公示) → notify, then the cadre acknowledges and may ask for review
 * once, before the deadline; a grade changes after publication only by the review's answer.
 */
import { inPark } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import type { AnnualResultDoc, YearDoc } from '../../cloudfunctions/annual/src/lib';
import readXlsxFile from 'read-excel-file/node';
import { CADRE_HEADER } from '../../shared/annual/export';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let admin: string;
let leader: string;
const YEAR = inPark(Date.now()).year();
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const state = async () => JSON.stringify(await Promise.all(['annualYears', 'annualResults', 'annualFormulas', 'annualReviews'].map((c) => find(c))));
/** Rewrite the year's record as the store keeps it (to move its deadlines into the past). */
async function patchYear(patch: Partial<YearDoc>) {
  const [y] = await find<YearDoc>('annualYears', { _id: String(YEAR) });
  if (!y) throw new Error('no year record');
  t.cloud.store.drop('annualYears');
  t.cloud.store.insertMany('annualYears', [{ ...y, ...patch }]);
}

beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as('M002');
  leader = await t.as('M001');
});
afterAll(() => t.stop());

describe('computing the year', () => {
  it('ranks every cadre of the year’s closed quarters, each total the sum of its sources’ points', async () => {
    const y = data(await t.call(admin, 'annual', 'compute', { year: YEAR }));
    expect(y).toMatchObject({ year: YEAR, status: 'draft', computed: true, formulaVersion: 0 });
    expect(y.quarters.length).toBeGreaterThan(0);
    const r = data(await t.call(leader, 'annual', 'ranking', { year: YEAR }));
    expect(r.cadres).toHaveLength(y.assessed);
    expect(r.cadres.map((c) => c.total)).toEqual([...r.cadres.map((c) => c.total)].sort((a, b) => b - a));
    expect(r.sections.length).toBeGreaterThan(0);
    const best = r.cadres[0];
    if (!best) throw new Error('nobody ranked');
    const e = data(await t.call(leader, 'annual', 'explain', { year: YEAR, memberId: best.memberId }));
    const sum = e.sources.reduce((s, x) => s + x.points, 0) - e.deductions;
    expect(Math.abs(sum - e.total)).toBeLessThanOrEqual(0.03);
    expect(e.sources.find((s) => s.key === 'indicators')?.records.map((x) => x.ref)).toEqual(y.quarters);
    expect(e.sources.reduce((s, x) => s + x.effectiveWeight, 0)).toBeCloseTo(1, 3);
    // within its section
    const inSection = data(await t.call(leader, 'annual', 'ranking', { year: YEAR, sectionId: best.sectionId }));
    expect(inSection.cadres.every((c) => c.sectionId === best.sectionId)).toBe(true);
    expect(inSection.cadres[0]?.sectionRank).toBe(1);
  });

  it('again and again: the run in force is replaced whole, and a run that died halfway changes nothing', async () => {
    const before = data(await t.call(leader, 'annual', 'ranking', { year: YEAR }));
    // a run that wrote some documents and died before naming itself
    const [one] = await find<AnnualResultDoc>('annualResults', { year: YEAR });
    if (!one) throw new Error('no results');
    t.cloud.store.insertMany('annualResults', [
      { ...one, _id: `${YEAR}_dead_${one.sectionId}`, runId: 'dead', createdAt: Date.now() - 3_600_000, members: [] },
    ]);
    expect(data(await t.call(leader, 'annual', 'ranking', { year: YEAR }))).toEqual(before);
    data(await t.call(admin, 'annual', 'compute', { year: YEAR }));
    const runs = new Set((await find<AnnualResultDoc>('annualResults', { year: YEAR })).map((d) => d.runId));
    expect(runs.size).toBe(1);
    const after = data(await t.call(leader, 'annual', 'ranking', { year: YEAR }));
    expect(after.cadres).toEqual(before.cadres);
  });
});

describe('the export', () => {
  it('is an xlsx of the ranking, cell for cell, for leaders only', async () => {
    const r = data(await t.call(leader, 'annual', 'ranking', { year: YEAR }));
    const x = data(await t.call(leader, 'annual', 'export', { year: YEAR, kind: 'cadres' }));
    expect(x.rows).toBe(r.cadres.length);
    const file = Buffer.from(await (await fetch(x.url)).arrayBuffer());
    const [sheet] = await readXlsxFile(file);
    const rows = sheet?.data ?? [];
    expect(rows[0]).toEqual(CADRE_HEADER);
    const first = r.cadres[0];
    expect(rows[1]?.slice(0, 3)).toEqual([first?.rank, first?.name, first?.sectionName]);
    expect(rows[1]?.[9]).toBe(first?.total);
    expect(rows).toHaveLength(r.cadres.length + 1);
    const sections = data(await t.call(admin, 'annual', 'export', { year: YEAR, kind: 'sections' }));
    expect(sections.rows).toBe(r.sections.length);
    const cadre = await t.as(first?.memberId ?? '');
    expect(await t.call(cadre, 'annual', 'export', { year: YEAR, kind: 'cadres' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the formula', () => {
  it('is refused unless the weights add up to 100%, and each save is a new version the results name', async () => {
    const f = data(await t.call(leader, 'annual', 'formula', { year: YEAR }));
    expect(f).toMatchObject({ saved: false, version: 0 });
    const { year: _y, version: _v, saved: _s, updatedAt: _u, ...fields } = f;
    const snapshot = await state();
    const bad = await t.call(admin, 'annual', 'saveFormula', {
      year: YEAR,
      reason: '按党工委会议调整考核办法',
      ...fields,
      weights: { ...fields.weights, indicators: 0.5 },
    });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT' });
    expect(bad.code !== 0 && bad.message).toContain('合计应为100%');
    expect(await t.call(leader, 'annual', 'saveFormula', { year: YEAR, reason: '按党工委会议调整考核办法', ...fields })).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(await state()).toBe(snapshot);
    const saved = data(
      await t.call(admin, 'annual', 'saveFormula', {
        year: YEAR,
        reason: '按党工委会议调整考核办法',
        ...fields,
        weights: { indicators: 0.5, unit: 0.3, democratic: 0.1, enterprise: 0.1 },
      }),
    );
    expect(saved).toMatchObject({ saved: true, version: 1 });
    expect(data(await t.call(admin, 'annual', 'compute', { year: YEAR })).formulaVersion).toBe(1);
  });

  it('puts the top share of the ranked sections in 第一等次, in the ranking and its export', async () => {
    const f = data(await t.call(leader, 'annual', 'formula', { year: YEAR }));
    const { year: _y, version: _v, saved: _s, updatedAt: _u, ...fields } = f;
    const tiers = async () => data(await t.call(leader, 'annual', 'ranking', { year: YEAR })).sections.map((s) => [s.rank, s.tier]);
    const n = (await tiers()).length;
    expect(n).toBeGreaterThanOrEqual(4);
    for (const share of [0.1, 0.5]) {
      data(await t.call(admin, 'annual', 'saveFormula', { year: YEAR, reason: '按党工委会议调整考核办法', ...fields, sectionFirstTierShare: share }));
      const places = Math.max(1, Math.floor(n * share));
      // every section ranked within the places is first tier, every other second
      expect(await tiers()).toEqual((await tiers()).map(([rank]) => [rank, (rank ?? 0) <= places ? 1 : 2]));
      expect((await tiers()).filter(([, tier]) => tier === 1).length).toBeGreaterThanOrEqual(places);
    }
    const x = data(await t.call(admin, 'annual', 'export', { year: YEAR, kind: 'sections' }));
    const [sheet] = await readXlsxFile(Buffer.from(await (await fetch(x.url)).arrayBuffer()));
    const rows = sheet?.data ?? [];
    expect(rows[0]?.[5]).toBe('等次');
    expect(rows.slice(1).map((r) => r[5])).toEqual((await tiers()).map(([, tier]) => (tier === 1 ? '第一等次' : '第二等次')));
    const bad = await t.call(admin, 'annual', 'saveFormula', {
      year: YEAR,
      reason: '按党工委会议调整考核办法',
      ...fields,
      sectionFirstTierShare: 0.8,
    });
    expect(bad.code !== 0 && bad.message).toBe('第一等次股室比例为10%至50%');
  });
});

describe('grades', () => {
  it('an adjustment needs a reason and keeps the 优秀 quota', async () => {
    const r = data(await t.call(leader, 'annual', 'ranking', { year: YEAR }));
    const competent = r.cadres.filter((c) => c.grade === 'competent');
    const target = competent[0];
    if (!target) throw new Error('nobody 称职');
    const snapshot = await state();
    expect(await t.call(leader, 'annual', 'adjust', { year: YEAR, memberId: target.memberId, grade: 'basic', reason: '' })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    // one 优秀 lowered by the leadership makes room for one more; then more 优秀 than the quota allows
    const lowered = r.cadres.find((c) => c.grade === 'excellent');
    if (lowered)
      data(await t.call(leader, 'annual', 'adjust', { year: YEAR, memberId: lowered.memberId, grade: 'competent', reason: '年度内受到通报批评' }));
    const room = r.year.excellentQuota - r.year.excellentCount + (lowered ? 1 : 0);
    for (const c of competent.slice(0, room))
      data(await t.call(leader, 'annual', 'adjust', { year: YEAR, memberId: c.memberId, grade: 'excellent', reason: '年度表现突出' }));
    const mid = await state();
    const over = competent[room];
    if (!over) throw new Error('not enough 称职 to breach the quota');
    const breach = await t.call(leader, 'annual', 'adjust', { year: YEAR, memberId: over.memberId, grade: 'excellent', reason: '年度表现突出' });
    expect(breach).toMatchObject({ code: 'CONFLICT' });
    expect(breach.code !== 0 && breach.message).toContain('超出名额');
    expect(await state()).toBe(mid);
    expect(snapshot).not.toBe(mid);
    const after = data(await t.call(leader, 'annual', 'ranking', { year: YEAR }));
    expect(after.year.excellentCount).toBe(after.year.excellentQuota);
    expect(after.cadres.find((c) => c.memberId === competent[0]?.memberId)).toMatchObject({ grade: 'excellent', changed: true });
  });
});

describe('the course of the year', () => {
  it('confirm, 公示, notice; the cadre acknowledges and asks for review once, before the deadline', async () => {
    const r = data(await t.call(leader, 'annual', 'ranking', { year: YEAR }));
    const row = r.cadres.find((c) => !c.changed);
    if (!row) throw new Error('nobody to follow');
    const [m] = await find<MemberDoc>('members', { _id: row.memberId });
    const cadre = await t.as(row.memberId);
    expect(await t.call(cadre, 'annual', 'explain', { year: YEAR })).toMatchObject({ code: 'NOT_READY', message: '年度考核结果尚未公示' });
    expect(await t.call(admin, 'annual', 'publish', { year: YEAR })).toMatchObject({ code: 'NOT_READY' });

    data(await t.call(leader, 'annual', 'confirm', { year: YEAR }));
    const frozen = await state();
    expect(await t.call(admin, 'annual', 'compute', { year: YEAR })).toMatchObject({ code: 'CONFLICT' });
    expect(await t.call(leader, 'annual', 'adjust', { year: YEAR, memberId: row.memberId, grade: 'basic', reason: '公示后调整' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(await state()).toBe(frozen);

    const published = data(await t.call(admin, 'annual', 'publish', { year: YEAR }));
    expect(published.publicUntil).toBeGreaterThan(Date.now());
    const mine = data(await t.call(cadre, 'annual', 'explain', { year: YEAR }));
    expect(mine).toMatchObject({ memberId: row.memberId, name: m?.name, total: row.total, grade: row.grade });
    expect(await t.call(admin, 'annual', 'notify', { year: YEAR })).toMatchObject({ code: 'NOT_READY', message: '公示期尚未结束' });
    expect(await t.call(cadre, 'annual', 'requestReview', { year: YEAR, reason: '考核分数有误' })).toMatchObject({ code: 'NOT_READY' });

    await patchYear({ publicUntil: Date.now() - 1000 });
    const notified = data(await t.call(admin, 'annual', 'notify', { year: YEAR }));
    expect(notified.reviewUntil).toBeGreaterThan(Date.now());
    expect(data(await t.call(cadre, 'annual', 'acknowledge', { year: YEAR })).acknowledgedAt).not.toBeNull();
    const asked = data(await t.call(cadre, 'annual', 'requestReview', { year: YEAR, reason: '第三季度考人分数录入有误' }));
    expect(asked.review).toMatchObject({ reason: '第三季度考人分数录入有误', answer: null });
    expect(await t.call(cadre, 'annual', 'requestReview', { year: YEAR, reason: '再次申请' })).toMatchObject({
      code: 'CONFLICT',
      message: '已申请过复核',
    });
    expect(data(await t.call(admin, 'annual', 'status', { year: YEAR })).reviewsPending).toBe(1);

    // the answer: the only way a grade changes after publication
    const lower = row.grade === 'basic' ? 'competent' : 'basic';
    const answered = data(
      await t.call(admin, 'annual', 'answerReview', { year: YEAR, memberId: row.memberId, grade: lower, note: '经复核，按实际录入更正' }),
    );
    expect(answered).toMatchObject({ grade: lower, review: { answer: { grade: lower, note: '经复核，按实际录入更正' } } });
    expect(answered.changes.at(-1)).toMatchObject({ grade: lower, onReview: true });
    expect(await t.call(admin, 'annual', 'answerReview', { year: YEAR, memberId: row.memberId, grade: row.grade, note: '再答复' })).toMatchObject({
      code: 'CONFLICT',
    });

    // past the deadline nobody else may ask
    const other = r.cadres.find((c) => c.memberId !== row.memberId && !c.changed);
    await patchYear({ reviewUntil: Date.now() - 1000 });
    const late = await t.call(await t.as(other?.memberId ?? ''), 'annual', 'requestReview', { year: YEAR, reason: '逾期申请' });
    expect(late).toMatchObject({ code: 'CONFLICT', message: '已超过复核申请期限' });
  });
});

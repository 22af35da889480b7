/**
 * Performance pay through the local cloud, over last year's results of the demo park: the simulator's distribution
 * adds up to the pool to the fen and holds the report's ratios; settings that break them are refused and change
 * nothing; pay is released once, only after the results are final; each cadre reads their own amount and nobody
 * else's; the entitled export it; settings and release are in the audit trail.
 */
import readXlsxFile from 'read-excel-file/node';
import type { YearDoc } from '../../cloudfunctions/annual/src/lib';
import type { PayRunDoc } from '../../cloudfunctions/pay/src/lib';
import { inPark } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { defaultPaySettings } from '../../shared/pay/pay';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let admin: string;
let leader: string;
const YEAR = inPark(Date.now()).year() - 1;
const { year: _year, ...FIELDS } = defaultPaySettings(YEAR);
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const state = async () => JSON.stringify(await Promise.all(['paySettings', 'payRuns', 'auditLog'].map((c) => find(c))));
async function patchYear(patch: Partial<YearDoc>) {
  const [y] = await find<YearDoc>('annualYears', { _id: String(YEAR) });
  t.cloud.store.drop('annualYears');
  t.cloud.store.insertMany('annualYears', [{ ...y, ...patch }]);
}

beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as('M002');
  leader = await t.as('M001');
  data(await t.call(admin, 'annual', 'compute', { year: YEAR }));
});
afterAll(() => t.stop());

describe('the simulator', () => {
  it('shares the pool by section tier and grade, to the fen, with 优秀 at least 1.5 × 不称职', async () => {
    const s = data(await t.call(leader, 'pay', 'simulate', { year: YEAR }));
    // no tax figures and the park 良好: 3 000 000 yuan × 1.0 × 1 = 300 000 000 fen
    expect(s).toMatchObject({ poolFen: 300_000_000, provincialFactor: 1, taxFactor: 1, totalFen: 300_000_000, saved: false, released: false });
    expect(s.groups.reduce((sum, g) => sum + g.totalFen, 0)).toBe(s.poolFen);
    expect(s.groups.reduce((sum, g) => sum + g.count, 0)).toBe(s.cadres);
    expect(s.sections.first).toBeGreaterThan(0);
    for (const tier of [1, 2] as const) {
      const of = (grade: string) => s.groups.find((g) => g.tier === tier && g.grade === grade);
      const ex = of('excellent');
      const co = of('competent');
      if (ex && co) expect(ex.minFen).toBeGreaterThan(co.maxFen);
    }
    // the first tier's 称职 at least 16% above the same grade's average over both tiers (1.25 against 1.0625 a head)
    const c1 = s.groups.find((g) => g.tier === 1 && g.grade === 'competent');
    const c2 = s.groups.find((g) => g.tier === 2 && g.grade === 'competent');
    if (c1 && c2) expect(c1.minFen / c2.maxFen).toBeCloseTo(1.25, 2);
    // it shows groups, never a list of whose pay is what
    expect(JSON.stringify(s)).not.toMatch(/M0\d\d/);
    // a draft of the tax figures moves the pool: 12 000 against 10 000 → × 1.1
    const up = data(await t.call(leader, 'pay', 'simulate', { year: YEAR, draft: { ...FIELDS, taxThisYear: 12_000, taxLastYear: 10_000 } }));
    expect(up).toMatchObject({ poolFen: 330_000_000, totalFen: 330_000_000, taxFactor: 1.1 });
  });

  it('refuses settings that break the ratios, with the reason in Chinese, and writes nothing', async () => {
    const before = await state();
    const low = await t.call(admin, 'pay', 'saveSettings', {
      ...FIELDS,
      year: YEAR,
      reason: '调整系数',
      gradeCoefficients: { ...FIELDS.gradeCoefficients, excellent: 1.1 },
    });
    expect(low).toMatchObject({ code: 'INVALID_INPUT', message: '优秀系数应至少为不称职系数的1.5倍（现为1.375倍）' });
    const flat = await t.call(admin, 'pay', 'saveSettings', { ...FIELDS, year: YEAR, reason: '调整系数', sectionCoefficients: { 1: 1.05, 2: 1.0 } });
    expect(flat.code === 'INVALID_INPUT' && flat.message).toMatch(/^第一等次股室系数应比股室平均高16%以上/);
    expect(await t.call(admin, 'pay', 'saveSettings', { ...FIELDS, year: YEAR, reason: '调整系数', excellentOverIncompetentMin: 1.2 })).toMatchObject(
      {
        code: 'INVALID_INPUT',
        message: '优秀与不称职之比不低于1.5倍',
      },
    );
    expect(await t.call(leader, 'pay', 'saveSettings', { ...FIELDS, year: YEAR, reason: '调整系数' })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await state()).toBe(before);
  });
});

describe('the release', () => {
  it('waits for the results to be final, happens once, adds up to the pool, and is in the audit trail', async () => {
    const before = await state();
    expect(await t.call(admin, 'pay', 'release', { year: YEAR, reason: '发放年度绩效奖金' })).toMatchObject({
      code: 'NOT_READY',
      message: '请先保存本年度绩效奖金方案',
    });
    expect(await state()).toBe(before);
    data(await t.call(admin, 'pay', 'saveSettings', { ...FIELDS, year: YEAR, reason: '党工委会议通过绩效奖金分配方案' }));
    expect(await t.call(admin, 'pay', 'release', { year: YEAR, reason: '发放年度绩效奖金' })).toMatchObject({
      code: 'NOT_READY',
      message: '年度考核结果尚未通知本人，不能发放',
    });
    for (const step of ['confirm', 'publish'] as const) data(await t.call(admin, 'annual', step, { year: YEAR }));
    await patchYear({ publicUntil: Date.now() - 1000 });
    data(await t.call(admin, 'annual', 'notify', { year: YEAR }));
    expect(await t.call(admin, 'pay', 'release', { year: YEAR, reason: '发放年度绩效奖金' })).toMatchObject({
      code: 'NOT_READY',
      message: '复核申请期尚未结束，不能发放',
    });
    await patchYear({ reviewUntil: Date.now() - 1000 });
    const released = data(await t.call(admin, 'pay', 'release', { year: YEAR, reason: '发放年度绩效奖金' }));
    expect(released).toMatchObject({ released: true, totalFen: released.poolFen });
    const [run] = await find<PayRunDoc>('payRuns', { _id: String(YEAR) });
    expect(run?.rows.reduce((s, r) => s + r.fen, 0)).toBe(300_000_000);
    expect(await t.call(admin, 'pay', 'release', { year: YEAR, reason: '再发一次' })).toMatchObject({
      code: 'CONFLICT',
      message: '本年度绩效奖金已发放',
    });
    expect(await t.call(admin, 'pay', 'saveSettings', { ...FIELDS, year: YEAR, reason: '改方案' })).toMatchObject({
      code: 'CONFLICT',
      message: '本年度绩效奖金已发放，方案不能再改',
    });
    const kinds = data(await t.call(admin, 'audit', 'log', {})).entries.map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['pay.release', 'annual.notify']);
    expect(kinds).toContain('pay.settings');
    expect(data(await t.call(admin, 'audit', 'verify', {})).ok).toBe(true);
    // the amounts in force are those the release's entry fixed: one moved in the store is found
    if (!run) throw new Error('no run');
    const moved = { ...run, rows: run.rows.map((r, i) => (i === 0 ? { ...r, fen: r.fen + 100_000 } : i === 1 ? { ...r, fen: r.fen - 100_000 } : r)) };
    t.cloud.store.drop('payRuns');
    t.cloud.store.insertMany('payRuns', [moved]);
    expect(data(await t.call(admin, 'audit', 'verify', {}))).toMatchObject({ ok: false, recordsMismatched: [`pay:${YEAR}`] });
    t.cloud.store.drop('payRuns');
    t.cloud.store.insertMany('payRuns', [run]);
    expect(data(await t.call(admin, 'audit', 'verify', {})).ok).toBe(true);
  });

  it('shows each cadre their own amount, nobody else’s, and the export to those entitled', async () => {
    const [run] = await find<PayRunDoc>('payRuns', { _id: String(YEAR) });
    const bound = new Set((await find<MemberDoc>('members', { bound: true })).map((m) => m._id));
    const row = run?.rows.find((r) => bound.has(r.memberId));
    if (!run || !row) throw new Error('no bound cadre paid');
    const cadre = await t.as(row.memberId);
    const mine = data(await t.call(cadre, 'pay', 'mine', { year: YEAR }));
    expect(mine).toMatchObject({ released: true, amountFen: row.fen, grade: row.grade, tier: row.tier });
    expect(await t.call(cadre, 'pay', 'mine', { year: YEAR, memberId: 'M001' } as never)).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await t.call(cadre, 'pay', 'simulate', { year: YEAR })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call(cadre, 'pay', 'export', { year: YEAR })).toMatchObject({ code: 'FORBIDDEN' });
    const [head] = (await find<MemberDoc>('members', { bound: true })).filter((m) => m.roles.includes('sectionHead') && !m.roles.includes('leader'));
    expect(await t.call(await t.as(head?._id ?? ''), 'pay', 'export', { year: YEAR })).toMatchObject({ code: 'FORBIDDEN' });
    // the leader's export: one row a cadre and the total, adding up to the pool
    const x = data(await t.call(leader, 'pay', 'export', { year: YEAR }));
    const [sheet] = await readXlsxFile(Buffer.from(await (await fetch(x.url)).arrayBuffer()));
    const rows = sheet?.data ?? [];
    expect(rows[0]).toEqual(['排名', '姓名', '年度等次', '股室等次', '系数', '金额（元）']);
    expect(rows).toHaveLength(run.rows.length + 2);
    const cents = rows.slice(1, -1).reduce((s, r) => s + Math.round(Number(r[5]) * 100), 0);
    expect(cents).toBe(300_000_000);
    expect(rows[rows.length - 1]?.[5]).toBe(3_000_000);
  });
});

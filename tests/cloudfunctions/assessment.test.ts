import { verifyDraws } from '../../shared/assessment/draw';
import { DEFAULT_QUARTER_SETTINGS } from '../../shared/assessment/quarter';
import { dayjs, quarterOf } from '../../shared/common/time';
import type { ChecklistDoc } from '../../shared/indicators/checklist';
import type { MemberDoc } from '../../shared/members/member';
import type { SectionDoc } from '../../shared/park/park';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let admin: string;
let leader: string;
const q = () => quarterOf(Date.now());
const prev = () => quarterOf(dayjs().subtract(3, 'month').valueOf());
const find = <T>(coll: string, query: object) => t.cloud.store.find(coll, query) as T[];
const one = <T>(coll: string, query: object): T => {
  const [x] = find<T>(coll, query);
  if (!x) throw new Error(`nothing in ${coll} for ${JSON.stringify(query)}`);
  return x;
};

beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as('M002');
  leader = await t.as('M001');
});
afterAll(() => t.stop());

describe('last quarter (closed in the demo park)', () => {
  it('shows leaders the ranking of cadres and sections', async () => {
    const r = data(await t.call(leader, 'assessment', 'ranking', { periodId: prev() }));
    expect(r.members).toHaveLength(74);
    expect(r.sections).toHaveLength(12);
    expect(r.members[0]?.rank).toBe(1);
    // at most 40% 好 (74 × 0.4 = 29.6 → 29)
    expect(r.members.filter((m) => m.grade === 'good').length).toBeLessThanOrEqual(Math.floor(74 * DEFAULT_QUARTER_SETTINGS.goodShareMax));
  });

  it('shows a cadre their breakdown, which adds up', async () => {
    const hu = one<MemberDoc>('members', { name: '胡广初' });
    const r = data(await t.call(await t.as(hu._id), 'assessment', 'result', { periodId: prev() }));
    const w = DEFAULT_QUARTER_SETTINGS.weights;
    // indicators part = Σ points / Σ weight × 100; score = 60% + 30% + 10% − deductions
    const sumW = r.items.reduce((s, i) => s + i.weight, 0);
    const sumP = r.items.reduce((s, i) => s + i.points, 0);
    expect(r.indicators).toBeCloseTo((sumP / sumW) * 100, 1);
    expect(r.score).toBeCloseTo(
      r.indicators * w.indicators + r.staffEvaluation * w.staffEvaluation + r.sectionEvaluation * w.sectionEvaluation - r.deductions,
      1,
    );
    expect(r.items.every((i) => i.why.length > 0)).toBe(true);
  });

  it('keeps a cadre’s result from other cadres and from other sections’ heads, and the ranking from cadres', async () => {
    const hu = one<MemberDoc>('members', { name: '胡广初' });
    const other = one<MemberDoc>('members', { sectionId: 'S09', roles: ['cadre'] });
    expect(await t.call(await t.as(other._id), 'assessment', 'result', { periodId: prev(), memberId: hu._id })).toMatchObject({ code: 'FORBIDDEN' });
    const ownHead = one<MemberDoc>('members', { sectionId: hu.sectionId, roles: 'sectionHead' });
    expect((await t.call(await t.as(ownHead._id), 'assessment', 'result', { periodId: prev(), memberId: hu._id })).code).toBe(0);
    expect(await t.call(await t.as(hu._id), 'assessment', 'ranking', { periodId: prev() })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('changes a closed score only through a recorded correction', async () => {
    const hu = one<MemberDoc>('members', { name: '胡广初' });
    const before = data(await t.call(admin, 'assessment', 'result', { periodId: prev(), memberId: hu._id }));
    const after = data(
      await t.call(admin, 'assessment', 'correct', {
        periodId: prev(),
        memberId: hu._id,
        field: 'staffEvaluation',
        value: before.staffEvaluation - 10,
        reason: '复核发现评分录入错误',
      }),
    );
    // 10 points less from the section head, at 30%: 3 points less
    expect(after.score).toBeCloseTo(before.score - 3, 1);
    expect(after.corrections).toEqual([
      expect.objectContaining({
        field: 'staffEvaluation',
        old: before.staffEvaluation,
        new: before.staffEvaluation - 10,
        reason: '复核发现评分录入错误',
        byName: '李玥',
      }),
    ]);
    expect(
      await t.call(leader, 'assessment', 'correct', { periodId: prev(), memberId: hu._id, field: 'deductions', value: 3, reason: '补充扣分' }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    // and it is in the audit trail, which checks out
    // the correction, then the recount's entry fixing the quarter's results as they now stand
    const [recount, entry] = data(await t.call(admin, 'audit', 'log', {})).entries;
    expect(recount).toMatchObject({ kind: 'assessment.results', kindLabel: '季度考核结果重算', reason: '复核发现评分录入错误' });
    expect(entry).toMatchObject({
      kind: 'assessment.correct',
      reason: '复核发现评分录入错误',
      summary: `胡广初：考人得分 ${before.staffEvaluation} → ${before.staffEvaluation - 10}`,
    });
    expect(data(await t.call(admin, 'audit', 'verify', {}))).toMatchObject({ ok: true, recordsMismatched: [] });
  });
});

describe('opening next quarter', () => {
  it('fixes every cadre’s checklist from the tree, and only then counts as opened', async () => {
    const next = quarterOf(dayjs().add(3, 'month').valueOf());
    const before = data(await t.call(admin, 'assessment', 'status', { periodId: next }));
    expect(before).toMatchObject({ opened: false, checklistsMissing: 74 });
    expect(await t.call(admin, 'assessment', 'close', { periodId: next })).toMatchObject({ code: 'INVALID_INPUT' });
    const after = data(await t.call(admin, 'assessment', 'openPeriod', { periodId: next }));
    expect(after).toMatchObject({ opened: true, checklistsMissing: 0, status: 'open' });
    expect(t.cloud.store.count('checklists', { periodId: next })).toBe(74);
    expect(await t.call(await t.as('M009'), 'assessment', 'openPeriod', { periodId: next })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('this quarter: evaluations, spot checks, close', () => {
  it('will not close while evaluations are missing, and says how many', async () => {
    const s = data(await t.call(admin, 'assessment', 'status', {}));
    expect(s).toMatchObject({ status: 'open', opened: true, cadres: 74, staffEvaluated: 0, sections: 12, sectionsEvaluated: 0 });
    const r = await t.call(admin, 'assessment', 'close', { periodId: q() });
    expect(r).toMatchObject({ code: 'CONFLICT', message: '还有 74 名干部未完成考人评分、12 个股室未完成考事评分，暂不能结束' });
    expect(find('quarterResults', { periodId: q() })).toEqual([]);
  });

  it('lets a section head evaluate their own staff only, within the checklist', async () => {
    const hu = one<MemberDoc>('members', { name: '胡广初' });
    const head = one<MemberDoc>('members', { sectionId: hu.sectionId, roles: 'sectionHead' });
    const token = await t.as(head._id);
    const cl = one<ChecklistDoc>('checklists', { _id: `${q()}_${hu._id}` });
    const qualitative = cl.items.find((i) => i.kind === 'qualitative');
    const counted = cl.items.find((i) => i.metric !== null);
    if (!counted) throw new Error('no counted item');
    expect(
      (await t.call(token, 'assessment', 'evaluateStaff', { memberId: hu._id, score: 88, grades: qualitative ? { [qualitative.nodeId]: 'B' } : {} }))
        .code,
    ).toBe(0);
    // The head finds what they gave when they come back, and the staff list marks 胡广初 as evaluated.
    const mine = data(await t.call(token, 'assessment', 'myEvaluations', {}));
    expect(mine.staff).toEqual([expect.objectContaining({ memberId: hu._id, score: 88 })]);
    const staff = data(await t.call(token, 'dossier', 'sectionStaff', {}));
    expect(staff.staff.find((r) => r.memberId === hu._id)).toMatchObject({ evaluated: true, isHead: false });
    expect(await t.call(token, 'assessment', 'evaluateStaff', { memberId: hu._id, score: 101 })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '分数应在0到100之间',
    });
    expect(await t.call(token, 'assessment', 'evaluateStaff', { memberId: hu._id, score: 80, actuals: { [counted.nodeId]: 3 } })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await t.call(token, 'assessment', 'evaluateStaff', { memberId: head._id, score: 100 })).toMatchObject({
      code: 'FORBIDDEN',
      message: '不能给自己评分',
    });
    const stranger = one<MemberDoc>('members', { sectionId: 'S09', roles: ['cadre'] });
    expect(await t.call(token, 'assessment', 'evaluateStaff', { memberId: stranger._id, score: 80 })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.call(await t.as(hu._id), 'assessment', 'evaluateSection', { sectionId: 'S01', score: 90 })).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('draws from the quarter’s committed seed: numbered draws, no seed from the caller, the fingerprint fixed before', async () => {
    const before = data(await t.call(leader, 'assessment', 'draws', {}));
    expect(before).toMatchObject({ periodId: q(), seed: null, draws: [] });
    expect(before.seedHash).toMatch(/^[0-9a-f]{64}$/);
    // a caller cannot choose the seed: the old way of redoing a draw is refused and changes nothing
    expect(await t.call(leader, 'assessment', 'draw', { pool: 'member', count: 5, seed: 20261124 } as never)).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(find('spotDraws', {})).toHaveLength(0);

    const a = data(await t.call(leader, 'assessment', 'draw', { pool: 'member', count: 5 }));
    const [b, c] = await Promise.all([
      t.call(admin, 'assessment', 'draw', { pool: 'section', count: 3 }).then(data),
      t.call(leader, 'assessment', 'draw', { pool: 'member', count: 5 }).then(data),
    ]);
    expect(a.n).toBe(1);
    // two at once: numbers 2 and 3, one each, none lost
    expect([b.n, c.n].sort()).toEqual([2, 3]);
    expect(a.picked).toHaveLength(5);
    expect(b.candidates).toHaveLength(12);
    const after = data(await t.call(admin, 'assessment', 'draws', {}));
    expect(after.seedHash).toBe(before.seedHash);
    expect(after.seed).toBeNull();
    expect(after.draws.map((d) => d.n)).toEqual([1, 2, 3]);
    expect(after.draws[0]).toMatchObject({ id: a.id, picked: a.picked, byName: one<MemberDoc>('members', { _id: 'M001' }).name });
    // the seed is nowhere in what the functions return while the quarter is open
    const seed = one<{ seed: string }>('spotSeeds', { _id: q() }).seed;
    expect(JSON.stringify([before, a, b, c, after])).not.toContain(seed);
    // a cadre sees no draws
    const hu = one<MemberDoc>('members', { name: '胡广初' });
    expect(await t.call(await t.as(hu._id), 'assessment', 'draws', {})).toMatchObject({ code: 'FORBIDDEN' });

    const notPicked = find<MemberDoc>('members', { roles: 'cadre' }).find((m) => !a.picked.some((p) => p.id === m._id));
    const r = await t.call(leader, 'assessment', 'spotCheck', {
      targetType: 'member',
      targetId: notPicked?._id ?? '',
      findings: '台账不全，走访记录缺少照片',
      deduction: 2,
      drawId: a.id,
    });
    expect(r).toMatchObject({ code: 'INVALID_INPUT', message: '该对象不在所选的随机抽取名单中' });
    expect(
      await t.call(leader, 'assessment', 'spotCheck', { targetType: 'member', targetId: a.picked[0]?.id ?? '', findings: '台账不全', deduction: 21 }),
    ).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('closes once everyone is evaluated: scores with deductions, the 好 quota, and no more changes', async () => {
    const members = find<MemberDoc>('members', { active: true });
    const tokens = new Map(
      await Promise.all(members.filter((m) => m.roles.includes('sectionHead')).map(async (h) => [h.sectionId, await t.as(h._id)] as const)),
    );
    // Section heads evaluate their staff; the leader who oversees a section evaluates its head (分管领导).
    const overseers = new Map(
      await Promise.all(find<SectionDoc>('sections', {}).map(async (s) => [s._id, s.leaderId ? await t.as(s.leaderId) : leader] as const)),
    );
    for (const m of members.filter((x) => x.roles.includes('cadre'))) {
      const token = m.roles.includes('sectionHead') ? overseers.get(m.sectionId ?? '') : tokens.get(m.sectionId);
      const r = await t.call(token ?? '', 'assessment', 'evaluateStaff', { memberId: m._id, score: 78 + (Number(m._id.slice(1)) % 20) });
      expect(r.code).toBe(0);
    }
    for (const s of find<SectionDoc>('sections', {})) {
      expect((await t.call(leader, 'assessment', 'evaluateSection', { sectionId: s._id, score: 85 + (s.order % 10) })).code).toBe(0);
    }
    const hu = one<MemberDoc>('members', { name: '胡广初' });
    expect(
      (await t.call(leader, 'assessment', 'spotCheck', { targetType: 'member', targetId: hu._id, findings: '走访台账与实际不符', deduction: 5 }))
        .code,
    ).toBe(0);
    expect(
      (await t.call(leader, 'assessment', 'spotCheck', { targetType: 'section', targetId: 'S01', findings: '督办事项未按期办结', deduction: 4 }))
        .code,
    ).toBe(0);

    const closed = data(await t.call(admin, 'assessment', 'close', { periodId: q() }));
    expect(closed).toMatchObject({ status: 'closed', staffEvaluated: 74, sectionsEvaluated: 12 });

    const ranking = data(await t.call(leader, 'assessment', 'ranking', { periodId: q() }));
    expect(ranking.members.filter((m) => m.grade === 'good').length).toBeLessThanOrEqual(Math.floor(74 * 0.4));
    const s01 = ranking.sections.find((s) => s.sectionId === 'S01');
    expect(s01).toMatchObject({ deductions: 4 });
    expect(s01?.score).toBeCloseTo((s01?.evaluation ?? 0) - 4, 2);
    const mine = data(await t.call(await t.as(hu._id), 'assessment', 'result', { periodId: q() }));
    expect(mine.deductions).toBe(5);

    // Closed: no more reports, evaluations or spot checks for the quarter.
    const head = tokens.get(hu.sectionId) ?? '';
    expect(await t.call(head, 'assessment', 'evaluateStaff', { memberId: hu._id, score: 99 })).toMatchObject({ code: 'CLOSED' });
    expect(
      await t.call(await t.as(hu._id), 'dossier', 'recordVisit', { enterpriseId: 'E010', date: dayjs().format('YYYY-MM-DD'), note: '补记走访' }),
    ).toMatchObject({ code: 'CLOSED' });
    expect(await t.call(admin, 'assessment', 'close', { periodId: q() })).toMatchObject({ code: 'CLOSED' });
  });

  it('reveals the seed once the quarter is closed, and every draw redone from it gives the same names', async () => {
    const v = data(await t.call(leader, 'assessment', 'draws', { periodId: q() }));
    expect(v.seed).toMatch(/^[0-9a-f]{64}$/);
    expect(v.draws.length).toBeGreaterThanOrEqual(3);
    expect(verifyDraws({ periodId: q(), seedHash: v.seedHash, seed: v.seed ?? '' }, v.draws)).toEqual({ ok: true });
    // a draw quietly dropped from the record shows as a gap
    expect(verifyDraws({ periodId: q(), seedHash: v.seedHash, seed: v.seed ?? '' }, v.draws.slice(1))).toMatchObject({ ok: false });
    // no draw in a quarter whose seed is public
    expect(await t.call(leader, 'assessment', 'draw', { pool: 'member', count: 2 })).toMatchObject({ code: 'CLOSED' });
    expect(data(await t.call(leader, 'assessment', 'draws', { periodId: q() })).draws).toHaveLength(v.draws.length);
  });
});

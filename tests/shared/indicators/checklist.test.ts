import { reviewStep } from '../../../shared/applications/review';
import { drawTargets, staffEvaluationProblem } from '../../../shared/assessment/evaluations';
import { evenWeights, indicatorPart, insertWithWeight, scoreItem, type ChecklistItem } from '../../../shared/indicators/checklist';

const item = (over: Partial<ChecklistItem>): ChecklistItem => ({
  nodeId: 'n1', indicatorId: 'i1', indicatorVersion: 1, name: '走访服务企业数', class: 'key', kind: 'quantitative', unit: '家',
  direction: 'higher', target: 30, rule: { type: 'proportional', cap: 100 }, metric: 'enterprise_visit', weight: 20, ...over,
});

describe('scoring a checklist item, with the reason in words', () => {
  it('counts a dossier item from the reports', () => {
    const r = scoreItem(item({}), { progress: { enterprise_visit: 24 }, actuals: {}, grades: {} });
    // 24 / 30 × 100 = 80; 20 × 80 / 100 = 16 points
    expect(r).toMatchObject({ score: 80, points: 16, why: '完成24家，目标30家，按完成比例计分，得80分' });
  });
  it('takes the section head’s actual value for an item no report counts', () => {
    const r = scoreItem(item({ metric: null, unit: '%', target: 95 }), { progress: {}, actuals: { n1: 76 }, grades: {} });
    expect(r.score).toBe(80); // 76 / 95 = 80%
  });
  it('grades a qualitative item, and scores nothing not yet graded', () => {
    const q = item({ kind: 'qualitative', target: null, rule: null, metric: null });
    expect(scoreItem(q, { progress: {}, actuals: {}, grades: { n1: 'B' } })).toMatchObject({ score: 85, why: '评定为“良”，得85分' });
    expect(scoreItem(q, { progress: {}, actuals: {}, grades: {} })).toMatchObject({ score: null, points: 0 });
  });
  it('sums the points into the indicator part', () => {
    // (16 + 30) / (20 + 30) × 100 = 92
    expect(indicatorPart([{ nodeId: 'a', name: 'a', weight: 20, score: 80, points: 16, why: '' }, { nodeId: 'b', name: 'b', weight: 30, score: 100, points: 30, why: '' }])).toBe(92);
  });
});

describe('adding an approved indicator to a checklist', () => {
  it('scales the others so the weights still add up to 100, in whole numbers', () => {
    const items = [20, 15, 15, 17, 17, 16].map((weight, i) => ({ id: `x${i}`, weight }));
    const out = insertWithWeight(items, { id: 'new', weight: 10 });
    expect(out.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(out.find((i) => i.id === 'new')?.weight).toBe(10);
    expect(out.every((i) => Number.isInteger(i.weight))).toBe(true);
    expect(out[0]?.weight).toBe(18); // 20 × 90/100
  });
  it('splits evenly with whole weights', () => {
    expect(evenWeights(50, 3)).toEqual([17, 17, 16]);
  });
});

describe('a spot-check draw', () => {
  it('is the same for the same pool and seed, whatever order the pool came in', () => {
    const pool = ['M01', 'M02', 'M03', 'M04', 'M05', 'M06', 'M07', 'M08'];
    expect(drawTargets(pool, 3, 42)).toEqual(drawTargets([...pool].reverse(), 3, 42));
    expect(new Set(drawTargets(pool, 3, 42)).size).toBe(3);
    expect(drawTargets(pool, 20, 1)).toHaveLength(8);
  });
});

describe('reviewing an application', () => {
  const app = { memberId: 'M021', sectionId: 'S03', status: 'pending_head' as const };
  it('goes to the section head first, then the admin', () => {
    expect(reviewStep(app, { _id: 'M020', roles: ['cadre', 'sectionHead'], sectionId: 'S03' }, 'approve')).toMatchObject({ ok: true, status: 'pending_admin' });
    expect(reviewStep({ ...app, status: 'pending_admin' }, { _id: 'M002', roles: ['leader', 'admin'], sectionId: 'S02' }, 'approve')).toMatchObject({ ok: true, status: 'approved' });
  });
  it('lets nobody review their own, nor skip a step', () => {
    expect(reviewStep(app, { _id: 'M021', roles: ['cadre', 'sectionHead'], sectionId: 'S03' }, 'approve')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(reviewStep(app, { _id: 'M002', roles: ['admin'], sectionId: 'S02' }, 'approve')).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    expect(reviewStep({ ...app, status: 'approved' }, { _id: 'M002', roles: ['admin'], sectionId: null }, 'reject')).toMatchObject({ ok: false, code: 'CONFLICT' });
  });
});

describe('who evaluates whom (考人)', () => {
  const head = { _id: 'H', roles: ['cadre', 'sectionHead'] as const, sectionId: 'S03' };
  it('a head their staff, a leader the heads, nobody themself', () => {
    expect(staffEvaluationProblem({ ...head, roles: [...head.roles] }, { _id: 'C', roles: ['cadre'], sectionId: 'S03' })).toBeNull();
    expect(staffEvaluationProblem({ ...head, roles: [...head.roles] }, { _id: 'C', roles: ['cadre'], sectionId: 'S04' })).toBe('只能评价本股室的工作人员');
    expect(staffEvaluationProblem({ _id: 'L', roles: ['leader'], sectionId: null }, { ...head, roles: [...head.roles] })).toBeNull();
    expect(staffEvaluationProblem({ ...head, roles: [...head.roles] }, { ...head, roles: [...head.roles] })).toBe('不能给自己评分');
  });
});

describe('quarter results are stored a section to a document', () => {
  it('packs each section with its cadres, and says how many were ranked', async () => {
    const { assessPeriod, packResults } = await import('../../../shared/assessment/assessment');
    const member = (memberId: string, sectionId: string) => ({
      memberId, name: memberId, sectionId, items: [], inputs: { progress: {}, actuals: {}, grades: {} }, staffEvaluation: 80, deductions: 0,
    });
    const r = assessPeriod(
      [member('a', 'S1'), member('b', 'S1'), member('c', 'S2')],
      [{ sectionId: 'S1', name: '一', leaderScores: [90], deductions: 0 }, { sectionId: 'S2', name: '二', leaderScores: [80], deductions: 0 }],
    );
    const docs = packResults('2026Q4', r);
    expect(docs.map((d) => [d._id, d.members.map((m) => m.memberId).sort(), d.section?.sectionId, d.of])).toEqual([
      ['2026Q4_S1', ['a', 'b'], 'S1', 3],
      ['2026Q4_S2', ['c'], 'S2', 3],
    ]);
  });
});

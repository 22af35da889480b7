import { evenWeights, indicatorPart, insertWithWeight, scoreItem, type ChecklistItem } from '../../../shared/indicators/checklist';

const item = (over: Partial<ChecklistItem>): ChecklistItem => ({
  nodeId: 'n1',
  indicatorId: 'i1',
  indicatorVersion: 1,
  name: '走访服务企业数',
  class: 'key',
  kind: 'quantitative',
  unit: '家',
  direction: 'higher',
  target: 30,
  rule: { type: 'proportional', cap: 100 },
  metric: 'enterprise_visit',
  weight: 20,
  ...over,
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
    expect(
      indicatorPart([
        { nodeId: 'a', name: 'a', weight: 20, score: 80, points: 16, why: '' },
        { nodeId: 'b', name: 'b', weight: 30, score: 100, points: 30, why: '' },
      ]),
    ).toBe(92);
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

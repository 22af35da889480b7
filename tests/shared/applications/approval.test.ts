import { approvedChecklist, approvedIndicator, approvedIndicatorId, approvedNodes } from '../../../shared/applications/approval';
import { APPROVAL } from '../../../shared/applications/config';
import type { ChecklistItem } from '../../../shared/indicators/checklist';
import type { TreeNodeDoc } from '../../../shared/indicators/indicator';

const app = {
  _id: 'APP-1A2B3C',
  memberId: 'M021',
  memberName: '宋博华',
  sectionId: 'S03',
  name: '预制构件厂房试运行',
  kind: 'quantitative' as const,
  unit: '项',
  target: 1,
};
const node = (id: string, weight: number, order: number): TreeNodeDoc => ({
  _id: id,
  level: 'personal',
  parentId: 'P-S03-主办',
  label: id,
  indicatorId: `I-${id}`,
  sectionId: 'S03',
  post: '主办',
  memberId: 'M021',
  weight,
  target: null,
  order,
});

describe('approving an application (指标动态调整)', () => {
  it('makes a 个性 indicator of the applicant’s section, scored in proportion to its target', () => {
    const ind = approvedIndicator(app);
    expect(ind).toMatchObject({
      _id: approvedIndicatorId(app),
      class: APPROVAL.class,
      group: APPROVAL.group,
      sectionIds: ['S03'],
      target: 1,
      rule: APPROVAL.rule,
      version: 1,
    });
    expect(ind._id).toBe(`${APPROVAL.indicatorIdPrefix}1A2B3C`);
    // a qualitative application is graded, so it has no quantitative rule
    expect(approvedIndicator({ ...app, kind: 'qualitative', target: null }).rule).toBeNull();
  });
  it('adds the node at the admin’s weight under the same post, scaling the others to keep 100', () => {
    const ind = approvedIndicator(app);
    // 60 + 40 with a new 20: the others share 80 in the same proportion → 48 + 32
    const { rebalanced, added } = approvedNodes(app, ind, [node('a', 60, 1), node('b', 40, 2)], 20);
    expect(rebalanced.map((n) => [n._id, n.weight])).toEqual([
      ['a', 48],
      ['b', 32],
    ]);
    expect(added).toMatchObject({ weight: 20, parentId: 'P-S03-主办', post: '主办', order: 3, indicatorId: ind._id, memberId: 'M021' });
    expect([...rebalanced, added].reduce((s, n) => s + n.weight, 0)).toBe(100);
  });
  it('puts the same item in the open quarter’s checklist, still adding up to 100', () => {
    const ind = approvedIndicator(app);
    const { added } = approvedNodes(app, ind, [node('a', 100, 1)], 10);
    const existing = [{ nodeId: 'a', weight: 100 } as ChecklistItem];
    const items = approvedChecklist(existing, ind, added);
    expect(items.map((i) => [i.nodeId, i.weight])).toEqual([
      ['a', 90],
      [added._id, 10],
    ]);
    expect(items[1]).toMatchObject({ indicatorId: ind._id, indicatorVersion: 1, class: 'personal', metric: null });
  });
});

/**
 * What the admin's approval of an application adds (指标动态调整, the report's "允许干部申报新增绩效指标"):
 * a 个性 indicator for the applicant's section, a node in the applicant's personal checklist of the tree, and —
 * while the quarter is open and its checklist fixed — the same item in that checklist. The new item takes the
 * weight the admin gives it; the others are scaled down so that the checklist still adds up to 100.
 */
import type { ChecklistItem } from '../indicators/checklist';
import { insertWithWeight } from '../indicators/checklist';
import type { IndicatorDoc, TreeNodeDoc } from '../indicators/indicator';
import { APPROVAL } from './config';
import type { ApplicationDoc } from './review';

type Approved = Pick<ApplicationDoc, '_id' | 'memberId' | 'memberName' | 'sectionId' | 'name' | 'kind' | 'unit' | 'target'>;

export function approvedIndicatorId(app: Pick<ApplicationDoc, '_id'>): string {
  return `${APPROVAL.indicatorIdPrefix}${app._id.replace(/^APP-/, '')}`;
}

export function approvedIndicator(app: Approved): IndicatorDoc {
  return {
    _id: approvedIndicatorId(app),
    version: 1,
    name: app.name,
    class: APPROVAL.class,
    kind: app.kind,
    group: APPROVAL.group,
    sectionIds: [app.sectionId],
    unit: app.unit,
    direction: APPROVAL.direction,
    target: app.target,
    rule: app.kind === 'quantitative' ? { ...APPROVAL.rule } : null,
    owner: app.sectionId,
    source: `干部申报（${app.memberName}）`,
    metric: null,
    active: true,
  };
}

/**
 * The applicant's personal nodes after the approval: `rebalanced` are the existing nodes with their new weights,
 * `added` the new node (placed after them, under the same post node).
 */
export function approvedNodes(
  app: Approved,
  indicator: IndicatorDoc,
  personal: TreeNodeDoc[],
  weight: number,
): { rebalanced: TreeNodeDoc[]; added: TreeNodeDoc } {
  const added: TreeNodeDoc = {
    _id: `N-${app.memberId}-${indicator._id}`,
    level: 'personal',
    parentId: personal[0]?.parentId ?? null,
    label: app.name,
    indicatorId: indicator._id,
    sectionId: app.sectionId,
    post: personal[0]?.post ?? null,
    memberId: app.memberId,
    weight,
    target: app.target,
    order: Math.max(0, ...personal.map((n) => n.order)) + 1,
  };
  const all = insertWithWeight(personal, added);
  return { rebalanced: all.slice(0, -1), added };
}

/** The open quarter's checklist with the approved item in it, the other weights scaled to keep 100. */
export function approvedChecklist(items: ChecklistItem[], indicator: IndicatorDoc, node: TreeNodeDoc): ChecklistItem[] {
  const item: ChecklistItem = {
    nodeId: node._id,
    indicatorId: indicator._id,
    indicatorVersion: indicator.version,
    name: indicator.name,
    class: indicator.class,
    kind: indicator.kind,
    unit: indicator.unit,
    direction: indicator.direction,
    target: indicator.target,
    rule: indicator.rule,
    metric: indicator.metric,
    weight: node.weight,
  };
  return insertWithWeight(items, item);
}

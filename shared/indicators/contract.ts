import { z } from 'zod';
import { Id, Name } from '../common/schema';
import { Metric } from "../dossier/contract";

const Points = z.number().min(0, { error: '分值不能为负' }).max(200, { error: '分值不超过200' });

export const IndicatorClass = z.enum(['key', 'personal', 'incentive']);
export const IndicatorKind = z.enum(['qualitative', 'quantitative']);
export const Direction = z.enum(['higher', 'lower']);
export const QualitativeGrade = z.enum(['A', 'B', 'C', 'D']);
export const QuantRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('proportional'), cap: Points }).strict(),
  z
    .object({
      type: z.literal('tiers'),
      tiers: z.array(z.object({ atLeast: z.number(), points: Points }).strict()).min(1, { error: '至少设置一个档次' }).max(10),
    })
    .strict(),
  z.object({ type: z.literal('deduction'), perUnit: Points, floor: Points }).strict(),
  z.object({ type: z.literal('bonus'), perUnit: Points, cap: Points }).strict(),
]);
export const IndicatorView = z.object({
  id: z.string(),
  version: z.number(),
  name: z.string(),
  class: IndicatorClass,
  kind: IndicatorKind,
  group: z.string(),
  unit: z.string().nullable(),
  direction: Direction,
  target: z.number().nullable(),
  rule: QuantRule.nullable(),
  owner: z.string(),
  source: z.string(),
  metric: Metric.nullable(),
  active: z.boolean(),
});
export type IndicatorView = z.infer<typeof IndicatorView>;
export const SaveIndicatorInput = z
  .object({
    id: Id.optional(),
    name: Name,
    class: IndicatorClass,
    kind: IndicatorKind,
    group: z.string().trim().min(1).max(20),
    unit: z.string().trim().max(8).nullable(),
    direction: Direction,
    target: z.number().nullable(),
    rule: QuantRule.nullable(),
    owner: z.string().trim().min(1).max(32),
    source: z.string().trim().max(60),
    active: z.boolean().default(true),
  })
  .strict()
  .refine((i) => i.kind === 'qualitative' || (i.target !== null && i.rule !== null), {
    error: '定量指标需要目标值和计分规则',
    path: ['rule'],
  });
export const TreeNodeView = z.object({
  id: z.string(),
  level: z.enum(['goal', 'section', 'post', 'personal']),
  parentId: z.string().nullable(),
  label: z.string(),
  indicatorId: z.string().nullable(),
  sectionId: z.string().nullable(),
  post: z.string().nullable(),
  memberId: z.string().nullable(),
  weight: z.number(),
  target: z.number().nullable(),
  group: z.string(),
});
export const WeightProblem = z.object({ group: z.string(), label: z.string(), sum: z.number() });
export const ChecklistItemView = z.object({
  nodeId: z.string(),
  indicatorId: z.string(),
  indicatorVersion: z.number(),
  name: z.string(),
  class: IndicatorClass,
  kind: IndicatorKind,
  unit: z.string().nullable(),
  direction: Direction,
  target: z.number().nullable(),
  metric: Metric.nullable(),
  weight: z.number(),
  /** Counted so far from the dossier (for metric items), else null. */
  done: z.number().nullable(),
});
export const ChecklistView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  items: z.array(ChecklistItemView),
});

/**
 * The indicator system's contract: indicator classes and kinds, scoring rules, the tree (指标分解) and checklists,
 * and the indicators function's actions.
 */
import { z } from 'zod';
import { Id, Name, PeriodId, empty } from '../common/schema';
import { Metric } from '../dossier/contract';

const Points = z.number().min(0, { error: '分值不能为负' }).max(200, { error: '分值不超过200' });

export const IndicatorClass = z.enum(['key', 'personal', 'incentive']);
export type IndicatorClass = z.infer<typeof IndicatorClass>;
export const IndicatorKind = z.enum(['qualitative', 'quantitative']);
export type IndicatorKind = z.infer<typeof IndicatorKind>;
export const Direction = z.enum(['higher', 'lower']);
export type Direction = z.infer<typeof Direction>;
export const QualitativeGrade = z.enum(['A', 'B', 'C', 'D']);
export type QualitativeGrade = z.infer<typeof QualitativeGrade>;
export const QuantRule = z.discriminatedUnion('type', [
  z.object({ type: z.literal('proportional'), cap: Points }).strict(),
  z
    .object({
      type: z.literal('tiers'),
      tiers: z
        .array(z.object({ atLeast: z.number(), points: Points }).strict())
        .min(1, { error: '至少设置一个档次' })
        .max(10),
    })
    .strict(),
  z.object({ type: z.literal('deduction'), perUnit: Points, floor: Points }).strict(),
  z.object({ type: z.literal('bonus'), perUnit: Points, cap: Points }).strict(),
]);
export type QuantRule = z.infer<typeof QuantRule>;
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

/** The indicators function's actions: each one's input and output schema. */
export const indicatorsContract = {
  /** The indicator library, latest versions. */
  library: { input: empty, output: z.array(IndicatorView) },
  /** Admin: add an indicator, or change one (a new version; closed periods keep theirs). */
  save: { input: SaveIndicatorInput, output: IndicatorView },
  /** Earlier versions of an indicator, newest first. */
  history: { input: z.object({ indicatorId: Id }).strict(), output: z.array(IndicatorView) },
  /** The tree: park goals and section indicators; with `sectionId`, also that section's post and personal nodes. */
  tree: {
    input: z.object({ sectionId: Id.optional() }).strict(),
    output: z.object({ nodes: z.array(TreeNodeView), problems: z.array(WeightProblem) }),
  },
  /** Admin: change weights; refused (nothing written) unless every touched group still adds up to 100. */
  saveWeights: {
    input: z
      .object({
        changes: z
          .array(z.object({ nodeId: Id, weight: z.number().min(0).max(100) }).strict())
          .min(1)
          .max(50),
      })
      .strict(),
    output: z.object({ nodes: z.array(TreeNodeView), problems: z.array(WeightProblem) }),
  },
  /** A cadre's checklist (个人绩效考核清单) for a quarter: own; a section head's staff; anyone for leaders/admin. */
  checklist: { input: z.object({ periodId: PeriodId.optional(), memberId: Id.optional() }).strict(), output: ChecklistView },
} as const;

/**
 * The indicator system's contract: indicator classes and kinds, scoring rules, the tree (指标分解) and checklists,
 * and the indicators function's actions.
 */
import { z } from 'zod';
import { Id, Name, PeriodId, empty } from '../common/schema';
import { Metric } from '../dossier/contract';
import { TREE } from './config';

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
export const TreeLevel = z.enum(['goal', 'section', 'post', 'personal']);
export const TreeNodeView = z.object({
  id: z.string(),
  level: TreeLevel,
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
/** One node of a weight group as the admin saves it with the rest of its group (indicators.saveGroup). */
export const GroupNodeInput = z
  .object({
    /** The node as stored; null: a node to add. */
    nodeId: Id.nullable(),
    /** The indicator it carries: null only for a park goal (园区目标), which is named by `label`. */
    indicatorId: Id.nullable(),
    /** A park goal's wording; the other levels take their indicator's name. */
    label: z.string().trim().max(40, { error: '目标名称不超过40字' }).nullable().default(null),
    parentId: Id.nullable(),
    weight: z
      .number({ error: '请填写权重' })
      .min(0, { error: '权重不能为负' })
      .max(TREE.groupTotal, { error: `权重不超过${TREE.groupTotal}` }),
    /** A personal target that overrides the indicator's default; null: the indicator's own. */
    target: z
      .number({ error: '目标值应为数字' })
      .min(0, { error: '目标值不能为负' })
      .max(TREE.targetMax, { error: '目标值过大' })
      .nullable()
      .default(null),
  })
  .strict();
export type GroupNodeInput = z.infer<typeof GroupNodeInput>;
const GroupNodes = z.array(GroupNodeInput).max(TREE.groupMaxNodes, { error: `一组最多${TREE.groupMaxNodes}项` });
/** A post as the roster writes it (empty: people with no post). */
const TreePost = z.string().trim().max(20, { error: '岗位不超过20字' });
/**
 * A whole weight group (权重分组): which group — the park's goals, a section's indicators, a post's, a cadre's own
 * checklist — and every node it is to hold, in order. Nodes of the group left out are removed.
 */
export const SaveGroupInput = z.discriminatedUnion('level', [
  z.object({ level: z.literal('goal'), nodes: GroupNodes }).strict(),
  z.object({ level: z.literal('section'), sectionId: Id, nodes: GroupNodes }).strict(),
  z.object({ level: z.literal('post'), sectionId: Id, post: TreePost, nodes: GroupNodes }).strict(),
  z.object({ level: z.literal('personal'), memberId: Id, nodes: GroupNodes }).strict(),
]);
export type SaveGroupInput = z.infer<typeof SaveGroupInput>;
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
  /**
   * The tree: park goals and section indicators; with `sectionId`, also that section's post nodes, the personal
   * nodes of its people, and its people (the cadres whose checklists it decomposes to).
   */
  tree: {
    input: z.object({ sectionId: Id.optional() }).strict(),
    output: z.object({
      nodes: z.array(TreeNodeView),
      problems: z.array(WeightProblem),
      people: z.array(z.object({ id: z.string(), name: z.string(), post: z.string().nullable() })),
    }),
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
  /**
   * Admin: a whole weight group at once — nodes added, changed and removed together, or nothing written; refused
   * unless the group adds up to 100 with active indicators, each once, under parents of the level above in the
   * same section (shared/indicators/tree-group.ts). A quarter already opened keeps the checklists it fixed.
   */
  saveGroup: {
    input: SaveGroupInput,
    output: z.object({
      group: z.string(),
      label: z.string(),
      nodes: z.array(TreeNodeView),
      added: z.number(),
      updated: z.number(),
      removed: z.number(),
    }),
  },
  /** A cadre's checklist (个人绩效考核清单) for a quarter: own; a section head's staff; anyone for leaders/admin. */
  checklist: { input: z.object({ periodId: PeriodId.optional(), memberId: Id.optional() }).strict(), output: ChecklistView },
} as const;

/**
 * Contracts of the indicator system, applications for new indicators, unit evaluations, spot checks and the
 * quarterly assessment (issue 3). Views are what the phone shows; inputs are parsed on the server.
 */
import { z } from 'zod';
import { MAX_DEDUCTION } from '../domain/scoring/evaluations';
import { Day, FileId, Id, Metric, PeriodId } from './model';
import { LIMITS } from '../config/defaults';

export const IndicatorClass = z.enum(['key', 'personal', 'incentive']);
export const IndicatorKind = z.enum(['qualitative', 'quantitative']);
export const Direction = z.enum(['higher', 'lower']);
export const QualitativeGrade = z.enum(['A', 'B', 'C', 'D']);

const Points = z.number().min(0, { error: '分值不能为负' }).max(200, { error: '分值不超过200' });
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

const Name = z.string().trim().min(2, { error: '名称至少2个字' }).max(40, { error: '名称不超过40字' });
const Reason = z.string().trim().min(2, { error: '请填写理由（至少2个字）' }).max(300, { error: '理由不超过300字' });
const Score100 = z.number({ error: '请填写分数' }).min(0, { error: '分数应在0到100之间' }).max(100, { error: '分数应在0到100之间' });

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

export const ApplicationStatus = z.enum(['pending_head', 'pending_admin', 'approved', 'rejected']);
export const ApplicationView = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  sectionId: z.string(),
  name: z.string(),
  reason: z.string(),
  kind: IndicatorKind,
  unit: z.string().nullable(),
  target: z.number().nullable(),
  status: ApplicationStatus,
  history: z.array(z.object({ by: z.string(), byName: z.string(), action: z.string(), reason: z.string(), at: z.number() })),
  indicatorId: z.string().nullable(),
});
export type ApplicationView = z.infer<typeof ApplicationView>;

export const ApplyInput = z
  .object({
    name: Name,
    reason: Reason,
    kind: IndicatorKind,
    unit: z.string().trim().max(8).nullable().default(null),
    target: z.number().positive({ error: '目标值应大于0' }).nullable().default(null),
  })
  .strict()
  .refine((a) => a.kind === 'qualitative' || a.target !== null, { error: '定量指标请填写目标值', path: ['target'] });

export const ReviewInput = z
  .object({
    applicationId: Id,
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(300).default(''),
    /** Admin's final approval: the weight the new item takes in the checklist (the others shrink to fit 100). */
    weight: z.number().int().min(1).max(50).default(10),
  })
  .strict()
  .refine((r) => r.decision === 'approve' || r.reason.length >= 2, { error: '驳回请填写理由', path: ['reason'] });

export const StaffEvaluationInput = z
  .object({
    memberId: Id,
    score: Score100,
    grades: z.record(Id, QualitativeGrade).default({}),
    actuals: z.record(Id, z.number().min(0, { error: '完成值不能为负' }).max(1e9)).default({}),
    comment: z.string().trim().max(300).default(''),
  })
  .strict();

export const SectionEvaluationInput = z.object({ sectionId: Id, score: Score100, comment: z.string().trim().max(300).default('') }).strict();

export const SpotCheckInput = z
  .object({
    targetType: z.enum(['section', 'member']),
    targetId: Id,
    findings: z.string().trim().min(4, { error: '请写明抽查发现（至少4个字）' }).max(500),
    deduction: z.number().min(0, { error: '扣分不能为负' }).max(MAX_DEDUCTION, { error: `单次扣分不超过${MAX_DEDUCTION}分` }),
    drawId: Id.nullable().default(null),
  })
  .strict();

export const DrawInput = z
  .object({
    pool: z.enum(['section', 'member']),
    count: z.number().int().min(1).max(50),
    /** Given to redo a recorded draw; a fresh random one otherwise. */
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
  })
  .strict();

export const ItemScoreView = z.object({
  nodeId: z.string(),
  name: z.string(),
  weight: z.number(),
  score: z.number().nullable(),
  points: z.number(),
  why: z.string(),
});

export const QuarterGrade = z.enum(['good', 'fair', 'average', 'poor']);
export const MemberResultView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  memberId: z.string(),
  name: z.string(),
  sectionId: z.string(),
  sectionName: z.string().nullable(),
  items: z.array(ItemScoreView),
  indicators: z.number(),
  staffEvaluation: z.number(),
  sectionEvaluation: z.number(),
  deductions: z.number(),
  score: z.number(),
  grade: QuarterGrade,
  cappedByQuota: z.boolean(),
  rank: z.number(),
  of: z.number(),
  corrections: z.array(z.object({ field: z.string(), old: z.number(), new: z.number(), reason: z.string(), byName: z.string(), at: z.number() })),
});

export const RankingView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  members: z.array(
    z.object({ memberId: z.string(), name: z.string(), sectionName: z.string().nullable(), score: z.number(), grade: QuarterGrade, rank: z.number() }),
  ),
  sections: z.array(
    z.object({ sectionId: z.string(), name: z.string(), evaluation: z.number(), deductions: z.number(), score: z.number(), staffMean: z.number(), rank: z.number() }),
  ),
});

export const PeriodStatusView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  status: z.enum(['open', 'closing', 'closed']),
  /** Whether the quarter was opened (checklists fixed); reports may be recorded in the current quarter either way. */
  opened: z.boolean(),
  /** Cadres whose checklist is not fixed yet: opening continues (call openPeriod again) until this is 0. */
  checklistsMissing: z.number(),
  cadres: z.number(),
  staffEvaluated: z.number(),
  sections: z.number(),
  sectionsEvaluated: z.number(),
  /** Names of those still missing (first 20), for the admin to chase. */
  missingStaff: z.array(z.string()),
  missingSections: z.array(z.string()),
});

export const RecordInput = z
  .object({
    kind: z.enum(['enterprise_visit', 'appeal_resolved', 'project_milestone', 'achievement']),
    date: Day,
    enterpriseId: Id.nullable().default(null),
    projectId: Id.nullable().default(null),
    note: z
      .string()
      .trim()
      .min(2, { error: '请简要填写工作情况（至少2个字）' })
      .max(LIMITS.reportNoteMax, { error: `工作情况不超过${LIMITS.reportNoteMax}字` }),
    photoFileIds: z.array(FileId).max(LIMITS.photosPerReport, { error: `最多上传${LIMITS.photosPerReport}张照片` }).default([]),
  })
  .strict()
  .refine((r) => (r.kind === 'enterprise_visit' || r.kind === 'appeal_resolved' ? r.enterpriseId !== null : true), {
    error: '请选择企业',
    path: ['enterpriseId'],
  })
  .refine((r) => (r.kind === 'project_milestone' ? r.projectId !== null : true), { error: '请选择项目', path: ['projectId'] });

export { PeriodId };

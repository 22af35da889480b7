/**
 * The dossier's contract (绩效档案): what a target counts, day-to-day reports and their views, and the dossier
 * function's actions. Every field a client sends is parsed by one of these before anything reads it.
 */
import { z } from 'zod';
import { LIMITS } from '../common/config';
import { Cursor, Day, FileId, Id, PeriodId, page } from '../common/schema';

/** What a dossier target counts. */
export const Metric = z.enum(['enterprise_visit', 'project_milestone', 'appeal_resolved']);
export type Metric = z.infer<typeof Metric>;
export const TargetProgress = z.object({
  metric: Metric,
  label: z.string(),
  unit: z.string(),
  target: z.number(),
  done: z.number(),
  /** 0–100, rounded down; 100 when the target is met or exceeded. */
  percent: z.number(),
});
export type TargetProgress = z.infer<typeof TargetProgress>;
/** What a day-to-day report records: one of the counted metrics, or another achievement (其他工作实绩). */
export const ReportKind = z.enum(['enterprise_visit', 'appeal_resolved', 'project_milestone', 'achievement']);
export type ReportKind = z.infer<typeof ReportKind>;
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  enterprise_visit: '走访企业',
  appeal_resolved: '解决企业诉求',
  project_milestone: '项目进展',
  achievement: '其他工作实绩',
};
export const ReportView = z.object({
  id: z.string(),
  kind: ReportKind,
  projectName: z.string().nullable(),
  date: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  note: z.string(),
  photoUrls: z.array(z.string()),
});
export type ReportView = z.infer<typeof ReportView>;
export const DossierView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  /** First and last day reports may carry. */
  firstDay: z.string(),
  lastDay: z.string(),
  open: z.boolean(),
  memberId: z.string(),
  memberName: z.string(),
  sectionName: z.string().nullable(),
  targets: z.array(TargetProgress),
  /** Visits in total, counting repeat visits to one enterprise (the target counts distinct enterprises). */
  visitCount: z.number(),
  recent: z.array(ReportView),
});
export type DossierView = z.infer<typeof DossierView>;
export const StaffRow = z.object({
  memberId: z.string(),
  name: z.string(),
  post: z.string().nullable(),
  targets: z.array(TargetProgress),
  /** Mean of the targets' percents, rounded down. */
  overallPercent: z.number(),
  /** A section head (evaluated by a leader, not by the section). */
  isHead: z.boolean(),
  /** Has a 考人 evaluation for this quarter. */
  evaluated: z.boolean(),
});
export type StaffRow = z.infer<typeof StaffRow>;
/** What a cadre may report themself: everything but an appeal resolved (counted from the appeal). */
export const SelfReportKind = z.enum(['enterprise_visit', 'project_milestone', 'achievement'], {
  error: '企业诉求办结由企业确认后自动计入，无需自行填报',
});
export type SelfReportKind = z.infer<typeof SelfReportKind>;

export const RecordInput = z
  .object({
    kind: SelfReportKind,
    date: Day,
    enterpriseId: Id.nullable().default(null),
    projectId: Id.nullable().default(null),
    note: z
      .string()
      .trim()
      .min(2, { error: '请简要填写工作情况（至少2个字）' })
      .max(LIMITS.reportNoteMax, { error: `工作情况不超过${LIMITS.reportNoteMax}字` }),
    photoFileIds: z
      .array(FileId)
      .max(LIMITS.photosPerReport, { error: `最多上传${LIMITS.photosPerReport}张照片` })
      .default([]),
  })
  .strict()
  .refine((r) => (r.kind === 'enterprise_visit' ? r.enterpriseId !== null : true), {
    error: '请选择企业',
    path: ['enterpriseId'],
  })
  .refine((r) => (r.kind === 'project_milestone' ? r.projectId !== null : true), { error: '请选择项目', path: ['projectId'] });

/** The dossier function's actions: each one's input and output schema. */
export const dossierContract = {
  /** The caller's dossier (绩效档案) for a quarter, the current one by default. */
  mine: { input: z.object({ periodId: PeriodId.optional() }).strict(), output: DossierView },
  /** Record an enterprise visit (入企走访) for the current quarter; returns the updated dossier. */
  recordVisit: {
    input: z
      .object({
        enterpriseId: Id,
        date: Day,
        note: z
          .string()
          .trim()
          .min(2, { error: '请简要填写走访情况（至少2个字）' })
          .max(LIMITS.reportNoteMax, { error: `走访情况不超过${LIMITS.reportNoteMax}字` }),
        photoFileIds: z
          .array(FileId)
          .max(LIMITS.photosPerReport, { error: `最多上传${LIMITS.photosPerReport}张照片` })
          .default([]),
      })
      .strict(),
    output: DossierView,
  },
  /** Record any day-to-day work (日常表现、工作实绩): a visit, an appeal resolved, a project milestone, an achievement. */
  record: { input: RecordInput, output: DossierView },
  /** The quarterly self-summary (季度小结), editable while the quarter is open. */
  summary: {
    input: z.object({ periodId: PeriodId.optional() }).strict(),
    output: z.object({ periodId: z.string(), text: z.string(), updatedAt: z.number().nullable(), open: z.boolean() }),
  },
  saveSummary: {
    input: z.object({ text: z.string().trim().min(10, { error: '季度小结至少10个字' }).max(2000, { error: '季度小结不超过2000字' }) }).strict(),
    output: z.object({ periodId: z.string(), text: z.string(), updatedAt: z.number().nullable(), open: z.boolean() }),
  },
  /** The caller's reports in a quarter, newest first. */
  reports: {
    input: z.object({ periodId: PeriodId.optional(), cursor: Cursor }).strict(),
    output: page(ReportView),
  },
  /** Section head: own section's staff with their dossier progress. Leaders and admins: any section. */
  sectionStaff: {
    input: z.object({ periodId: PeriodId.optional(), sectionId: Id.optional() }).strict(),
    output: z.object({
      periodId: z.string(),
      periodLabel: z.string(),
      sectionId: z.string(),
      sectionName: z.string(),
      staff: z.array(StaffRow),
    }),
  },
} as const;

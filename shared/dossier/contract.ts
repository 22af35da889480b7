/**
 * The dossier's contract (绩效档案): what a target counts, day-to-day reports and their views, and the dossier
 * function's actions. Every field a client sends is parsed by one of these before anything reads it.
 */
import { z } from 'zod';
import { LIMITS } from '../common/config';
import { CODE_LENGTH } from '../common/codes';
import { Cursor, Day, FileId, Id, PeriodId, empty, page } from '../common/schema';
import { VISITS } from './config';

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
export const VisitConfirmation = z.enum(['pending', 'confirmed', 'denied']);
export const CONFIRMATION_LABELS = { pending: '待企业确认', confirmed: '企业已确认', denied: '企业称不属实' } as const;

export const ReportView = z.object({
  id: z.string(),
  kind: ReportKind,
  projectName: z.string().nullable(),
  date: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  note: z.string(),
  photoUrls: z.array(z.string()),
  /** A visit's confirmation by the enterprise (null for other kinds). */
  confirmation: VisitConfirmation.nullable(),
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
  /** The visits apart: confirmed by the enterprise, not (yet), denied; and whether unconfirmed ones count. */
  visits: z.object({ confirmed: z.number(), unconfirmed: z.number(), denied: z.number(), countsUnconfirmed: z.boolean() }),
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
/**
 * What a cadre may report themself: visits and other achievements. An appeal resolved counts when the enterprise
 * confirms it (cloudfunctions/appeals), a project milestone when an owner records it reached on time
 * (cloudfunctions/projects): neither is typed in.
 */
export const SelfReportKind = z.enum(['enterprise_visit', 'achievement'], {
  error: '企业诉求办结、重点项目节点由系统按记录自动计入，无需自行填报',
});
export type SelfReportKind = z.infer<typeof SelfReportKind>;

export const RecordInput = z
  .object({
    kind: SelfReportKind,
    date: Day,
    enterpriseId: Id.nullable().default(null),
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
  });

/** The dossier after a report, and the report's id (a visit's confirmation code is asked for by it). */
export const Recorded = DossierView.extend({ recordedId: z.string() });

/** A visit's one-time confirmation code, from its mini-program code's scene `v=<code>`. */
export const VisitCode = z
  .string({ error: '请扫描走访确认二维码' })
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .length(CODE_LENGTH, { error: '确认码不正确' })
      .regex(/^[A-Z2-9]+$/, { error: '确认码不正确' }),
  );

/** What the enterprise contact sees of a visit before confirming it. */
export const VisitToConfirm = z.object({
  cadreName: z.string(),
  sectionName: z.string().nullable(),
  enterpriseName: z.string(),
  date: z.string(),
  note: z.string(),
  confirmation: VisitConfirmation,
  expiresAt: z.number(),
});

const VisitSettings = z.object({ countUnconfirmedVisits: z.boolean() });

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
    output: Recorded,
  },
  /** Record day-to-day work (日常表现、工作实绩): a visit, or another achievement. */
  record: { input: RecordInput, output: Recorded },
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
  /**
   * The cadre shows the enterprise a visit's one-time confirmation code (a mini-program code to scan): the one
   * issued, or a fresh one once it has expired, while the visit waits for its answer.
   */
  visitCode: {
    input: z.object({ reportId: Id }).strict(),
    output: z.object({ code: z.string(), scene: z.string(), qrUrl: z.string(), expiresAt: z.number(), confirmation: VisitConfirmation }),
  },
  /** The visited enterprise's contact opens the scanned code: the visit to confirm. */
  visit: { input: z.object({ code: VisitCode }).strict(), output: VisitToConfirm },
  /** The contact confirms the visit, or says it did not happen as recorded (with why). Once per code. */
  confirmVisit: {
    input: z
      .object({
        code: VisitCode,
        confirm: z.boolean({ error: '请选择确认或不属实' }),
        note: z
          .string()
          .trim()
          .max(VISITS.noteMax, { error: `说明不超过${VISITS.noteMax}字` })
          .default(''),
      })
      .strict()
      .refine((v) => v.confirm || v.note.length >= 2, { error: '请说明哪里不属实（至少2个字）', path: ['note'] }),
    output: VisitToConfirm,
  },
  /** Whether unconfirmed visits count towards the 走访企业 target: the admin's setting, read by all staff. */
  settings: { input: empty, output: VisitSettings },
  saveSettings: { input: VisitSettings.strict(), output: VisitSettings },
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

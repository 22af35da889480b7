/** The feedback reports' contract (反馈报告, 谈心谈话): drafted from the records, edited and sent, acknowledged, talked over. */
import { z } from 'zod';
import { Day, Id, PeriodId } from '../common/schema';

const Line = z.string().trim().min(1, { error: '每条内容不能为空' }).max(200, { error: '每条内容不超过200字' });
const Lines = (what: string, min: number) =>
  z
    .array(Line)
    .min(min, { error: `请填写${what}` })
    .max(20, { error: `${what}不超过20条` });

export const DraftView = z.object({ wentWell: z.array(z.string()), lags: z.array(z.string()), plan: z.array(z.string()) });

const Talk = z.object({ date: z.string(), byName: z.string(), notes: z.string(), plan: z.string(), followUpOn: z.string(), at: z.number() });

export const ReportView = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  periodId: z.string(),
  wentWell: z.array(z.string()),
  lags: z.array(z.string()),
  plan: z.array(z.string()),
  sentByName: z.string(),
  sentAt: z.number(),
  acknowledgedAt: z.number().nullable(),
  talks: z.array(Talk),
});
export type ReportView = z.infer<typeof ReportView>;

export const BulletinView = z.object({
  periodId: z.string(),
  title: z.string(),
  paragraphs: z.array(z.string()),
  publishedByName: z.string(),
  publishedAt: z.number(),
});
export type BulletinView = z.infer<typeof BulletinView>;

const Paragraph = z.string().trim().min(2, { error: '每段至少2个字' }).max(1000, { error: '每段不超过1000字' });

export const feedbackContract = {
  /** The system's draft for a cadre's quarter, and the report already sent for it, if any. */
  draft: {
    input: z.object({ memberId: Id, periodId: PeriodId }).strict(),
    output: z.object({ memberId: z.string(), memberName: z.string(), periodId: z.string(), draft: DraftView, sent: ReportView.nullable() }),
  },
  /** Send the report as edited: once for a cadre's quarter. */
  send: {
    input: z
      .object({ memberId: Id, periodId: PeriodId, wentWell: Lines('做得好的方面', 0), lags: Lines('存在的差距', 0), plan: Lines('改进计划', 1) })
      .strict(),
    output: ReportView,
  },
  /** A cadre's reports, newest first: their own, or (their section head, leaders) another's. */
  reports: { input: z.object({ memberId: Id.optional() }).strict(), output: z.object({ reports: z.array(ReportView) }) },
  /** The cadre acknowledges their report. */
  acknowledge: { input: z.object({ reportId: Id }).strict(), output: ReportView },
  /** A talk about the report: what was said, the plan agreed, and when to follow up. */
  recordTalk: {
    input: z
      .object({
        reportId: Id,
        date: Day,
        notes: z.string().trim().min(2, { error: '请填写谈话内容（至少2个字）' }).max(1000, { error: '谈话内容不超过1000字' }),
        plan: z.string().trim().min(2, { error: '请填写改进措施（至少2个字）' }).max(500, { error: '改进措施不超过500字' }),
        followUpOn: Day,
      })
      .strict(),
    output: ReportView,
  },
  /** The closed quarter's bulletin (通报) drafted from its results, and the one published, if any. */
  bulletinDraft: {
    input: z.object({ periodId: PeriodId }).strict(),
    output: z.object({ periodId: z.string(), title: z.string(), paragraphs: z.array(z.string()), published: BulletinView.nullable() }),
  },
  /** Publish the quarter's bulletin as edited: once a quarter. */
  publishBulletin: {
    input: z
      .object({
        periodId: PeriodId,
        title: z.string().trim().min(4, { error: '请填写标题（至少4个字）' }).max(60, { error: '标题不超过60字' }),
        paragraphs: z.array(Paragraph).min(1, { error: '请填写通报内容' }).max(20, { error: '通报不超过20段' }),
      })
      .strict(),
    output: BulletinView,
  },
  /** The bulletins published, newest first: for every member of staff. */
  bulletins: { input: z.object({}).strict(), output: z.object({ bulletins: z.array(BulletinView) }) },
} as const;

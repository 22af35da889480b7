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
} as const;

/**
 * Feedback reports: the draft from the records, sent once per cadre and quarter by their section head or a leader,
 * acknowledged by the cadre, and the talks about it recorded by the sender (or a leader).
 */
import { COLL } from '../../../server/common/collections';
import type { Database } from '../../../server/common/cloud';
import type { Ctx, Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { overdue, type AppealDoc } from '../../../shared/appeals/appeal';
import { quarterResultId, type QuarterResultDoc } from '../../../shared/assessment/assessment';
import { AppError } from '../../../shared/common/errors';
import { dayOf, quarterRange } from '../../../shared/common/time';
import { draftFeedback, type FeedbackRecords } from '../../../shared/feedback/draft';
import type { ReportView } from '../../../shared/feedback/contract';
import { hasRole, type MemberDoc } from '../../../shared/members/member';
import { milestoneState } from '../../../shared/projects/milestone';
import { type ClaimDoc, type ProjectDoc, milestonesInForce } from '../../../shared/projects/project';
import type { CardDoc } from '../../cards/src/lib';

/** `feedbackReports/{periodId}_{memberId}`: the report as sent, its acknowledgement, and the talks about it. */
export interface ReportDoc {
  _id: string;
  memberId: string;
  memberName: string;
  periodId: string;
  wentWell: string[];
  lags: string[];
  plan: string[];
  sentBy: string;
  sentByName: string;
  sentAt: number;
  acknowledgedAt: number | null;
  talks: { date: string; by: string; byName: string; notes: string; plan: string; followUpOn: string; at: number }[];
}

const reportId = (periodId: string, memberId: string) => `${periodId}_${memberId}`;

function view(d: ReportDoc): ReportView {
  return {
    id: d._id,
    memberId: d.memberId,
    memberName: d.memberName,
    periodId: d.periodId,
    wentWell: d.wentWell,
    lags: d.lags,
    plan: d.plan,
    sentByName: d.sentByName,
    sentAt: d.sentAt,
    acknowledgedAt: d.acknowledgedAt,
    talks: d.talks.map(({ by: _by, ...t }) => t),
  };
}

/** The cadre's records of the quarter the draft is written from. */
async function recordsOf(db: Database, who: MemberDoc, periodId: string, now: number): Promise<FeedbackRecords> {
  const today = dayOf(now);
  const { first, last } = quarterRange(periodId);
  const [result, claims, appeals, cards] = await Promise.all([
    who.sectionId
      ? db.collection<QuarterResultDoc>(COLL.quarterResults).doc(quarterResultId(periodId, who.sectionId)).get()
      : Promise.resolve({ data: null }),
    db.collection<ClaimDoc>(COLL.claims).where({ memberId: who._id }).limit(100).get(),
    db.collection<AppealDoc>(COLL.appeals).where({ assigneeId: who._id }).limit(1000).get(),
    db.collection<CardDoc>(COLL.cards).where({ memberId: who._id, status: 'issued' }).limit(100).get(),
  ]);
  const projects = await Promise.all(claims.data.map((c) => db.collection<ProjectDoc>(COLL.projects).doc(c.projectId).get()));
  const m = result.data?.members.find((x) => x.memberId === who._id);
  return {
    quarter: m
      ? {
          score: m.score,
          rank: m.rank,
          of: result.data?.of ?? 0,
          grade: m.grade,
          items: m.items.map((i) => ({ name: i.name, score: i.score, why: i.why })),
        }
      : null,
    projects: projects.flatMap((p) =>
      p.data
        ? [
            {
              name: p.data.name,
              onTime: p.data.milestones
                .filter((x) => x.actual && x.actual >= first && x.actual <= last && milestoneState(x, today).state === 'on_time')
                .map((x) => x.name),
              lagging: milestonesInForce(p.data).flatMap((x) => {
                const s = milestoneState(x, today);
                return s.state === 'lagging' ? [{ milestone: x.name, days: s.days }] : [];
              }),
            },
          ]
        : [],
    ),
    appeals: {
      resolved: appeals.data.filter((a) => a.resolvedAt !== null && dayOf(a.resolvedAt) >= first && dayOf(a.resolvedAt) <= last).length,
      overdue: appeals.data.filter((a) => overdue(a, now).length > 0).map((a) => a.enterpriseName),
    },
    cards: cards.data.map((c) => ({ color: c.color, why: c.why, liftWhen: c.liftWhen })),
  };
}

async function notOneself(ctx: Ctx): Promise<MemberDoc> {
  const [me, who] = await Promise.all([ctx.member(), ctx.subject()]);
  if (me._id === who._id) throw new AppError('FORBIDDEN', '不能给自己写反馈报告');
  return who;
}

export const draft: Handler<'feedback', 'draft'> = async ({ periodId }, ctx) => {
  const who = await notOneself(ctx);
  const [records, sent] = await Promise.all([
    recordsOf(ctx.db, who, periodId, ctx.now),
    ctx.db.collection<ReportDoc>(COLL.feedbackReports).doc(reportId(periodId, who._id)).get(),
  ]);
  return { memberId: who._id, memberName: who.name, periodId, draft: draftFeedback(records), sent: sent.data ? view(sent.data) : null };
};

export const send: Handler<'feedback', 'send'> = async ({ periodId, wentWell, lags, plan }, ctx) => {
  const [me, who] = await Promise.all([ctx.member(), notOneself(ctx)]);
  const doc: ReportDoc = {
    _id: reportId(periodId, who._id),
    memberId: who._id,
    memberName: who.name,
    periodId,
    wentWell,
    lags,
    plan,
    sentBy: me._id,
    sentByName: me.name,
    sentAt: ctx.now,
    acknowledgedAt: null,
    talks: [],
  };
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ReportDoc>(COLL.feedbackReports).doc(doc._id);
    if ((await ref.get()).data) throw new AppError('CONFLICT', '该季度的反馈报告已发送');
    const { _id, ...data } = doc;
    await ref.set({ data });
  });
  return view(doc);
};

export const reports: Handler<'feedback', 'reports'> = async (_input, ctx) => {
  const who = await ctx.subject();
  const docs = (await ctx.db.collection<ReportDoc>(COLL.feedbackReports).where({ memberId: who._id }).limit(100).get()).data;
  return { reports: docs.sort((a, b) => b.sentAt - a.sentAt).map(view) };
};

/** Load a report inside a transaction, change it, and write it back whole. */
async function change(ctx: Ctx, id: string, apply: (d: ReportDoc, me: MemberDoc) => ReportDoc): Promise<ReportView> {
  const me = await ctx.member();
  const next = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ReportDoc>(COLL.feedbackReports).doc(id);
    const d = (await ref.get()).data;
    if (!d) throw new AppError('NOT_FOUND', '没有这份反馈报告');
    const out = apply(d, me);
    const { _id, ...data } = out;
    await ref.set({ data });
    return out;
  });
  return view(next);
}

export const acknowledge: Handler<'feedback', 'acknowledge'> = async ({ reportId: id }, ctx) =>
  change(ctx, id, (d, me) => {
    if (d.memberId !== me._id) throw new AppError('FORBIDDEN', '只能确认发给自己的反馈报告');
    // the first acknowledgement stands
    return d.acknowledgedAt === null ? { ...d, acknowledgedAt: ctx.now } : d;
  });

export const recordTalk: Handler<'feedback', 'recordTalk'> = async ({ reportId: id, date, notes, plan, followUpOn }, ctx) => {
  if (followUpOn < date)
    throw new AppError('INVALID_INPUT', '回访日期不能早于谈话日期', [{ path: 'followUpOn', message: '回访日期不能早于谈话日期' }]);
  // the one who sent the report (a section head sends only to their own section's people), or a leader
  return change(ctx, id, (d, me) => {
    if (d.sentBy !== me._id && !hasRole(me, 'leader')) throw new AppError('FORBIDDEN', '只有发送反馈报告的人或领导可以记录谈话');
    return { ...d, talks: [...d.talks, { date, by: me._id, byName: me.name, notes, plan, followUpOn, at: ctx.now }] };
  });
};

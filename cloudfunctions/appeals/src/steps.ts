/** The steps of an appeal's course, each one `step()` (./lib.ts) with its change. Who may take which is shared/appeals/appeal.ts. */
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { workCalendar } from '../../../server/park/calendar';
import { loadPeriod } from '../../../server/assessment/period';
import { addReportInTx } from '../../../server/dossier/report';
import { acceptsReports } from '../../../shared/assessment/period';
import {
  APPEAL_CATEGORIES,
  deadlinesFrom,
  followUpFor,
  provisionalAfter,
  ratingLabel,
  type AppealDoc,
  type Rating,
  type RatingLevel,
} from '../../../shared/appeals/appeal';
import type { WorkCalendar } from '../../../shared/common/workdays';
import { AppError } from '../../../shared/common/errors';
import { dayOf, inPark, quarterOf } from '../../../shared/common/time';
import type { MemberDoc } from '../../../shared/members/member';
import { step } from './lib';

export const accept: Handler<'appeals', 'accept'> = async ({ appealId }, ctx) =>
  step(ctx, appealId, 'accept', { kind: 'accepted', note: '' }, () => ({ status: 'accepted', acceptedAt: ctx.now }));

export const progress: Handler<'appeals', 'progress'> = async ({ appealId, note }, ctx) =>
  step(ctx, appealId, 'progress', { kind: 'progress', note }, () => ({}));

export const resolve: Handler<'appeals', 'resolve'> = async ({ appealId, note }, ctx) =>
  step(ctx, appealId, 'resolve', { kind: 'resolved', note }, () => ({ status: 'resolved', resolvedAt: ctx.now, resolution: note }));

export const reopen: Handler<'appeals', 'reopen'> = async ({ appealId, note }, ctx) =>
  step(ctx, appealId, 'reopen', { kind: 'reopened', note }, (a) => ({ status: 'accepted', resolvedAt: null, reopens: a.reopens + 1 }));

/**
 * The enterprise confirms the resolution: the appeal is done, and the assignee's "协调解决企业诉求" target moves
 * by itself — a report in their dossier for the quarter it was confirmed in, written in the same transaction, named
 * after the appeal so that it can only ever count once.
 */
export const confirm: Handler<'appeals', 'confirm'> = async ({ appealId }, ctx) => {
  const periodId = quarterOf(ctx.now);
  const first = (await ctx.db.collection<AppealDoc>(COLL.appeals).doc(appealId).get()).data;
  const [period, assignee] = await Promise.all([
    loadPeriod(ctx.db, periodId),
    first?.assigneeId ? ctx.db.collection<MemberDoc>(COLL.members).doc(first.assigneeId).get() : null,
  ]);
  const counts = acceptsReports(periodId, period, ctx.now);
  return step(ctx, appealId, 'confirm', { kind: 'confirmed', note: '' }, async (a, tx) => {
    const m = assignee?.data;
    if (!counts || !m || m._id !== a.assigneeId || a.countedIn) return { status: 'confirmed', confirmedAt: ctx.now };
    await addReportInTx(
      tx,
      m,
      periodId,
      {
        _id: `RPT-APL-${a._id}`,
        memberId: m._id,
        sectionId: m.sectionId ?? '',
        periodId,
        kind: 'appeal_resolved',
        date: dayOf(ctx.now),
        enterpriseId: a.enterpriseId,
        enterpriseName: a.enterpriseName,
        projectId: null,
        projectName: null,
        note: `企业确认办结（${APPEAL_CATEGORIES[a.category]}）：${a.resolution ?? ''}`.slice(0, 300),
        photoFileIds: [],
        createdAt: ctx.now,
      },
      'appeal_resolved',
      a.enterpriseId,
    );
    return { status: 'confirmed', confirmedAt: ctx.now, countedIn: periodId };
  });
};

/** A first rating's change: the follow-up a bad one opens, its deadlines provisional where the year is not entered. */
function rated(a: AppealDoc, rating: Rating, cal: WorkCalendar): Partial<AppealDoc> {
  const followUp = followUpFor(rating.level, rating.at, cal);
  if (!followUp) return { rating, followUp };
  return {
    rating,
    followUp,
    provisional: provisionalAfter(cal, rating.at, { callBackBy: followUp.callBackBy, rectifyBy: followUp.rectifyBy }, a.provisional),
  };
}

/** 好差评: the first rating, or the one re-rating a rectified bad rating allows. A bad first rating opens the follow-up. */
export const rate: Handler<'appeals', 'rate'> = async ({ appealId, level, comment }, ctx) => {
  const cal = await workCalendar(ctx.db, inPark(ctx.now).year());
  const rating = { level: level as RatingLevel, comment, at: ctx.now };
  return step(ctx, appealId, 'rate', { kind: 'rated', note: `${ratingLabel(level)}${comment ? `：${comment}` : ''}` }, (a) =>
    a.rating ? { reRating: rating } : rated(a, rating, cal),
  );
};

export const callBack: Handler<'appeals', 'callBack'> = async ({ appealId, note }, ctx) =>
  step(ctx, appealId, 'callBack', { kind: 'calledBack', note }, (a) => ({
    followUp: a.followUp && { ...a.followUp, callBack: { at: ctx.now, note } },
  }));

export const rectify: Handler<'appeals', 'rectify'> = async ({ appealId, note }, ctx) =>
  step(ctx, appealId, 'rectify', { kind: 'rectified', note }, (a) => ({
    followUp: a.followUp && { ...a.followUp, rectification: { at: ctx.now, note } },
  }));

export const contest: Handler<'appeals', 'contest'> = async ({ appealId, note }, ctx) => {
  const me = await ctx.member();
  return step(ctx, appealId, 'contest', { kind: 'contested', note }, () => ({
    contest: { reason: note, at: ctx.now, by: me._id, decision: null },
  }));
};

export const decide: Handler<'appeals', 'decide'> = async ({ appealId, upheld, note }, ctx) => {
  const me = await ctx.member();
  return step(ctx, appealId, 'decide', { kind: 'decided', note: `${upheld ? '维持差评' : '差评不予采信'}：${note}` }, (a) => ({
    contest: a.contest && { ...a.contest, decision: { upheld, note, at: ctx.now, by: me._id } },
  }));
};

/** The admin gives the appeal to another cadre; the clock to accept starts again from now. */
export const reassign: Handler<'appeals', 'reassign'> = async ({ appealId, memberId }, ctx) => {
  const [to, cal] = await Promise.all([ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get(), workCalendar(ctx.db, inPark(ctx.now).year())]);
  const m = to.data;
  if (!m || !m.active || !m.roles.includes('cadre')) {
    throw new AppError('NOT_FOUND', '所选干部不存在或不在岗', [{ path: 'memberId', message: '所选干部不存在或不在岗' }]);
  }
  return step(ctx, appealId, 'reassign', { kind: 'assigned', note: `改派给${m.name}` }, (a) => {
    if (a.assigneeId === m._id) throw new AppError('CONFLICT', `该诉求已由${m.name}承办`);
    const { acceptBy } = deadlinesFrom(ctx.now, cal);
    const provisional = provisionalAfter(cal, ctx.now, { acceptBy }, a.provisional);
    return { assigneeId: m._id, assigneeName: m.name, sectionId: m.sectionId, status: 'filed', acceptedAt: null, acceptBy, provisional };
  });
};

/** What the appeals actions share: loading, the views, and one transaction shape for every step. */
import { COLL } from '../../../server/common/collections';
import { tempUrls } from '../../../server/common/files';
import type { Ctx } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { accessOf, rolesAllow } from '../../../shared/access';
import {
  APPEAL_CATEGORIES,
  STATUS_LABELS,
  actionProblem,
  mayView,
  overdue,
  ratingLabel,
  withEvent,
  withDerived,
  type AppealAction,
  type AppealDoc,
  type AppealEventKind,
  type Rating,
  type Viewer,
} from '../../../shared/appeals/appeal';
import type { AppealItem, AppealView } from '../../../shared/appeals/contract';
import { AppError } from '../../../shared/common/errors';
import type { MemberDoc } from '../../../shared/members/member';
import type { Transaction } from '../../../server/common/cloud';

export const ACTIONS: AppealAction[] = [
  'accept',
  'progress',
  'resolve',
  'confirm',
  'reopen',
  'rate',
  'callBack',
  'rectify',
  'contest',
  'decide',
  'reassign',
];

export function viewerOf(m: MemberDoc): Viewer {
  return { memberId: m._id, roles: m.roles, sectionId: m.sectionId, enterpriseId: m.enterpriseId };
}

/** The appeal, if the caller may see it (shared/appeals/appeal.ts, mayView). */
export async function loadVisible(ctx: Ctx, appealId: string, me: MemberDoc): Promise<AppealDoc> {
  return visible((await ctx.db.collection<AppealDoc>(COLL.appeals).doc(appealId).get()).data, me);
}

function visible(a: AppealDoc | null, me: MemberDoc): AppealDoc {
  if (!a) throw new AppError('NOT_FOUND', '诉求不存在或已被删除');
  if (!mayView(a, viewerOf(me))) throw new AppError('FORBIDDEN', '只能查看本企业、本人承办或本股室的诉求');
  return a;
}

function summaryOf(text: string): string {
  const first = text.split('\n')[0] ?? '';
  return first.length > 40 ? `${first.slice(0, 40)}…` : first;
}

export function itemOf(a: AppealDoc, now: number): AppealItem {
  return {
    id: a._id,
    enterpriseName: a.enterpriseName,
    category: a.category,
    categoryLabel: APPEAL_CATEGORIES[a.category],
    summary: summaryOf(a.text),
    status: a.status,
    statusLabel: STATUS_LABELS[a.status],
    assigneeName: a.assigneeName,
    filedAt: a.filedAt,
    acceptBy: a.acceptBy,
    deadlinesProvisional: Object.keys(a.provisional ?? {}).length > 0,
    overdue: overdue(a, now),
    followUpOpen: a.followUpOpen,
  };
}

const ratingView = (r: Rating | null) => (r ? { level: r.level, label: ratingLabel(r.level), comment: r.comment, at: r.at } : null);

/** What the caller may do now: the access table's roles and the appeal's own rules, both. */
export function allowed(a: AppealDoc, me: MemberDoc): AppealAction[] {
  const v = viewerOf(me);
  return ACTIONS.filter((action) => rolesAllow(accessOf('appeals', action), me.roles) && actionProblem(a, v, action) === null);
}

export async function viewOf(ctx: Ctx, a: AppealDoc, me: MemberDoc): Promise<AppealView> {
  const urls = await tempUrls(ctx.cloud, a.photoFileIds);
  return {
    ...itemOf(a, ctx.now),
    text: a.text,
    photoUrls: a.photoFileIds.map((f) => urls.get(f)).filter((u): u is string => Boolean(u)),
    resolveBy: a.resolveBy,
    acceptedAt: a.acceptedAt,
    resolvedAt: a.resolvedAt,
    confirmedAt: a.confirmedAt,
    resolution: a.resolution,
    reopens: a.reopens,
    rating: ratingView(a.rating),
    reRating: ratingView(a.reRating),
    followUp: a.followUp,
    contest: a.contest ? { reason: a.contest.reason, at: a.contest.at, decision: a.contest.decision } : null,
    events: a.events.map((e) => ({ at: e.at, kind: e.kind, byName: e.byName, note: e.note })),
    can: allowed(a, me),
  };
}

/** A step's change to the appeal, from the appeal as read inside the transaction. */
export type Change = (a: AppealDoc, tx: Transaction) => Promise<Partial<AppealDoc>> | Partial<AppealDoc>;

/**
 * One step on an appeal, whoever takes it: read it in a transaction, check the caller may take the step now
 * (shared/appeals/appeal.ts), apply the change with its event, write the whole document back. Two steps at once
 * on one appeal conflict and one is retried against the other's result, so neither is lost.
 */
export async function step(
  ctx: Ctx,
  appealId: string,
  action: AppealAction,
  event: { kind: AppealEventKind; note: string },
  change: Change,
): Promise<AppealView> {
  const me = await ctx.member();
  const saved = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<AppealDoc>(COLL.appeals).doc(appealId);
    const a = visible((await ref.get()).data, me);
    const problem = actionProblem(a, viewerOf(me), action);
    if (problem) throw new AppError(problem.code, problem.message);
    const changed = await change(a, tx);
    const next = withDerived({
      ...a,
      ...changed,
      events: withEvent(a.events, { at: ctx.now, kind: event.kind, by: me._id, byName: me.name, note: event.note }),
    });
    const { _id: _ignored, ...data } = next;
    await ref.set({ data });
    return next;
  });
  return viewOf(ctx, saved, me);
}

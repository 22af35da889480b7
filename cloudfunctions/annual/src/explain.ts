/** One cadre's annual result explained, and their side of it: the written notice, acknowledgement, review. */
import { COLL } from '../../../server/common/collections';
import type { Ctx, Handler } from '../../../server/common/router';
import { appendAudit } from '../../../server/audit/log';
import { withTransaction } from '../../../server/common/tx';
import type { ExplainView } from '../../../shared/annual/contract';
import { adjustmentProblem } from '../../../shared/annual/grades';
import { reviewProblem } from '../../../shared/annual/workflow';
import { AppError } from '../../../shared/common/errors';
import { hasRole, type MemberDoc } from '../../../shared/members/member';
import { gradesOf, loadFormula, loadYear, personKey, refuse, runResults, yearView, type AckDoc, type ReviewDoc, type YearDoc } from './lib';

/**
 * Leaders and the admin see a draft; the cadre and their section head see the result once it is published (公示)
 * — before that it is the leadership's to settle.
 */
function mayViewNow(viewer: MemberDoc, y: YearDoc): boolean {
  return hasRole(viewer, 'leader', 'admin') || y.status === 'published' || y.status === 'notified';
}

async function explainFor(ctx: Ctx, year: number, who: MemberDoc, viewer: MemberDoc): Promise<ExplainView> {
  const y = await loadYear(ctx.db, year);
  if (!mayViewNow(viewer, y)) throw new AppError('NOT_READY', '年度考核结果尚未公示');
  const docs = await runResults(ctx.db, y);
  const doc = docs.find((d) => d.members.some((m) => m.score.memberId === who._id));
  const row = doc?.members.find((m) => m.score.memberId === who._id);
  if (!doc || !row) {
    const ungraded = docs.flatMap((d) => d.ungraded ?? []).find((u) => u.memberId === who._id);
    if (ungraded) throw new AppError('NOT_FOUND', `${who.name}${year}年度${ungraded.reason}`);
    throw new AppError('NOT_FOUND', y.runId ? `${who.name}不在${year}年度参评名单中` : `${year}年度考核结果尚未计算`);
  }
  const [ack, review, view] = await Promise.all([
    ctx.db.collection<AckDoc>(COLL.annualAcks).doc(personKey(year, who._id)).get(),
    ctx.db.collection<ReviewDoc>(COLL.annualReviews).doc(personKey(year, who._id)).get(),
    yearView(ctx.db, y, { docs }),
  ]);
  const grades = gradesOf(docs, y);
  const r = review.data;
  return {
    year: view,
    memberId: who._id,
    name: row.score.name,
    sectionName: doc.sectionName,
    total: row.score.total,
    deductions: row.score.deductions,
    sources: row.score.sources,
    rank: row.rank,
    of: y.assessed,
    trend: row.trend ?? [],
    profile: row.profile ?? [],
    grade: grades.get(who._id) ?? row.proposal.grade,
    proposed: row.proposal.grade,
    reasons: row.proposal.reasons,
    changes: y.changes
      .filter((c) => c.memberId === who._id)
      .map((c) => ({ grade: c.grade, reason: c.reason, byName: c.byName, at: c.at, onReview: c.onReview })),
    acknowledgedAt: ack.data?.at ?? null,
    review: r ? { reason: r.reason, at: r.at, answer: r.answer ? { grade: r.answer.grade, note: r.answer.note, at: r.answer.at } : null } : null,
  };
}

export const explain: Handler<'annual', 'explain'> = async ({ year }, ctx) => explainFor(ctx, year, await ctx.subject(), await ctx.member());

async function notified(ctx: Ctx, year: number): Promise<YearDoc> {
  const y = await loadYear(ctx.db, year);
  if (y.status !== 'notified') throw new AppError('NOT_READY', '年度考核结果尚未通知本人');
  return y;
}

export const acknowledge: Handler<'annual', 'acknowledge'> = async ({ year }, ctx) => {
  const me = await ctx.member();
  await notified(ctx, year);
  // theirs to acknowledge only if they are in the year's results (explainFor refuses otherwise, before any write)
  const view = await explainFor(ctx, year, me, me);
  if (view.acknowledgedAt !== null) return view;
  // the first acknowledgement stands: acknowledging twice keeps its time
  await ctx.db
    .collection<AckDoc>(COLL.annualAcks)
    .doc(personKey(year, me._id))
    .set({ data: { at: ctx.now } });
  return { ...view, acknowledgedAt: ctx.now };
};

export const requestReview: Handler<'annual', 'requestReview'> = async ({ year, reason }, ctx) => {
  const me = await ctx.member();
  const y = await notified(ctx, year);
  const view = await explainFor(ctx, year, me, me);
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ReviewDoc>(COLL.annualReviews).doc(personKey(year, me._id));
    const existing = (await ref.get()).data;
    refuse(reviewProblem({ notifiedAt: y.notifiedAt, reviewUntil: y.reviewUntil, requested: existing !== null }, ctx.now));
    await ref.set({ data: { year, memberId: me._id, reason, at: ctx.now, answer: null, answered: false } });
  });
  return { ...view, review: { reason, at: ctx.now, answer: null } };
};

/**
 * The admin's answer to a review: the grade kept, or changed — the only way a grade changes after publication —
 * with the 优秀 quota still kept, recorded with the reason.
 */
export const answerReview: Handler<'annual', 'answerReview'> = async ({ year, memberId, grade, note }, ctx) => {
  const me = await ctx.member();
  const [y0, { formula }] = await Promise.all([loadYear(ctx.db, year), loadFormula(ctx.db, year)]);
  const docs = await runResults(ctx.db, y0);
  await withTransaction(ctx.db, async (tx) => {
    const reviewRef = tx.collection<ReviewDoc>(COLL.annualReviews).doc(personKey(year, memberId));
    const r = (await reviewRef.get()).data;
    if (!r) throw new AppError('NOT_FOUND', '该人员没有申请复核');
    if (r.answer) throw new AppError('CONFLICT', '该复核申请已答复');
    const yearRef = tx.collection<YearDoc>(COLL.annualYears).doc(String(year));
    const y = await loadYear(tx, year);
    const current = gradesOf(docs, y).get(memberId) ?? null;
    if (current !== grade) {
      const proposals = docs.flatMap((d) => d.members.map((m) => m.proposal));
      const changes = [...y.changes, { memberId, grade, reason: note }];
      refuse(adjustmentProblem(proposals, changes, formula));
    }
    const auditSeq = await appendAudit(tx, {
      kind: 'annual.review',
      actor: me,
      at: ctx.now,
      subject: `annual:${year}:${memberId}`,
      reason: note,
      data: { memberId, grade, from: current },
    });
    if (current !== grade) {
      const { _id, ...data } = {
        ...y,
        changes: [...y.changes, { memberId, grade, reason: note, by: me._id, byName: me.name, at: ctx.now, onReview: true, auditSeq }],
      };
      await yearRef.set({ data });
    }
    await reviewRef.update({ data: { answer: { grade, note, at: ctx.now, by: me._id }, answered: true, auditSeq } });
  });
  const who = (await ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get()).data;
  if (!who) throw new AppError('NOT_FOUND', '人员不存在');
  return explainFor(ctx, year, who, me);
};

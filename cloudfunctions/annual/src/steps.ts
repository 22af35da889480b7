/** The year's course by the leadership and the admin: status, rankings, adjust, confirm, publish, notify. */
import { COLL } from '../../../server/common/collections';
import type { Ctx, Handler } from '../../../server/common/router';
import { appendAudit } from '../../../server/audit/log';
import { withTransaction } from '../../../server/common/tx';
import { digest, type AuditFields } from '../../../shared/audit/chain';
import { workCalendar } from '../../../server/park/calendar';
import { adjustmentProblem } from '../../../shared/annual/grades';
import { stepProblem, type YearStep } from '../../../shared/annual/workflow';
import { AppError } from '../../../shared/common/errors';
import { inPark } from '../../../shared/common/time';
import { gradesOf, loadFormula, loadYear, rankedSections, refuse, resultsDigest, runResults, yearView, type YearDoc } from './lib';

export const status: Handler<'annual', 'status'> = async ({ year }, ctx) => yearView(ctx.db, await loadYear(ctx.db, year));

export const ranking: Handler<'annual', 'ranking'> = async ({ year, sectionId }, ctx) => {
  const y = await loadYear(ctx.db, year);
  const [docs, { formula }] = await Promise.all([runResults(ctx.db, y), loadFormula(ctx.db, year)]);
  const grades = gradesOf(docs, y);
  const changed = new Set(y.changes.map((c) => c.memberId));
  const cadres = docs
    .filter((d) => !sectionId || d.sectionId === sectionId)
    .flatMap((d) =>
      d.members.map((m) => ({
        memberId: m.score.memberId,
        name: m.score.name,
        sectionId: d.sectionId,
        sectionName: d.sectionName,
        total: m.score.total,
        rank: m.rank,
        sectionRank: m.sectionRank,
        grade: grades.get(m.score.memberId) ?? m.proposal.grade,
        proposed: m.proposal.grade,
        cappedByQuota: m.proposal.cappedByQuota,
        changed: changed.has(m.score.memberId),
      })),
    )
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN'));
  const sections = rankedSections(docs, formula).map(({ sectionId, name, total, work, enterprise, rank, tier, trend }) => ({
    sectionId,
    name,
    total,
    work,
    enterprise,
    rank,
    tier,
    trend: trend ?? [],
  }));
  return { year: await yearView(ctx.db, y, { docs, formula }), cadres, sections };
};

/** What a step records in the audit trail, and the year's change, which keeps the entry's number. */
interface StepChange {
  audit: Pick<AuditFields, 'kind' | 'subject' | 'reason' | 'data'>;
  patch: (auditSeq: number) => Partial<YearDoc>;
}

/**
 * One step of the year, checked against the year as it stands inside the transaction, and recorded in the audit
 * trail in the same transaction.
 */
async function step(ctx: Ctx, year: number, s: YearStep, change: (y: YearDoc) => StepChange) {
  const me = await ctx.member();
  const saved = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<YearDoc>(COLL.annualYears).doc(String(year));
    const y = await loadYear(tx, year);
    refuse(stepProblem({ status: y.status, computed: y.runId !== null, publicUntil: y.publicUntil }, s, ctx.now));
    const c = change(y);
    const seq = await appendAudit(tx, { ...c.audit, actor: me, at: ctx.now });
    const next = { ...y, ...c.patch(seq) };
    const { _id, ...data } = next;
    await ref.set({ data });
    return next;
  });
  return yearView(ctx.db, saved);
}

/** The course's steps record the grades as they then stand: a digest of every cadre's grade, and the counts. */
async function courseStep(ctx: Ctx, year: number, s: 'confirm' | 'publish' | 'notify', patch: Partial<YearDoc>) {
  const y0 = await loadYear(ctx.db, year);
  const docs = await runResults(ctx.db, y0);
  return step(ctx, year, s, (y) => {
    if (y.runId !== y0.runId) throw new AppError('CONFLICT', '年度考核结果刚刚重新计算，请刷新后再操作');
    const grades = [...gradesOf(docs, y)].sort(([a], [b]) => (a < b ? -1 : 1));
    const excellent = grades.filter(([, g]) => g === 'excellent').length;
    return {
      audit: {
        kind: `annual.${s}`,
        subject: `annual:${year}`,
        reason: '',
        data: { runId: y.runId, assessed: grades.length, excellent, grades: digest(grades), results: resultsDigest(docs) },
      },
      patch: () => patch,
    };
  });
}

export const adjust: Handler<'annual', 'adjust'> = async ({ year, memberId, grade, reason }, ctx) => {
  const me = await ctx.member();
  const [y0, { formula }] = await Promise.all([loadYear(ctx.db, year), loadFormula(ctx.db, year)]);
  const docs = await runResults(ctx.db, y0);
  return step(ctx, year, 'adjust', (y) => {
    if (y.runId !== y0.runId) throw new AppError('CONFLICT', '年度考核结果刚刚重新计算，请刷新后再调整');
    const proposals = docs.flatMap((d) => d.members.map((m) => m.proposal));
    const adjustments = [...y.changes, { memberId, grade, reason }];
    refuse(adjustmentProblem(proposals, adjustments, formula));
    const from = gradesOf(docs, y).get(memberId) ?? null;
    return {
      audit: { kind: 'annual.adjust', subject: `annual:${year}:${memberId}`, reason, data: { memberId, grade, from } },
      patch: (auditSeq) => ({
        changes: [...y.changes, { memberId, grade, reason, by: me._id, byName: me.name, at: ctx.now, onReview: false, auditSeq }],
      }),
    };
  });
};

export const confirm: Handler<'annual', 'confirm'> = async ({ year }, ctx) =>
  courseStep(ctx, year, 'confirm', { status: 'confirmed', confirmedAt: ctx.now });

/** 公示 for the formula's working days, to the end of the last one (park time). */
export const publish: Handler<'annual', 'publish'> = async ({ year }, ctx) => {
  const [{ formula }, calendar] = await Promise.all([loadFormula(ctx.db, year), workCalendar(ctx.db, inPark(ctx.now).year())]);
  const publicUntil = calendar.deadline(ctx.now, formula.publicityWorkdays);
  return courseStep(ctx, year, 'publish', {
    status: 'published',
    publishedAt: ctx.now,
    publicUntil,
    ...(calendar.provisional(ctx.now, publicUntil) ? { provisional: { publicUntil: { from: ctx.now, workdays: formula.publicityWorkdays } } } : {}),
  });
};

/** Each cadre's written notice is their result in the app from now on; the review deadline starts. */
export const notify: Handler<'annual', 'notify'> = async ({ year }, ctx) => {
  const [{ formula }, calendar] = await Promise.all([loadFormula(ctx.db, year), workCalendar(ctx.db, inPark(ctx.now).year())]);
  const reviewUntil = calendar.deadline(ctx.now, formula.reviewWorkdays);
  return courseStep(ctx, year, 'notify', {
    status: 'notified',
    notifiedAt: ctx.now,
    reviewUntil,
    ...(calendar.provisional(ctx.now, reviewUntil) ? { provisional: { reviewUntil: { from: ctx.now, workdays: formula.reviewWorkdays } } } : {}),
  });
};

import type { Transaction } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import type { Ctx, Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { appendAudit } from '../../../server/audit/log';
import { loadPeriod } from '../../../server/assessment/period';
import { acceptsChanges, acceptsReports } from '../../../shared/assessment/period';
import { AppError } from '../../../shared/common/errors';
import { dayOf, quarterLabel, quarterOf } from '../../../shared/common/time';
import { dossierId, type DossierDoc, type ReportDoc } from '../../../shared/dossier/dossier';
import type { MemberDoc } from '../../../shared/members/member';
import { PROJECTS } from '../../../shared/projects/config';
import { correctProblem, creditedOwners, reachedOnTime, type Milestone, type MilestoneProblem } from '../../../shared/projects/milestone';
import type { ClaimDoc, ProjectDoc } from '../../../shared/projects/project';
import { claimsOf, creditId, creditMilestoneInTx, loadProject, projectView } from './lib';

function refuse(p: MilestoneProblem): never {
  throw new AppError(p.code, p.message, [{ path: p.path, message: p.message }]);
}

interface CreditPlan {
  /** Credits the new date no longer gives, in quarters still open: taken back. */
  remove: ReportDoc[];
  /** Owners the new date credits who had none: credited in the current quarter (if it takes reports). */
  add: MemberDoc[];
  /** Credits the new date would not give, in quarters already closed: they stand with those quarters' results. */
  kept: number;
}

async function creditPlan(ctx: Ctx, project: ProjectDoc, m: Milestone, actual: string | null, claims: ClaimDoc[]): Promise<CreditPlan> {
  const reports = (
    await ctx.db
      .collection<ReportDoc>(COLL.reports)
      .where({ projectId: project._id, kind: 'project_milestone' })
      .limit(PROJECTS.ownersMax * 4)
      .get()
  ).data;
  const given = reports.filter((r) => r._id === creditId(project._id, m.key, r.memberId));
  const onTime = actual !== null && reachedOnTime({ planned: m.planned, actual });
  const due = new Set(onTime ? creditedOwners(claims, actual).map((c) => c.memberId) : []);
  const current = quarterOf(ctx.now);
  const periodIds = [...new Set([current, ...given.map((r) => r.periodId)])];
  const periods = new Map(await Promise.all(periodIds.map(async (id) => [id, await loadPeriod(ctx.db, id)] as const)));
  const undue = given.filter((r) => !due.has(r.memberId));
  const remove = undue.filter((r) => acceptsChanges(periods.get(r.periodId) ?? null));
  const missing = [...due].filter((id) => !given.some((r) => r.memberId === id));
  const takes = acceptsReports(current, periods.get(current) ?? null, ctx.now);
  const members = takes ? await Promise.all(missing.map((id) => ctx.db.collection<MemberDoc>(COLL.members).doc(id).get())) : [];
  const add = members.map((r) => r.data).filter((x): x is MemberDoc => x !== null && x.active && x.roles.includes('cadre'));
  return { remove, add, kept: undue.length - remove.length };
}

/** Take a credit back: the report goes, and the owner's dossier counts one milestone fewer. */
async function takeBack(tx: Transaction, r: ReportDoc): Promise<void> {
  const ref = tx.collection<DossierDoc>(COLL.dossiers).doc(dossierId(r.periodId, r.memberId));
  const d = (await ref.get()).data;
  await tx.collection<ReportDoc>(COLL.reports).doc(r._id).remove();
  if (d) await ref.update({ data: { progress: { ...d.progress, project_milestone: Math.max(0, d.progress.project_milestone - 1) } } });
}

/**
 * The admin corrects a reached milestone's actual date (a date recorded wrongly), or takes it back to not reached,
 * saying why. The owners' 进展达速 credits follow the corrected date where their quarter is still open: one given
 * that the new date would not give is taken back, one the new date gives is added in the current quarter; a closed
 * quarter's credits stand with its results (its own corrections are the quarter's). All in one transaction with
 * the project's log and the audit trail's entry.
 */
export const correct: Handler<'projects', 'correct'> = async ({ projectId, key, actual, reason }, ctx) => {
  const me = await ctx.member();
  const [project, claims] = await Promise.all([loadProject(ctx.db, projectId), claimsOf(ctx.db, projectId)]);
  const today = dayOf(ctx.now);
  const problem = correctProblem(project.milestones, key, actual, today);
  if (problem) refuse(problem);
  const m = project.milestones.find((x) => x.key === key) as Milestone;
  const plan = await creditPlan(ctx, project, m, actual, claims);
  const periodId = quarterOf(ctx.now);
  const credits = [
    plan.remove.length ? `收回${plan.remove.length}人的进展达速计分` : '',
    plan.add.length ? `${plan.add.length}人计入${quarterLabel(periodId)}进展达速` : '',
    plan.kept ? `${plan.kept}人的已关闭季度计分不变` : '',
  ].filter(Boolean);
  const text = `更正「${m.name}」实际完成日期 ${m.actual ?? ''} → ${actual ?? '未完成'}：${reason}${credits.length ? `（${credits.join('，')}）` : ''}`;

  const saved = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ProjectDoc>(COLL.projects).doc(projectId);
    const p = (await ref.get()).data;
    if (!p) throw new AppError('NOT_FOUND', '项目不存在或已被删除');
    // the milestone may have changed since the checks above: it must still be as they saw it
    const again = correctProblem(p.milestones, key, actual, today);
    if (again) refuse(again);
    if (p.milestones.find((x) => x.key === key)?.actual !== m.actual) throw new AppError('CONFLICT', '节点刚被更改，请刷新后重试');
    const seq = await appendAudit(tx, {
      kind: 'projects.correct',
      actor: me,
      at: ctx.now,
      subject: `projects:${projectId}:${key}`,
      reason,
      data: { projectId, key, name: m.name, from: m.actual, to: actual, text, removed: plan.remove.length, added: plan.add.length, kept: plan.kept },
    });
    const milestones = p.milestones.map((x) => (x.key === key ? { ...x, actual } : x));
    const log = [...p.log, { at: ctx.now, by: me._id, byName: me.name, text, auditSeq: seq }].slice(-PROJECTS.logMax);
    await ref.update({ data: { milestones: ctx.db.command.set(milestones), log: ctx.db.command.set(log), updatedAt: ctx.now } });
    for (const r of plan.remove) await takeBack(tx, r);
    for (const o of plan.add) {
      const note = `「${m.name}」按期完成（计划${m.planned ?? ''}，实际${actual ?? ''}，经更正）`;
      await creditMilestoneInTx(tx, o, p, m, { periodId, actual: actual ?? today, today, now: ctx.now, note });
    }
    return { ...p, milestones, log, updatedAt: ctx.now };
  });
  return projectView(ctx, saved, me, { claims });
};

import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { loadPeriod } from '../../../server/assessment/period';
import { acceptsReports } from '../../../shared/assessment/period';
import { AppError } from '../../../shared/common/errors';
import { dayOf, quarterOf } from '../../../shared/common/time';
import type { MemberDoc } from '../../../shared/members/member';
import { PROJECTS } from '../../../shared/projects/config';
import { creditedOwners, reachProblem, reachedOnTime, type MilestoneProblem } from '../../../shared/projects/milestone';
import type { ProjectDoc } from '../../../shared/projects/project';
import { STOPPED, claimsOf, creditMilestoneInTx, loadProject, mayReach, projectView } from './lib';

function refuse(p: MilestoneProblem): never {
  throw new AppError(p.code, p.message, [{ path: p.path, message: p.message }]);
}

/**
 * An owner (or the admin) records the day a milestone was reached. Reached on or before its planned date, it moves
 * the "重点项目进展达速" target of every owner who had claimed the project before that day: a report in each one's
 * dossier for the current quarter, named after the milestone and the owner so that it can only ever count once,
 * written in the same transaction as the date.
 */
export const reach: Handler<'projects', 'reach'> = async ({ projectId, key, actual, note }, ctx) => {
  const me = await ctx.member();
  const [project, claims] = await Promise.all([loadProject(ctx.db, projectId), claimsOf(ctx.db, projectId)]);
  if (!mayReach(me, claims)) throw new AppError('FORBIDDEN', '只有项目认领人或组织员可以填报节点完成情况');
  if (project.active === false) throw new AppError('CONFLICT', STOPPED);
  const today = dayOf(ctx.now);
  const early = reachProblem(project.milestones, key, actual, today);
  if (early) refuse(early);
  const milestone = project.milestones.find((m) => m.key === key);
  if (!milestone) throw new AppError('NOT_FOUND', '该项目没有这个节点');
  const periodId = quarterOf(ctx.now);
  const counts = reachedOnTime({ planned: milestone.planned, actual }) && acceptsReports(periodId, await loadPeriod(ctx.db, periodId), ctx.now);
  const credited = counts ? creditedOwners(claims, actual) : [];
  const owners = (await Promise.all(credited.map((c) => ctx.db.collection<MemberDoc>(COLL.members).doc(c.memberId).get())))
    .map((r) => r.data)
    .filter((m): m is MemberDoc => m !== null && m.active && m.roles.includes('cadre'));
  const plannedText = milestone.planned ? `计划${milestone.planned}，` : '';
  const text = `填报「${milestone.name}」实际完成 ${actual}${note ? `：${note}` : ''}`;

  const saved = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ProjectDoc>(COLL.projects).doc(projectId);
    const p = (await ref.get()).data;
    if (!p) throw new AppError('NOT_FOUND', '项目不存在或已被删除');
    if (p.active === false) throw new AppError('CONFLICT', STOPPED);
    // another owner may have recorded it, or the plan changed, since the checks above
    const problem = reachProblem(p.milestones, key, actual, today);
    if (problem) refuse(problem);
    const milestones = p.milestones.map((m) => (m.key === key ? { ...m, actual } : m));
    const log = [...p.log, { at: ctx.now, by: me._id, byName: me.name, text }].slice(-PROJECTS.logMax);
    await ref.update({ data: { milestones: ctx.db.command.set(milestones), log: ctx.db.command.set(log), updatedAt: ctx.now } });
    for (const m of owners) {
      await creditMilestoneInTx(tx, m, p, milestone, {
        periodId,
        actual,
        today,
        now: ctx.now,
        note: `「${milestone.name}」按期完成（${plannedText}实际${actual}）`,
      });
    }
    return { ...p, milestones, log, updatedAt: ctx.now };
  });
  return projectView(ctx, saved, me, { claims });
};

import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { PROJECTS } from '../../../shared/projects/config';
import { planProblem, type Milestone } from '../../../shared/projects/milestone';
import type { ProjectDoc } from '../../../shared/projects/project';
import { STOPPED, projectView } from './lib';

/** Keys for the milestones added now: `m1`, `m2`, … after the highest the project has had. */
function withKeys(next: { key: string | null; name: string; planned: string | null }[], current: Milestone[]) {
  let n = Math.max(0, ...current.map((m) => Number(/^m(\d+)$/.exec(m.key)?.[1] ?? 0)));
  return next.map((m) => ({ key: m.key ?? `m${(n += 1)}`, name: m.name, planned: m.planned }));
}

/** What changed, for the project's log: `开工建设 2026-05-01→2026-06-01；新增「环评批复」`. */
function changes(next: Milestone[], current: Milestone[]): string {
  const parts: string[] = [];
  for (const m of next) {
    const was = current.find((c) => c.key === m.key);
    if (!was) parts.push(`新增「${m.name}」${m.planned ?? ''}`);
    else if (was.planned !== m.planned || was.name !== m.name) {
      parts.push(`「${was.name === m.name ? m.name : `${was.name}→${m.name}`}」${was.planned ?? '未定'}→${m.planned ?? '未定'}`);
    }
  }
  for (const c of current) if (!next.some((m) => m.key === c.key)) parts.push(`删除「${c.name}」`);
  return parts.length ? `调整计划：${parts.join('；')}` : '';
}

/**
 * The admin sets a project's milestones and planned dates. Checked against the project as it stands inside the
 * transaction: an owner recording a milestone meanwhile cannot be undone by a plan drawn before it.
 */
export const plan: Handler<'projects', 'plan'> = async ({ projectId, milestones }, ctx) => {
  const me = await ctx.member();
  const saved = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ProjectDoc>(COLL.projects).doc(projectId);
    const p = (await ref.get()).data;
    if (!p) throw new AppError('NOT_FOUND', '项目不存在或已被删除');
    if (p.active === false) throw new AppError('CONFLICT', STOPPED);
    const keyed = withKeys(milestones, p.milestones);
    const unknown = keyed.find((m, i) => milestones[i]?.key !== null && !p.milestones.some((c) => c.key === m.key));
    if (unknown) throw new AppError('INVALID_INPUT', '节点已变化，请刷新后重新调整', [{ path: 'milestones', message: '节点已变化' }]);
    const problem = planProblem(keyed, p.milestones);
    if (problem) throw new AppError(problem.code, problem.message, [{ path: problem.path, message: problem.message }]);
    const next: Milestone[] = keyed.map((m) => ({ ...m, actual: p.milestones.find((c) => c.key === m.key)?.actual ?? null }));
    const text = changes(next, p.milestones);
    if (!text) return p;
    const log = [...p.log, { at: ctx.now, by: me._id, byName: me.name, text: text.slice(0, 500) }].slice(-PROJECTS.logMax);
    await ref.update({ data: { milestones: ctx.db.command.set(next), log: ctx.db.command.set(log), updatedAt: ctx.now } });
    return { ...p, milestones: next, log, updatedAt: ctx.now };
  });
  return projectView(ctx, saved, me);
};

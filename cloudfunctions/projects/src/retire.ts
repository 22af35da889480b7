import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { PROJECTS } from '../../../shared/projects/config';
import type { ProjectDoc } from '../../../shared/projects/project';
import { projectView } from './lib';

/**
 * The admin stops a project (终止) or restores it, with the reason: in the project's log and the audit trail. The
 * plan is kept as it stands, so a restored project comes back whole; while stopped, its milestones not reached
 * count for nothing (shared/projects/project.ts milestonesInForce).
 */
export const retire: Handler<'projects', 'retire'> = async ({ projectId, reason, restore }, ctx) => {
  const me = await ctx.member();
  const saved = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ProjectDoc>(COLL.projects).doc(projectId);
    const p = (await ref.get()).data;
    if (!p) throw new AppError('NOT_FOUND', '项目不存在或已被删除');
    const stopped = p.active === false;
    if (stopped !== restore) throw new AppError('CONFLICT', restore ? '该项目没有终止，无需恢复' : '该项目已终止');
    const text = `${restore ? '恢复项目' : '终止项目'}：${reason}`;
    const log = [...p.log, { at: ctx.now, by: me._id, byName: me.name, text: text.slice(0, 500) }].slice(-PROJECTS.logMax);
    await ref.update({ data: { active: restore, log: ctx.db.command.set(log), updatedAt: ctx.now } });
    await appendAudit(tx, {
      kind: 'projects.retire',
      actor: me,
      at: ctx.now,
      subject: `projects:${projectId}`,
      reason,
      data: { projectId, active: restore, text: `${restore ? '恢复' : '终止'}项目“${p.name}”` },
    });
    return { ...p, active: restore, log, updatedAt: ctx.now };
  });
  return projectView(ctx, saved, me);
};

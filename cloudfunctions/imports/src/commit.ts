import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import { paced } from '../../../server/common/paced';
import type { Ctx, Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { loadDirectory } from '../../../server/park/directory';
import { AppError } from '../../../shared/common/errors';
import { dayOf } from '../../../shared/common/time';
import { countOf, planImport } from '../../../shared/imports/plan';
import { IMPORT, IMPORT_KIND_LABELS } from '../../../shared/imports/templates';
import { LOCK_ID, signature, viewOf, type ImportLockDoc, type PlanDoc } from './lib';
import { writeChange } from './write';

/** Stop taking rows this long into a call (the function has 60 s): the next call goes on where this one stopped. */
const CALL_BUDGET_MS = 35_000;
/** An import lock older than this belongs to no running call (a call lives 60 s at most): it may be taken over. */
const STALE_LOCK_MS = 5 * 60_000;

/**
 * Writes a previewed plan: all its rows or, if a call is cut short, the rest on the next call — never a choice of
 * rows. Each row's write sets the row's final values (an add the whole record, an update the changed fields), so a
 * row written twice is written once; the plan keeps how far it got. The first call checks the plan is still what
 * the admin saw — worked out again against the directory as it is now — and takes the park's import lock.
 */
export const commit: Handler<'imports', 'commit'> = async ({ planId }, ctx) => {
  const me = await ctx.member();
  let plan = (await ctx.db.collection<PlanDoc>(COLL.importPlans).doc(planId).get()).data;
  if (!plan) throw new AppError('NOT_FOUND', '导入预览不存在，请重新上传文件');
  if (plan.status === 'done') return viewOf(plan);
  if (plan.status === 'preview') plan = await begin(plan, ctx);
  const started = Date.now();
  let applied = plan.applied;
  while (applied < plan.changes.length && applied - plan.applied < IMPORT.rowsPerCall && Date.now() - started < CALL_BUDGET_MS) {
    const chunk = plan.changes.slice(applied, Math.min(applied + 100, plan.changes.length));
    await paced(chunk, (c) => writeChange(ctx, plan.kind, c, me));
    applied += chunk.length;
    await ctx.db.collection<PlanDoc>(COLL.importPlans).doc(planId).update({ data: { applied } });
  }
  if (applied < plan.changes.length) return viewOf({ ...plan, applied });
  return finish({ ...plan, applied }, ctx, me);
};

async function begin(plan: PlanDoc, ctx: Ctx): Promise<PlanDoc> {
  if (plan.problemCount > 0) throw new AppError('CONFLICT', '文件还有问题，请修改后重新上传');
  if (plan.changes.length === 0) throw new AppError('CONFLICT', '文件与名录一致，没有需要导入的变化');
  if (ctx.now - plan.at > IMPORT.planTtlMs) throw new AppError('EXPIRED', '预览已超过一天，请重新上传文件');
  const dir = await loadDirectory(ctx.db, { projects: plan.kind === 'projects' });
  const again = planImport(plan.kind, plan.cells, dir, () => 'NEW', dayOf(ctx.now));
  if (again.problems.length > 0 || signature(again.changes) !== plan.digest) {
    throw new AppError('CONFLICT', '预览之后名录已有变动，导入结果会不同：请重新上传文件预览');
  }
  return withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<PlanDoc>(COLL.importPlans).doc(plan._id);
    const now = (await ref.get()).data;
    if (!now) throw new AppError('NOT_FOUND', '导入预览不存在，请重新上传文件');
    if (now.status !== 'preview') return now;
    const lockRef = tx.collection<ImportLockDoc>(COLL.settings).doc(LOCK_ID);
    const lock = (await lockRef.get()).data;
    if (lock?.applying && lock.applying !== plan._id && ctx.now - lock.since < STALE_LOCK_MS) {
      throw new AppError('CONFLICT', '另一份名录正在导入，请等它完成后再确认');
    }
    await lockRef.set({ data: { applying: plan._id, since: ctx.now } });
    await ref.update({ data: { status: 'applying' } });
    return { ...now, status: 'applying' as const };
  });
}

async function finish(plan: PlanDoc, ctx: Ctx, me: Parameters<typeof appendAudit>[1]['actor']) {
  return withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<PlanDoc>(COLL.importPlans).doc(plan._id);
    const now = (await ref.get()).data;
    if (now?.status === 'done') return viewOf(now);
    await ref.update({ data: { status: 'done', applied: plan.applied, doneAt: ctx.now, cells: [] } });
    const lockRef = tx.collection<ImportLockDoc>(COLL.settings).doc(LOCK_ID);
    await lockRef.set({ data: { applying: null, since: ctx.now } });
    const adds = countOf(plan.changes, 'add');
    const updates = countOf(plan.changes, 'update');
    await appendAudit(tx, {
      kind: 'imports.commit',
      actor: me,
      at: ctx.now,
      subject: `imports:${plan._id}`,
      reason: '',
      data: { kind: plan.kind, adds, updates, digest: plan.digest, text: `导入${IMPORT_KIND_LABELS[plan.kind]}：新增${adds}条，更新${updates}条` },
    });
    return viewOf({ ...plan, status: 'done', doneAt: ctx.now });
  });
}

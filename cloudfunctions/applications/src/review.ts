import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { reviewStep, type ApplicationDoc } from '../../../shared/applications/review';
import { acceptsChanges, type PeriodDoc } from '../../../shared/assessment/period';
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import { checklistId, type ChecklistDoc } from '../../../shared/indicators/checklist';
import { approvedChecklist, approvedIndicator, approvedNodes } from '../../../shared/applications/approval';
import type { IndicatorDoc, TreeNodeDoc } from '../../../shared/indicators/indicator';
import { view } from './lib';

export const review: Handler<'applications', 'review'> = async ({ applicationId, decision, reason, weight }, ctx) => {
  const me = await ctx.member();
  const first = (await ctx.db.collection<ApplicationDoc>(COLL.applications).doc(applicationId).get()).data;
  if (!first) throw new AppError('NOT_FOUND', '申报不存在');
  // Read outside the transaction (where() is not allowed inside): the cadre's personal nodes and period state.
  const [nodes, period] = await Promise.all([
    ctx.db.collection<TreeNodeDoc>(COLL.treeNodes).where({ level: 'personal', memberId: first.memberId }).limit(100).get(),
    ctx.db.collection<PeriodDoc>(COLL.periods).doc(quarterOf(ctx.now)).get(),
  ]);
  const periodOpen = acceptsChanges(period.data);
  return withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<ApplicationDoc>(COLL.applications).doc(applicationId);
    const app = (await ref.get()).data;
    if (!app) throw new AppError('NOT_FOUND', '申报不存在');
    const outcome = reviewStep(app, me, decision);
    if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
    const history = [...app.history, { by: me._id, byName: me.name, action: outcome.action, reason, at: ctx.now }];
    let indicatorId: string | null = null;
    if (outcome.status === 'approved') {
      // What the approval adds is the rule of shared/applications/approval.ts; here it is only written.
      const indicator = approvedIndicator(app);
      indicatorId = indicator._id;
      await tx.collection<IndicatorDoc>(COLL.indicators).add({ data: indicator });
      const { rebalanced, added } = approvedNodes(app, indicator, nodes.data, weight);
      for (const n of rebalanced) {
        await tx
          .collection<TreeNodeDoc>(COLL.treeNodes)
          .doc(n._id)
          .update({ data: { weight: n.weight } });
      }
      await tx.collection<TreeNodeDoc>(COLL.treeNodes).add({ data: added });
      if (periodOpen) {
        const clRef = tx.collection<ChecklistDoc>(COLL.checklists).doc(checklistId(quarterOf(ctx.now), app.memberId));
        const cl = (await clRef.get()).data;
        if (cl) await clRef.update({ data: { items: ctx.db.command.set(approvedChecklist(cl.items, indicator, added)) } });
      }
    }
    await ref.update({ data: { status: outcome.status, history: ctx.db.command.set(history), indicatorId } });
    return view({ ...app, status: outcome.status, history, indicatorId });
  });
};

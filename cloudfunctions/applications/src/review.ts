import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { reviewStep, type ApplicationDoc } from '../../../shared/applications/review';
import type { PeriodDoc } from "../../../shared/assessment/period";
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import { checklistId, insertWithWeight, type ChecklistDoc, type ChecklistItem } from '../../../shared/indicators/checklist';
import type { IndicatorDoc, TreeNodeDoc } from "../../../shared/indicators/indicator";
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
      const periodOpen = period.data?.status === undefined || period.data.status === 'open';
      return withTransaction(ctx.db, async (tx) => {
        const ref = tx.collection<ApplicationDoc>(COLL.applications).doc(applicationId);
        const app = (await ref.get()).data;
        if (!app) throw new AppError('NOT_FOUND', '申报不存在');
        const outcome = reviewStep(app, me, decision);
        if (!outcome.ok) throw new AppError(outcome.code, outcome.message);
        const history = [...app.history, { by: me._id, byName: me.name, action: outcome.action, reason, at: ctx.now }];
        let indicatorId: string | null = null;
        if (outcome.status === 'approved') {
          indicatorId = `IND-APP-${app._id.slice(4)}`;
          const indicator: IndicatorDoc = {
            _id: indicatorId,
            version: 1,
            name: app.name,
            class: 'personal',
            kind: app.kind,
            group: '干部申报',
            sectionIds: [app.sectionId],
            unit: app.unit,
            direction: 'higher',
            target: app.target,
            rule: app.kind === 'quantitative' ? { type: 'proportional', cap: 100 } : null,
            owner: app.sectionId,
            source: `干部申报（${app.memberName}）`,
            metric: null,
            active: true,
          };
          await tx.collection<IndicatorDoc>(COLL.indicators).add({ data: indicator });
          const nodeId = `N-${app.memberId}-${indicatorId}`;
          const current = nodes.data;
          const parentId = current[0]?.parentId ?? null;
          const added: TreeNodeDoc = {
            _id: nodeId,
            level: 'personal',
            parentId,
            label: app.name,
            indicatorId,
            sectionId: app.sectionId,
            post: current[0]?.post ?? null,
            memberId: app.memberId,
            weight,
            target: app.target,
            order: Math.max(0, ...current.map((n) => n.order)) + 1,
          };
          const rebalanced = insertWithWeight(current, added);
          for (const n of rebalanced.slice(0, -1)) {
            await tx.collection<TreeNodeDoc>(COLL.treeNodes).doc(n._id).update({ data: { weight: n.weight } });
          }
          await tx.collection<TreeNodeDoc>(COLL.treeNodes).add({ data: added });
          if (periodOpen) {
            const clRef = tx.collection<ChecklistDoc>(COLL.checklists).doc(checklistId(quarterOf(ctx.now), app.memberId));
            const cl = (await clRef.get()).data;
            if (cl) {
              const item: ChecklistItem = {
                nodeId,
                indicatorId,
                indicatorVersion: 1,
                name: app.name,
                class: 'personal',
                kind: app.kind,
                unit: app.unit,
                direction: 'higher',
                target: app.target,
                rule: indicator.rule,
                metric: null,
                weight,
              };
              await clRef.update({ data: { items: ctx.db.command.set(insertWithWeight(cl.items, item)) } });
            }
          }
        }
        await ref.update({ data: { status: outcome.status, history: ctx.db.command.set(history), indicatorId } });
        return view({ ...app, status: outcome.status, history, indicatorId });
      });
    };

/**
 * applications: cadres apply for new indicators (申报); the section head and then the admin approve or reject;
 * the admin's approval adds the indicator to the cadre's checklist, scaling the other weights so they still add
 * up to 100 — in the tree and in the open quarter's checklist, in one transaction with the decision.
 */
import { randomBytes } from 'crypto';
import { COLL } from '../../../server/collections';
import { defineFunction } from '../../../server/router';
import { withTransaction } from '../../../server/tx';
import type { ApplicationView } from "../../../shared/applications/contract";
import { review, type ApplicationDoc } from '../../../shared/applications/review';
import type { PeriodDoc } from "../../../shared/assessment/period";
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import { checklistId, insertWithWeight, type ChecklistDoc, type ChecklistItem } from '../../../shared/indicators/checklist';
import type { IndicatorDoc, TreeNodeDoc } from "../../../shared/indicators/indicator";

const view = (a: ApplicationDoc): ApplicationView => ({
  id: a._id,
  memberId: a.memberId,
  memberName: a.memberName,
  sectionId: a.sectionId,
  name: a.name,
  reason: a.reason,
  kind: a.kind,
  unit: a.unit,
  target: a.target,
  status: a.status,
  history: a.history,
  indicatorId: a.indicatorId,
});

export const main = defineFunction('applications', {
  apply: {
    access: ['cadre'],
    run: async (input, ctx) => {
      const me = await ctx.member();
      const doc: ApplicationDoc = {
        _id: `APP-${randomBytes(5).toString('hex').toUpperCase()}`,
        memberId: me._id,
        memberName: me.name,
        sectionId: me.sectionId ?? '',
        periodId: quarterOf(ctx.now),
        name: input.name,
        reason: input.reason,
        kind: input.kind,
        unit: input.unit,
        target: input.kind === 'quantitative' ? input.target : null,
        status: 'pending_head',
        history: [{ by: me._id, byName: me.name, action: 'apply', reason: input.reason, at: ctx.now }],
        indicatorId: null,
      };
      await ctx.db.collection<ApplicationDoc>(COLL.applications).add({ data: doc });
      return view(doc);
    },
  },

  list: {
    access: 'bound',
    run: async ({ scope }, ctx) => {
      const me = await ctx.member();
      const coll = ctx.db.collection<ApplicationDoc>(COLL.applications);
      if (scope === 'mine') return (await coll.where({ memberId: me._id }).limit(100).get()).data.map(view).reverse();
      const waiting: ApplicationDoc[] = [];
      if (me.roles.includes('sectionHead') && me.sectionId) {
        waiting.push(...(await coll.where({ status: 'pending_head', sectionId: me.sectionId }).limit(100).get()).data);
      }
      if (me.roles.includes('admin')) waiting.push(...(await coll.where({ status: 'pending_admin' }).limit(100).get()).data);
      return waiting.filter((a) => a.memberId !== me._id).map(view);
    },
  },

  review: {
    access: ['sectionHead', 'admin'],
    run: async ({ applicationId, decision, reason, weight }, ctx) => {
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
        const outcome = review(app, me, decision);
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
    },
  },
});

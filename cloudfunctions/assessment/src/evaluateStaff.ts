import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import type { StaffEvaluationDoc } from '../../../shared/assessment/evaluations';
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import { checklistId, type ChecklistDoc } from '../../../shared/indicators/checklist';
import { requireOpen } from '../../../server/assessment/period';

export const evaluateStaff: Handler<'assessment', 'evaluateStaff'> = async ({ memberId, score, grades, actuals, comment }, ctx) => {
  const me = await ctx.member();
  const periodId = quarterOf(ctx.now);
  await requireOpen(ctx.db, periodId);
  // Whom the caller may evaluate (考人) is checked by the router (scope 'evaluatee').
  const m = await ctx.subject();
  const cl = (await ctx.db.collection<ChecklistDoc>(COLL.checklists).doc(checklistId(periodId, memberId)).get()).data;
  if (!cl) throw new AppError('NOT_READY', '本季度考核清单尚未生成，请联系组织员开启季度');
  const byNode = new Map(cl.items.map((i) => [i.nodeId, i]));
  for (const nodeId of Object.keys(grades)) {
    if (byNode.get(nodeId)?.kind !== 'qualitative')
      throw new AppError('INVALID_INPUT', '只能为清单中的定性指标评定等次', [{ path: `grades.${nodeId}`, message: '不是该人员清单中的定性指标' }]);
  }
  for (const nodeId of Object.keys(actuals)) {
    const item = byNode.get(nodeId);
    if (!item || item.kind !== 'quantitative' || item.metric) {
      throw new AppError('INVALID_INPUT', '只能为清单中需录入的定量指标填写完成值', [{ path: `actuals.${nodeId}`, message: '该指标无需录入完成值' }]);
    }
  }
  await ctx.db
    .collection<StaffEvaluationDoc>(COLL.staffEvaluations)
    .doc(`${periodId}_${memberId}`)
    .set({
      data: { periodId, memberId, sectionId: m.sectionId ?? '', score, grades, actuals, comment, by: me._id, at: ctx.now },
    });
  return { saved: true };
};

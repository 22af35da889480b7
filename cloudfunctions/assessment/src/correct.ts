import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { appendAudit } from '../../../server/audit/log';
import { withTransaction } from '../../../server/common/tx';
import { quarterResultId, type QuarterResultDoc } from '../../../shared/assessment/assessment';
import { type StaffEvaluationDoc } from '../../../shared/assessment/evaluations';
import { AppError } from '../../../shared/common/errors';
import { compute, resultView, saveResults } from './lib';
import type { CorrectionDoc } from '../../../shared/assessment/evaluations';
import { loadPeriod } from '../../../server/assessment/period';
import { fixResults } from '../../../server/assessment/results';

export const correct: Handler<'assessment', 'correct'> = async ({ periodId, memberId, field, value, reason }, ctx) => {
  const me = await ctx.member();
  const p = await loadPeriod(ctx.db, periodId);
  if (p?.status !== 'closed') throw new AppError('CONFLICT', '考核结束前请直接修改评分，无需更正');
  const member = await ctx.subject();
  await withTransaction(ctx.db, async (tx) => {
    const doc = (
      await tx
        .collection<QuarterResultDoc>(COLL.quarterResults)
        .doc(quarterResultId(periodId, member.sectionId ?? ''))
        .get()
    ).data;
    const result = doc?.members.find((x) => x.memberId === memberId);
    if (!result) throw new AppError('NOT_FOUND', '该人员本季度没有考核结果');
    const old = field === 'staffEvaluation' ? result.staffEvaluation : result.deductions;
    if (old === value) throw new AppError('CONFLICT', '新值与原值相同');
    if (field === 'staffEvaluation') {
      await tx
        .collection<StaffEvaluationDoc>(COLL.staffEvaluations)
        .doc(`${periodId}_${memberId}`)
        .update({ data: { score: value } });
    }
    // the correction and its entry in the audit trail land together
    const auditSeq = await appendAudit(tx, {
      kind: 'assessment.correct',
      actor: me,
      at: ctx.now,
      subject: `assessment:${periodId}:${memberId}`,
      reason,
      data: { periodId, memberId, field, old, new: value },
    });
    await tx.collection<CorrectionDoc>(COLL.corrections).add({
      data: {
        auditSeq,
        _id: `COR-${randomBytes(5).toString('hex').toUpperCase()}`,
        periodId,
        memberId,
        field,
        old,
        new: value,
        reason,
        by: me._id,
        byName: me.name,
        at: ctx.now,
      },
    });
  });
  // Everyone's grade may move (the 好 quota is shared), so the whole quarter is counted again, and the results now in
  // force are fixed by an entry of their own (a recount cut short leaves the check saying so until it is run again)
  await saveResults(ctx.db, periodId, await compute(ctx.db, periodId, ctx.now));
  await fixResults(ctx.db, periodId, { kind: 'assessment.results', actor: me, at: ctx.now, reason, period: {} });
  return resultView(ctx, periodId, member);
};

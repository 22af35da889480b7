import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import type { PeriodDoc } from '../../../shared/assessment/period';
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import { compute, saveResults, periodStatus } from './lib';
import { loadPeriod } from '../../../server/assessment/period';
import { fixResults } from '../../../server/assessment/results';

export const close: Handler<'assessment', 'close'> = async ({ periodId }, ctx) => {
  const me = await ctx.member();
  const p = await loadPeriod(ctx.db, periodId);
  if (p?.status === 'closed') throw new AppError('CLOSED', '该季度已结束');
  if (periodId > quarterOf(ctx.now)) throw new AppError('INVALID_INPUT', '季度尚未开始');
  const before = await periodStatus(ctx.db, periodId, ctx.now);
  if (!before.opened || before.checklistsMissing > 0) throw new AppError('CONFLICT', '本季度尚未开启完成（考核清单未全部生成），请先开启季度');
  if (before.staffEvaluated < before.cadres || before.sectionsEvaluated < before.sections) {
    throw new AppError(
      'CONFLICT',
      `还有 ${before.cadres - before.staffEvaluated} 名干部未完成考人评分、${before.sections - before.sectionsEvaluated} 个股室未完成考事评分，暂不能结束`,
    );
  }
  // 'closing' refuses new reports and evaluations while results are written; a failed close is simply run
  // again (results have fixed ids), and only then is the quarter 'closed'.
  await ctx.db
    .collection<PeriodDoc>(COLL.periods)
    .doc(periodId)
    .set({ data: { status: 'closing' } });
  await saveResults(ctx.db, periodId, await compute(ctx.db, periodId, ctx.now));
  // the results as stored, fixed by the close's entry in the audit trail, which lands with the 'closed' status
  await fixResults(ctx.db, periodId, {
    kind: 'assessment.close',
    actor: me,
    at: ctx.now,
    reason: '',
    period: { status: 'closed', closedAt: ctx.now, closedBy: me._id },
  });
  return periodStatus(ctx.db, periodId, ctx.now);
};

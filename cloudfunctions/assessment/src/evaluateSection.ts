import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { type SectionEvaluationDoc } from '../../../shared/assessment/evaluations';
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import type { SectionDoc } from '../../../shared/park/park';
import { requireOpen } from '../../../server/assessment/period';

export const evaluateSection: Handler<'assessment', 'evaluateSection'> = async ({ sectionId, score, comment }, ctx) => {
  const me = await ctx.member();
  const periodId = quarterOf(ctx.now);
  await requireOpen(ctx.db, periodId);
  const s = (await ctx.db.collection<SectionDoc>(COLL.sections).doc(sectionId).get()).data;
  if (!s) throw new AppError('NOT_FOUND', '股室不存在');
  await ctx.db
    .collection<SectionEvaluationDoc>(COLL.sectionEvaluations)
    .doc(`${periodId}_${sectionId}_${me._id}`)
    .set({ data: { periodId, sectionId, leaderId: me._id, score, comment, at: ctx.now } });
  return { saved: true };
};

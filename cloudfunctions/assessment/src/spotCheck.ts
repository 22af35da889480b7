import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import type { SpotDrawDoc } from '../../../shared/assessment/draw';
import type { SpotCheckDoc } from '../../../shared/assessment/evaluations';
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import { type MemberDoc } from '../../../shared/members/member';
import type { SectionDoc } from '../../../shared/park/park';
import { requireOpen } from '../../../server/assessment/period';

export const spotCheck: Handler<'assessment', 'spotCheck'> = async ({ targetType, targetId, findings, deduction, drawId }, ctx) => {
  const me = await ctx.member();
  const periodId = quarterOf(ctx.now);
  await requireOpen(ctx.db, periodId);
  const target =
    targetType === 'section'
      ? (await ctx.db.collection<SectionDoc>(COLL.sections).doc(targetId).get()).data
      : (await ctx.db.collection<MemberDoc>(COLL.members).doc(targetId).get()).data;
  if (!target) throw new AppError('NOT_FOUND', '抽查对象不存在');
  if (drawId) {
    const draw = (await ctx.db.collection<SpotDrawDoc>(COLL.spotDraws).doc(drawId).get()).data;
    if (!draw || draw.periodId !== periodId || draw.pool !== targetType || !draw.picked.includes(targetId)) {
      throw new AppError('INVALID_INPUT', '该对象不在所选的随机抽取名单中', [{ path: 'targetId', message: '不在抽取名单中' }]);
    }
  }
  const id = `SPOT-${randomBytes(5).toString('hex').toUpperCase()}`;
  await ctx.db.collection<SpotCheckDoc>(COLL.spotChecks).add({
    data: { _id: id, periodId, targetType, targetId, findings, deduction, drawId, by: me._id, at: ctx.now },
  });
  return { id };
};

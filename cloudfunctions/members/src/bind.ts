import { COLL } from '../../../server/common/collections';
import { meView } from '../../../server/members/views';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { inviteProblem, type InviteDoc } from '../../../shared/members/invite';
import type { BindingDoc, MemberDoc } from '../../../shared/members/member';

export const bind: Handler<'members', 'bind'> = async ({ code }, ctx) => {
  const memberId = await withTransaction(ctx.db, async (tx) => {
    const already = (await tx.collection<BindingDoc>(COLL.bindings).doc(ctx.openid).get()).data;
    if (already) throw new AppError('CONFLICT', '当前微信已绑定人员，无需再次绑定');
    const invite = (await tx.collection<InviteDoc>(COLL.invites).doc(code).get()).data;
    if (!invite) throw new AppError('NOT_FOUND', '邀请码不存在，请核对后重新输入');
    const problem = inviteProblem(invite, ctx.now);
    if (problem === 'used') throw new AppError('CONFLICT', '该邀请码已被使用，请联系组织员重新发放');
    if (problem === 'expired') throw new AppError('EXPIRED', '该邀请码已过期，请联系组织员重新发放');
    const member = (await tx.collection<MemberDoc>(COLL.members).doc(invite.memberId).get()).data;
    if (!member || !member.active) throw new AppError('NOT_FOUND', '邀请码对应的人员已不在册，请联系组织员');
    if (member.bound) throw new AppError('CONFLICT', '该人员已绑定其他微信，如需更换请联系组织员');
    await tx
      .collection<BindingDoc>(COLL.bindings)
      .doc(ctx.openid)
      .set({ data: { memberId: member._id, boundAt: ctx.now } });
    await tx
      .collection<InviteDoc>(COLL.invites)
      .doc(code)
      .update({ data: { usedAt: ctx.now, usedByOpenid: ctx.openid } });
    await tx
      .collection<MemberDoc>(COLL.members)
      .doc(member._id)
      .update({ data: { bound: true } });
    return member._id;
  });
  const member = (await ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get()).data;
  if (!member) throw new AppError('INTERNAL');
  return meView(ctx.db, member);
};

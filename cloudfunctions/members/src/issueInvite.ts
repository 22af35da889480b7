import { storeMpCode } from '../../../server/common/mpcode';
import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import { LINK_SECONDS, tempUrls } from '../../../server/common/files';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { addDays } from '../../../shared/common/time';
import { INVITE } from '../../../shared/members/config';
import { BIND_PAGE, makeInviteCode, type InviteDoc } from '../../../shared/members/invite';
import type { MemberDoc } from '../../../shared/members/member';

export const issueInvite: Handler<'members', 'issueInvite'> = async ({ memberId }, ctx) => {
  const admin = await ctx.member();
  const member = (await ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get()).data;
  if (!member || !member.active) throw new AppError('NOT_FOUND', '该人员不存在或已不在册');
  if (member.bound) throw new AppError('CONFLICT', '该人员已绑定微信，无需邀请码');
  const code = makeInviteCode(randomBytes(INVITE.length));
  const invite: InviteDoc = {
    _id: code,
    memberId,
    issuedBy: admin._id,
    issuedAt: ctx.now,
    expiresAt: addDays(ctx.now, INVITE.ttlDays),
    usedAt: null,
    usedByOpenid: null,
  };
  // The code is the document id: a (vanishingly rare) collision fails the add instead of overwriting an invite.
  await ctx.db.collection<InviteDoc>(COLL.invites).add({ data: invite });
  const fileID = await storeMpCode(ctx.cloud, { scene: code, page: BIND_PAGE, width: 430, cloudPath: `invites/${code}.png` });
  const urls = await tempUrls(ctx.cloud, [fileID], LINK_SECONDS.code);
  return {
    code,
    memberName: member.name,
    expiresAt: invite.expiresAt,
    page: BIND_PAGE,
    qrFileId: fileID,
    qrUrl: urls.get(fileID) ?? '',
  };
};

/**
 * members: who the caller is, binding a WeChat identity with an invite code, and the admin's invites.
 */
import { randomBytes } from 'crypto';
import { COLL } from '../../../server/collections';
import { meView, tempUrls } from '../../../server/lookup';
import { defineFunction } from '../../../server/router';
import { withTransaction } from '../../../server/tx';
import { LIMITS } from '../../../shared/common/config';
import { AppError } from '../../../shared/common/errors';
import { addDays } from '../../../shared/common/time';
import { INVITE } from "../../../shared/members/config";
import { BIND_PAGE, inviteProblem, makeInviteCode, type InviteDoc } from '../../../shared/members/invite';
import type { BindingDoc, MemberDoc } from '../../../shared/members/member';
import type { SectionDoc } from '../../../shared/park/park';

export const main = defineFunction('members', {
  me: {
    access: 'bound',
    run: async (_input, ctx) => meView(ctx.db, await ctx.member()),
  },

  bind: {
    access: 'anyone',
    run: async ({ code }, ctx) => {
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
        await tx.collection<InviteDoc>(COLL.invites).doc(code).update({ data: { usedAt: ctx.now, usedByOpenid: ctx.openid } });
        await tx.collection<MemberDoc>(COLL.members).doc(member._id).update({ data: { bound: true } });
        return member._id;
      });
      const member = (await ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get()).data;
      if (!member) throw new AppError('INTERNAL');
      return meView(ctx.db, member);
    },
  },

  issueInvite: {
    access: ['admin'],
    run: async ({ memberId }, ctx) => {
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
      const qr = await ctx.cloud.openapi.wxacode.getUnlimited({ scene: code, page: BIND_PAGE, width: 430, checkPath: false });
      const { fileID } = await ctx.cloud.uploadFile({ cloudPath: `invites/${code}.png`, fileContent: qr.buffer });
      const urls = await tempUrls(ctx.cloud, [fileID]);
      return {
        code,
        memberName: member.name,
        expiresAt: invite.expiresAt,
        page: BIND_PAGE,
        qrFileId: fileID,
        qrUrl: urls.get(fileID) ?? '',
      };
    },
  },

  roster: {
    access: ['admin'],
    run: async ({ cursor = 0 }, ctx) => {
      const [members, sections] = await Promise.all([
        ctx.db
          .collection<MemberDoc>(COLL.members)
          .where({ active: true })
          .orderBy('_id', 'asc')
          .skip(cursor)
          .limit(LIMITS.pageSize)
          .get(),
        ctx.db.collection<SectionDoc>(COLL.sections).limit(100).get(),
      ]);
      const names = new Map(sections.data.map((s) => [s._id, s.name]));
      return {
        items: members.data.map((m) => ({
          memberId: m._id,
          name: m.name,
          sectionName: m.sectionId ? (names.get(m.sectionId) ?? null) : null,
          post: m.post,
          bound: m.bound,
        })),
        nextCursor: members.data.length === LIMITS.pageSize ? cursor + LIMITS.pageSize : null,
      };
    },
  },
});

/** The members' contract: roles, who-am-I, invite codes and binding, the roster, enterprise contacts. */
import { z } from 'zod';
import { Cursor, Id, empty, page } from '../common/schema';
import { INVITE } from './config';

export const InviteCode = z
  .string({ error: '请输入邀请码' })
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(
    z
      .string()
      .length(INVITE.length, { error: `邀请码为${INVITE.length}位` })
      .regex(new RegExp(`^[${INVITE.alphabet}]+$`), { error: '邀请码含有无效字符' }),
  );
export const Role = z.enum(['cadre', 'sectionHead', 'leader', 'enterprise', 'admin']);
export type Role = z.infer<typeof Role>;
export const ROLE_LABELS: Record<Role, string> = {
  cadre: '干部',
  sectionHead: '股室负责人',
  leader: '班子成员',
  enterprise: '企业联系人',
  admin: '组织员',
};
export const MeView = z.object({
  memberId: z.string(),
  name: z.string(),
  roles: z.array(Role),
  sectionId: z.string().nullable(),
  sectionName: z.string().nullable(),
  post: z.string().nullable(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
});
export type MeView = z.infer<typeof MeView>;
/**
 * A person on the local sign-in page (`GET /api/dev/people`): the local cloud's stand-in for WeChat's own login.
 * Never part of the mini-program on WeChat, where identity is the platform's.
 */
export interface DemoPerson {
  openid: string;
  memberId: string;
  name: string;
  roles: Role[];
  sectionName: string | null;
  post: string | null;
  enterpriseName: string | null;
}

/** The members function's actions: each one's input and output schema. */
export const membersContract = {
  /** Who am I? Fails with UNBOUND when this WeChat identity is not bound yet. */
  me: { input: empty, output: MeView },
  /** Bind this WeChat identity to the person an invite code was issued for. Single use, expiring. */
  bind: { input: z.object({ code: InviteCode }).strict(), output: MeView },
  /** Admin: issue an invite code (and its mini-program code) for a person not yet bound. */
  issueInvite: {
    input: z.object({ memberId: Id }).strict(),
    output: z.object({
      code: z.string(),
      memberName: z.string(),
      expiresAt: z.number(),
      /** Page the mini-program code opens, with `scene` = the code. */
      page: z.string(),
      qrFileId: z.string(),
      qrUrl: z.string(),
    }),
  },
  /**
   * Admin: add a contact of an enterprise (企业联系人), who then binds with an invite code like anyone (issueInvite):
   * they see only their own enterprise.
   */
  addContact: {
    input: z
      .object({
        enterpriseId: Id,
        name: z.string().trim().min(2, { error: '姓名至少2个字' }).max(20, { error: '姓名不超过20字' }),
        post: z.string().trim().max(20, { error: '职务不超过20字' }).default(''),
      })
      .strict(),
    output: z.object({ memberId: z.string(), name: z.string(), enterpriseName: z.string() }),
  },
  /** Admin: people of the park, with whether each has bound a WeChat identity. */
  roster: {
    input: z.object({ cursor: Cursor }).strict(),
    output: page(
      z.object({
        memberId: z.string(),
        name: z.string(),
        sectionName: z.string().nullable(),
        /** An enterprise contact's enterprise. */
        enterpriseName: z.string().nullable(),
        post: z.string().nullable(),
        bound: z.boolean(),
      }),
    ),
  },
} as const;

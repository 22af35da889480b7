/** The members' contract: roles, who-am-I, invite codes and binding, the roster, enterprise contacts. */
import { z } from 'zod';
import { Cursor, Day, Id, Reason, empty, page } from '../common/schema';
import { INVITE } from './config';
import { YEAR_STATUSES } from '../park/park';

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

/** The roles the roster gives (enterprise contacts are added under their enterprise). */
export const StaffRole = z.enum(['cadre', 'sectionHead', 'leader', 'admin'], { error: '角色不正确' });

export const PersonView = z.object({
  memberId: z.string(),
  name: z.string(),
  staffNo: z.string().nullable(),
  sectionId: z.string().nullable(),
  sectionName: z.string().nullable(),
  post: z.string().nullable(),
  roles: z.array(Role),
  joinedOn: z.string().nullable(),
  active: z.boolean(),
  leftOn: z.string().nullable(),
  leftReason: z.string().nullable(),
  bound: z.boolean(),
  /** What was recorded of this year (试用期, 长期病事假, 立案审查): the year's grade may not be given. */
  yearStatus: z.object({ year: z.number(), kind: z.enum(YEAR_STATUSES), note: z.string() }).nullable(),
});
export type PersonView = z.infer<typeof PersonView>;

const StaffName = z.string({ error: '请填写姓名' }).trim().min(2, { error: '姓名至少2个字' }).max(20, { error: '姓名不超过20字' });
const StaffNo = z
  .string()
  .trim()
  .max(32, { error: '工号不超过32位' })
  .regex(/^[A-Za-z0-9_-]*$/, { error: '工号只能由字母、数字、-、_ 组成' });
const Post = z.string().trim().max(20, { error: '岗位不超过20字' });

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
  /** Admin: the park's staff, searched by name or 工号, in a section, those who left too when asked. */
  people: {
    input: z
      .object({
        q: z.string().trim().max(20, { error: '搜索词不超过20个字' }).default(''),
        sectionId: Id.optional(),
        left: z.boolean().default(false),
        cursor: Cursor,
      })
      .strict(),
    output: page(PersonView),
  },
  /**
   * Admin: add a person to the roster (no memberId: section and roles as they start), or correct one's name, 工号,
   * post or joining date. A move or a change of roles is a change with a date and a reason (人员变动), not an edit.
   */
  savePerson: {
    input: z
      .object({
        memberId: Id.optional(),
        name: StaffName,
        staffNo: StaffNo.default(''),
        post: Post.default(''),
        joinedOn: Day.nullable().default(null),
        sectionId: Id.nullable().default(null),
        roles: z.array(StaffRole).max(4).default([]),
      })
      .strict(),
    output: PersonView,
  },
  /**
   * Admin: a person left the park (离职、调离、退休) on a day, with the reason: they keep their place in past results,
   * get no more invites, reminders, ballots or quota places, and their WeChat identity is unbound.
   */
  leave: {
    input: z.object({ memberId: Id, on: Day, reason: Reason }).strict(),
    output: PersonView,
  },
  /**
   * Admin: a change of someone on the roster from a day (人员变动): a move to another section or post, new roles (a
   * cadre made section head, a leader's roles), with the reason. One head a section: making someone head of a section
   * that has one makes the sitting head a cadre of it in the same change (接任).
   */
  change: {
    input: z
      .object({
        memberId: Id,
        on: Day,
        reason: Reason,
        sectionId: Id.optional(),
        post: Post.optional(),
        roles: z.array(StaffRole).min(1, { error: '请选择角色' }).max(4).optional(),
      })
      .strict(),
    output: z.object({ person: PersonView, displaced: PersonView.nullable() }),
  },
  /**
   * Admin: what a person's year is, for the annual results — in the probation year of a new recruit, on leave for
   * more than half of it, under investigation — or back to an ordinary year (`none`); with the note.
   */
  yearStatus: {
    input: z
      .object({
        memberId: Id,
        year: z.number({ error: '请选择年度' }).int().min(2020, { error: '年度应在2020至2100之间' }).max(2100, { error: '年度应在2020至2100之间' }),
        kind: z.enum([...YEAR_STATUSES, 'none'], { error: '请选择情形' }),
        note: Reason,
      })
      .strict(),
    output: PersonView,
  },
  /** Admin: a lost phone or a new WeChat account — the old identity is unbound; a new invite binds the new one. */
  unbind: { input: z.object({ memberId: Id, reason: Reason }).strict(), output: PersonView },
  /** Anyone bound: unbind this WeChat identity from oneself (退出登录); an invite from the 组织员 binds again. */
  signOut: { input: empty, output: z.object({ done: z.boolean() }) },
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

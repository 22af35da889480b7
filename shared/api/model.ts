/**
 * Shared building blocks of the API: ids, roles, and the views the client renders.
 * Every field a client sends is parsed by one of these before anything reads it.
 */
import { z } from 'zod';
import { INVITE, LIMITS } from '../config/defaults';
import { isDayString, isQuarterId } from '../time';

export const Id = z
  .string({ error: '缺少编号' })
  .trim()
  .min(1, { error: '缺少编号' })
  .max(64, { error: '编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '编号格式不正确' });

export const PeriodId = z.string().refine(isQuarterId, { error: '考核周期格式应为 2026Q4' });
export const Day = z.string({ error: '请选择日期' }).refine(isDayString, { error: '日期格式应为 YYYY-MM-DD' });
export const Cursor = z.number().int().min(0).max(100_000).optional();

/** A WeChat Cloud file id (`cloud://env.bucket/path`). */
export const FileId = z
  .string()
  .max(512, { error: '文件编号过长' })
  .regex(/^cloud:\/\/[^\s/]+\/[^\s]+$/, { error: '文件编号格式不正确' });

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

/** What a dossier target counts. */
export const Metric = z.enum(['enterprise_visit', 'project_milestone', 'appeal_resolved']);
export type Metric = z.infer<typeof Metric>;

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

export const TargetProgress = z.object({
  metric: Metric,
  label: z.string(),
  unit: z.string(),
  target: z.number(),
  done: z.number(),
  /** 0–100, rounded down; 100 when the target is met or exceeded. */
  percent: z.number(),
});
export type TargetProgress = z.infer<typeof TargetProgress>;

/** What a day-to-day report records: one of the counted metrics, or another achievement (其他工作实绩). */
export const ReportKind = z.enum(['enterprise_visit', 'appeal_resolved', 'project_milestone', 'achievement']);
export type ReportKind = z.infer<typeof ReportKind>;
export const REPORT_KIND_LABELS: Record<ReportKind, string> = {
  enterprise_visit: '走访企业',
  appeal_resolved: '解决企业诉求',
  project_milestone: '项目进展',
  achievement: '其他工作实绩',
};

export const ReportView = z.object({
  id: z.string(),
  kind: ReportKind,
  projectName: z.string().nullable(),
  date: z.string(),
  enterpriseId: z.string().nullable(),
  enterpriseName: z.string().nullable(),
  note: z.string(),
  photoUrls: z.array(z.string()),
});
export type ReportView = z.infer<typeof ReportView>;

export const DossierView = z.object({
  periodId: z.string(),
  periodLabel: z.string(),
  /** First and last day reports may carry. */
  firstDay: z.string(),
  lastDay: z.string(),
  open: z.boolean(),
  memberId: z.string(),
  memberName: z.string(),
  sectionName: z.string().nullable(),
  targets: z.array(TargetProgress),
  /** Visits in total, counting repeat visits to one enterprise (the target counts distinct enterprises). */
  visitCount: z.number(),
  recent: z.array(ReportView),
});
export type DossierView = z.infer<typeof DossierView>;

export const EnterpriseItem = z.object({
  id: z.string(),
  name: z.string(),
  aboveScale: z.boolean(),
  industry: z.string(),
});
export type EnterpriseItem = z.infer<typeof EnterpriseItem>;

export const StaffRow = z.object({
  memberId: z.string(),
  name: z.string(),
  post: z.string().nullable(),
  targets: z.array(TargetProgress),
  /** Mean of the targets' percents, rounded down. */
  overallPercent: z.number(),
  /** A section head (evaluated by a leader, not by the section). */
  isHead: z.boolean(),
  /** Has a 考人 evaluation for this quarter. */
  evaluated: z.boolean(),
});
export type StaffRow = z.infer<typeof StaffRow>;

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

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.number().nullable() });
}

export { LIMITS };

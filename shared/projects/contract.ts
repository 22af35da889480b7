/** Key projects' contract (重点项目): the list, one project, claims, milestones and the park's landing figures. */
import { z } from 'zod';
import { Day, Id, Name, Reason, empty } from '../common/schema';
import { PROJECTS } from './config';

export const ProjectStatusView = z.object({
  stage: z.string(),
  lagging: z.boolean(),
  lagDays: z.number(),
  laggingName: z.string().nullable(),
  next: z.object({ key: z.string(), name: z.string(), planned: z.string().nullable() }).nullable(),
  reached: z.number(),
  total: z.number(),
});

export const ProjectItem = z.object({
  id: z.string(),
  name: z.string(),
  enterpriseName: z.string().nullable(),
  status: ProjectStatusView,
  landingDays: z.number().nullable(),
  claimedByMe: z.boolean(),
  owners: z.number(),
  /** Stopped (终止): its milestones not reached no longer count. */
  stopped: z.boolean(),
});
export type ProjectItem = z.infer<typeof ProjectItem>;

export const MilestoneView = z.object({
  key: z.string(),
  name: z.string(),
  planned: z.string().nullable(),
  actual: z.string().nullable(),
  state: z.enum(['on_time', 'late', 'lagging', 'due', 'reached', 'unplanned']),
  /** Days late, behind or left, as the state says. */
  days: z.number(),
});
export type MilestoneView = z.infer<typeof MilestoneView>;

export const LandingView = z.object({
  landed: z.number(),
  meanDays: z.number().nullable(),
  baselineDays: z.number(),
  shorterPercent: z.number().nullable(),
});

export const ProjectView = z.object({
  id: z.string(),
  name: z.string(),
  enterpriseId: z.string(),
  enterpriseName: z.string().nullable(),
  status: ProjectStatusView,
  milestones: z.array(MilestoneView),
  owners: z.array(z.object({ memberId: z.string(), name: z.string(), sectionName: z.string().nullable(), since: z.string() })),
  log: z.array(z.object({ at: z.number(), byName: z.string(), text: z.string() })),
  landingDays: z.number().nullable(),
  baselineDays: z.number(),
  claimedByMe: z.boolean(),
  /** The caller may record actual dates (an owner, or the admin). */
  mayReach: z.boolean(),
  /** The caller may change the plan (the admin). */
  mayPlan: z.boolean(),
  /** Stopped (终止): kept with its history; nothing of it falls due or lags; the admin may restore it. */
  stopped: z.boolean(),
  /** The office's own number (项目编号), when it has one. */
  code: z.string().nullable(),
});
export type ProjectView = z.infer<typeof ProjectView>;

const ProjectRef = { projectId: Id };
const Note = z
  .string()
  .trim()
  .max(PROJECTS.noteMax, { error: `说明不超过${PROJECTS.noteMax}字` })
  .default('');
const PlannedMilestone = z
  .object({
    /** An existing milestone's key; null for one added now. */
    key: z
      .string()
      .regex(/^[a-z][a-z0-9]{0,15}$/, { error: '节点编号有误' })
      .nullable(),
    name: z
      .string()
      .trim()
      .min(2, { error: '节点名称至少2个字' })
      .max(PROJECTS.milestoneNameMax, { error: `节点名称不超过${PROJECTS.milestoneNameMax}字` }),
    planned: Day.nullable(),
  })
  .strict();

export const MonthRow = z.object({
  month: z.string(),
  /** Milestones planned for the month. */
  due: z.number(),
  /** Of those, reached on or before their planned date. */
  onTime: z.number(),
  /** Projects that reached production in the month, and their mean landing cycle. */
  landed: z.number(),
  meanLandingDays: z.number().nullable(),
});

export const projectsContract = {
  /**
   * Key projects with where each stands; `mine` the caller's own, `lagging` those behind plan in the caller's view,
   * `stopped` those stopped (终止), which the other lists leave out.
   */
  list: {
    input: z.object({ filter: z.enum(['all', 'mine', 'lagging', 'stopped'], { error: '筛选条件有误' }).default('all') }).strict(),
    output: z.object({ items: z.array(ProjectItem), baselineDays: z.number() }),
  },
  /** One project: its milestones against plan, owners, landing cycle and log. */
  get: { input: z.object(ProjectRef).strict(), output: ProjectView },
  /** Claim (认领) a project, becoming one of its owners, or give it up. */
  claim: { input: z.object({ ...ProjectRef, claim: z.boolean() }).strict(), output: z.object({ claimed: z.boolean() }) },
  /** An owner (or the admin) records the day a milestone was reached; on time, it counts for every owner. */
  reach: {
    input: z.object({ ...ProjectRef, key: z.string().min(1).max(16, { error: '节点编号有误' }), actual: Day, note: Note }).strict(),
    output: ProjectView,
  },
  /**
   * The admin corrects a reached milestone's actual date, or takes it back to not reached, saying why: the owners'
   * 进展达速 credits follow in quarters still open (a closed quarter's results stand), and the trail records it.
   */
  correct: {
    input: z.object({ ...ProjectRef, key: z.string().min(1).max(16, { error: '节点编号有误' }), actual: Day.nullable(), reason: Reason }).strict(),
    output: ProjectView,
  },
  /** The admin sets a project's milestones and planned dates. */
  plan: {
    input: z
      .object({
        ...ProjectRef,
        milestones: z.array(PlannedMilestone).max(PROJECTS.milestonesMax, { error: `节点不超过${PROJECTS.milestonesMax}个` }),
      })
      .strict(),
    output: ProjectView,
  },
  /**
   * The admin stops a project (终止: the enterprise withdrew, the project was merged into another) with the reason,
   * or restores it. Nothing is deleted: milestones reached keep their credits; those not reached stop counting.
   */
  retire: { input: z.object({ ...ProjectRef, reason: Reason, restore: z.boolean() }).strict(), output: ProjectView },
  /** The admin adds a key project of an enterprise, with the standard milestones to plan. */
  create: { input: z.object({ name: Name, enterpriseId: Id }).strict(), output: ProjectView },
  /** Leaders and the admin: milestones due and reached on time, and landings, by month; the projects lagging now. */
  dashboard: {
    input: z.object({ months: z.number().int().min(1, { error: '月份数为1至12' }).max(12, { error: '月份数为1至12' }).default(6) }).strict(),
    output: z.object({
      months: z.array(MonthRow),
      landing: LandingView,
      lagging: z.array(z.object({ id: z.string(), name: z.string(), lagDays: z.number(), laggingName: z.string().nullable() })),
      /** When the figures were computed (the hourly tick's, or now). */
      asOf: z.number(),
    }),
  },
  /** The park's settings for key projects, and the admin's change of them. */
  settings: { input: empty, output: z.object({ landingBaselineDays: z.number() }) },
  saveSettings: {
    input: z
      .object({
        landingBaselineDays: z
          .number({ error: '请填写基准落地周期（天）' })
          .int({ error: '基准落地周期应为整数天' })
          .min(30, { error: '基准落地周期应在30至3650天之间' })
          .max(3650, { error: '基准落地周期应在30至3650天之间' }),
      })
      .strict(),
    output: z.object({ landingBaselineDays: z.number() }),
  },
} as const;

/** The park directory's contract: sections, enterprise search, the working-day calendar. */
import { z } from 'zod';
import { Cursor, Day, Id, Reason, empty, page } from '../common/schema';
import { creditCodeProblem, normalizeCreditCode } from './credit-code';

export const EnterpriseItem = z.object({
  id: z.string(),
  name: z.string(),
  aboveScale: z.boolean(),
  industry: z.string(),
});
export type EnterpriseItem = z.infer<typeof EnterpriseItem>;

const Year = z.number({ error: '请选择年份' }).int().min(2020, { error: '年份应在2020至2100之间' }).max(2100, { error: '年份应在2020至2100之间' });
export const CalendarView = z.object({
  year: z.number(),
  offDays: z.array(z.string()),
  makeUpDays: z.array(z.string()),
  /** `statutory`: the State Council's notice is not entered yet; only the holidays the law fixes are counted. */
  source: z.enum(['admin', 'library', 'statutory']),
  /** On saving: the appeals and annual periods whose provisional deadlines were counted again with the year. */
  recounted: z.number().optional(),
});
export type CalendarView = z.infer<typeof CalendarView>;

/** Set-up code: what the deployer put in the park function's environment (YARDSTICK_SETUP_CODE). */
export const SetupCode = z
  .string({ error: '请输入设置码' })
  .trim()
  .min(12, { error: '设置码至少12位' })
  .max(128, { error: '设置码过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '设置码含有无效字符' });

export const ParkName = z.string({ error: '请填写园区名称' }).trim().min(2, { error: '园区名称至少2个字' }).max(30, { error: '园区名称不超过30字' });
export const PersonName = z.string({ error: '请填写姓名' }).trim().min(2, { error: '姓名至少2个字' }).max(20, { error: '姓名不超过20字' });
/** The office's own code (编号, 工号): letters, digits, - and _. */
export const OfficeCode = z
  .string()
  .trim()
  .max(32, { error: '编号不超过32位' })
  .regex(/^[A-Za-z0-9_-]*$/, { error: '编号只能由字母、数字、-、_ 组成' });
export const CreditCode = z
  .string({ error: '请填写统一社会信用代码' })
  .transform(normalizeCreditCode)
  .superRefine((v, ctx) => {
    const problem = creditCodeProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const NoGrade = z.object({ probation: z.boolean(), leave: z.boolean(), investigation: z.boolean() }).strict();
export const ParkSettingsView = z.object({ headScoring: z.enum(['overseeing', 'anyLeader']), noGrade: NoGrade });

export const ParkStatusView = z.object({
  /** The park's name once set up, else null. */
  name: z.string().nullable(),
  setUp: z.boolean(),
});

export const SectionAdminItem = z.object({
  id: z.string(),
  name: z.string(),
  order: z.number(),
  code: z.string().nullable(),
  leaderId: z.string().nullable(),
  leaderName: z.string().nullable(),
  active: z.boolean(),
  /** People on the roster in it now. */
  people: z.number(),
  headName: z.string().nullable(),
});

export const EnterpriseAdminItem = z.object({
  id: z.string(),
  name: z.string(),
  creditCode: z.string().nullable(),
  industry: z.string(),
  aboveScale: z.boolean(),
  liaisonId: z.string().nullable(),
  liaisonName: z.string().nullable(),
  code: z.string().nullable(),
  active: z.boolean(),
  contacts: z.number(),
});

const Industry = z.string({ error: '请填写所属行业' }).trim().min(1, { error: '请填写所属行业' }).max(20, { error: '所属行业不超过20字' });

/** The park function's actions: each one's input and output schema. */
export const parkContract = {
  /** Anyone, bound or not: the park's name, and whether it has been set up (the first screen needs both). */
  status: { input: empty, output: ParkStatusView },
  /**
   * The first administrator: whoever gives the set-up code the deployer put in the park function's environment
   * becomes the park's 组织员. Refused for ever once the park is set up. Its own WeChat identity is bound at once.
   */
  setup: {
    input: z
      .object({
        code: SetupCode,
        parkName: ParkName,
        adminName: PersonName,
        staffNo: OfficeCode.default(''),
      })
      .strict(),
    output: z.object({ memberId: z.string(), parkName: z.string() }),
  },
  /** Admin: the park's name and settings. */
  saveSettings: {
    input: z.object({ parkName: ParkName, headScoring: z.enum(['overseeing', 'anyLeader']), noGrade: NoGrade.optional() }).strict(),
    output: z.object({ parkName: z.string(), settings: ParkSettingsView }),
  },
  /** Admin: every section, retired ones last, with its overseeing leader and how many people it has. */
  sectionsAdmin: { input: empty, output: z.object({ items: z.array(SectionAdminItem), settings: ParkSettingsView }) },
  /** Admin: add a section (no id) or edit one: name, code, overseeing leader. */
  saveSection: {
    input: z
      .object({
        id: Id.optional(),
        name: z.string({ error: '请填写股室名称' }).trim().min(2, { error: '股室名称至少2个字' }).max(20, { error: '股室名称不超过20字' }),
        code: OfficeCode.default(''),
        leaderId: Id.nullable().default(null),
      })
      .strict(),
    output: SectionAdminItem,
  },
  /** Admin: the sections' order, all active ones listed once. */
  orderSections: { input: z.object({ ids: z.array(Id).min(1).max(200) }).strict(), output: z.object({ count: z.number() }) },
  /** Admin: retire a section nobody is in any more (its history stays), with a reason; or bring it back. */
  retireSection: { input: z.object({ id: Id, reason: Reason, restore: z.boolean().default(false) }).strict(), output: SectionAdminItem },
  /** Admin: the enterprise directory, searched by name or credit code, retired ones too when asked. */
  enterprisesAdmin: {
    input: z
      .object({
        q: z.string().trim().max(30, { error: '搜索词不超过30个字' }).default(''),
        retired: z.boolean().default(false),
        cursor: Cursor,
      })
      .strict(),
    output: page(EnterpriseAdminItem),
  },
  /** Admin: add an enterprise (no id) or edit one. */
  saveEnterprise: {
    input: z
      .object({
        id: Id.optional(),
        name: z.string({ error: '请填写企业名称' }).trim().min(2, { error: '企业名称至少2个字' }).max(40, { error: '企业名称不超过40字' }),
        creditCode: CreditCode,
        industry: Industry,
        aboveScale: z.boolean({ error: '请选择是否规上' }),
        liaisonId: Id.nullable().default(null),
        code: OfficeCode.default(''),
      })
      .strict(),
    output: EnterpriseAdminItem,
  },
  /** Admin: retire an enterprise (moved away, closed) with a reason, or bring it back; its appeals and ratings stay. */
  retireEnterprise: { input: z.object({ id: Id, reason: Reason, restore: z.boolean().default(false) }).strict(), output: EnterpriseAdminItem },
  /** The sections (股室) of the committee, in their order: for leaders' and admins' pickers. */
  sections: {
    input: empty,
    output: z.array(z.object({ id: z.string(), name: z.string() })),
  },
  /** Enterprises whose name contains `q` (all, by name, when `q` is empty). */
  searchEnterprises: {
    input: z
      .object({
        q: z.string().trim().max(30, { error: '搜索词不超过30个字' }).default(''),
        cursor: Cursor,
      })
      .strict(),
    output: page(EnterpriseItem),
  },
  /** A year's working-day calendar: the admin's table, else the State Council's from the library, else none. */
  calendar: {
    input: z.object({ year: Year }).strict(),
    output: CalendarView,
  },
  /** Admin: enter a year's holidays and make-up working days (from the State Council's notice, each November). */
  saveCalendar: {
    input: z
      .object({
        year: Year,
        offDays: z.array(Day).max(60, { error: '放假日期不超过60天' }),
        makeUpDays: z.array(Day).max(20, { error: '调休上班日期不超过20天' }),
      })
      .strict(),
    output: CalendarView,
  },
} as const;

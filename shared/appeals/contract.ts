/** The appeals' contract (企业诉求): filing, the assignee's steps, the enterprise's confirmation and 好差评 rating. */
import { z } from 'zod';
import { Cursor, FileId, Id, page } from '../common/schema';
import { APPEAL_CATEGORIES, type AppealCategory } from './appeal';
import { APPEALS } from './config';

const CATEGORY_KEYS = Object.keys(APPEAL_CATEGORIES) as [AppealCategory, ...AppealCategory[]];
export const AppealCategoryInput = z.enum(CATEGORY_KEYS, { error: '请选择诉求类别' });
export const AppealStatusSchema = z.enum(['filed', 'accepted', 'resolved', 'confirmed']);
const OverdueSchema = z.enum(['accept', 'resolve', 'callBack', 'rectify']);

const Note = z
  .string({ error: '请填写说明' })
  .trim()
  .min(2, { error: '请填写说明（至少2个字）' })
  .max(APPEALS.noteMax, { error: `说明不超过${APPEALS.noteMax}字` });

const RatingView = z.object({ level: z.number(), label: z.string(), comment: z.string(), at: z.number() });

export const AppealItem = z.object({
  id: z.string(),
  enterpriseName: z.string(),
  category: AppealCategoryInput,
  categoryLabel: z.string(),
  /** The text's first line, shortened. */
  summary: z.string(),
  status: AppealStatusSchema,
  statusLabel: z.string(),
  assigneeName: z.string().nullable(),
  filedAt: z.number(),
  acceptBy: z.number(),
  /** Some deadline was counted without the year's State Council arrangement (暂按法定节假日推算): counted again once entered. */
  deadlinesProvisional: z.boolean(),
  overdue: z.array(OverdueSchema),
  /** A bad rating whose follow-up is not finished. */
  followUpOpen: z.boolean(),
});
export type AppealItem = z.infer<typeof AppealItem>;

export const AppealView = AppealItem.extend({
  text: z.string(),
  photoUrls: z.array(z.string()),
  resolveBy: z.number(),
  acceptedAt: z.number().nullable(),
  resolvedAt: z.number().nullable(),
  confirmedAt: z.number().nullable(),
  resolution: z.string().nullable(),
  reopens: z.number(),
  rating: RatingView.nullable(),
  reRating: RatingView.nullable(),
  followUp: z
    .object({
      callBackBy: z.number(),
      rectifyBy: z.number(),
      callBack: z.object({ at: z.number(), note: z.string() }).nullable(),
      rectification: z.object({ at: z.number(), note: z.string() }).nullable(),
    })
    .nullable(),
  contest: z
    .object({
      reason: z.string(),
      at: z.number(),
      decision: z.object({ upheld: z.boolean(), note: z.string(), at: z.number() }).nullable(),
    })
    .nullable(),
  events: z.array(z.object({ at: z.number(), kind: z.string(), byName: z.string(), note: z.string() })),
  /** What the caller may do now (the page shows these buttons). */
  can: z.array(z.enum(['accept', 'progress', 'resolve', 'confirm', 'reopen', 'rate', 'callBack', 'rectify', 'contest', 'decide', 'reassign'])),
});
export type AppealView = z.infer<typeof AppealView>;

const Ref = { appealId: Id };

const MonthRow = z.object({
  month: z.string(),
  received: z.number(),
  resolved: z.number(),
  overdue: z.number(),
  medianAcceptHours: z.number().nullable(),
  medianResolveHours: z.number().nullable(),
  rated: z.number(),
  satisfaction: z.number().nullable(),
});

/** The appeals function's actions: each one's input and output schema. */
export const appealsContract = {
  /** An enterprise contact files an appeal for their enterprise; it goes to the enterprise's liaison cadre. */
  file: {
    input: z
      .object({
        category: AppealCategoryInput,
        text: z
          .string({ error: '请填写诉求内容' })
          .trim()
          .min(5, { error: '请把诉求写清楚（至少5个字）' })
          .max(APPEALS.textMax, { error: `诉求内容不超过${APPEALS.textMax}字` }),
        photoFileIds: z
          .array(FileId)
          .max(APPEALS.photosMax, { error: `最多上传${APPEALS.photosMax}张照片` })
          .default([]),
      })
      .strict(),
    output: AppealView,
  },
  /** The caller's enterprise's appeals, newest first: `open` still in hand, `done` confirmed. */
  mine: {
    input: z.object({ state: z.enum(['open', 'done']).default('open'), cursor: Cursor }).strict(),
    output: page(AppealItem),
  },
  /**
   * Park side: a cadre the appeals assigned to them; a section head their section's; leaders and the admin all.
   * `open` in hand, `overdue` late on a deadline, `followUp` bad ratings being followed up, `done` confirmed,
   * `unassigned` (admin) waiting for someone to be assigned.
   */
  inbox: {
    input: z
      .object({
        state: z.enum(['open', 'overdue', 'followUp', 'done', 'unassigned']).default('open'),
        sectionId: Id.optional(),
        cursor: Cursor,
      })
      .strict(),
    output: page(AppealItem),
  },
  get: { input: z.object(Ref).strict(), output: AppealView },
  accept: { input: z.object(Ref).strict(), output: AppealView },
  progress: { input: z.object({ ...Ref, note: Note }).strict(), output: AppealView },
  resolve: { input: z.object({ ...Ref, note: Note }).strict(), output: AppealView },
  confirm: { input: z.object(Ref).strict(), output: AppealView },
  reopen: { input: z.object({ ...Ref, note: Note }).strict(), output: AppealView },
  /** 好差评: the five levels, voluntary; again once after a bad rating's rectification. */
  rate: {
    input: z
      .object({
        ...Ref,
        level: z.number({ error: '请选择评价' }).int({ error: '请选择评价' }).min(1, { error: '请选择评价' }).max(5, { error: '请选择评价' }),
        comment: z
          .string()
          .trim()
          .max(APPEALS.noteMax, { error: `评价说明不超过${APPEALS.noteMax}字` })
          .default(''),
      })
      .strict(),
    output: AppealView,
  },
  callBack: { input: z.object({ ...Ref, note: Note }).strict(), output: AppealView },
  rectify: { input: z.object({ ...Ref, note: Note }).strict(), output: AppealView },
  /** The assignee contests a bad rating as mistaken or malicious, to the admin. */
  contest: { input: z.object({ ...Ref, note: Note }).strict(), output: AppealView },
  /** The admin decides a contest: the rating stands (`upheld`) or is set aside. */
  decide: { input: z.object({ ...Ref, upheld: z.boolean(), note: Note }).strict(), output: AppealView },
  /** Leaders and the admin: the park's appeal figures by month of filing, from the records (shared/appeals/dashboard.ts). */
  dashboard: {
    input: z.object({ months: z.number().int().min(1, { error: '月份数为1至12' }).max(12, { error: '月份数为1至12' }).default(6) }).strict(),
    // asOf: when the figures were computed (the hourly tick's, or now)
    output: z.object({ months: z.array(MonthRow), total: MonthRow, resolvedShare: z.number().nullable(), asOf: z.number() }),
  },
  /** The admin gives the appeal to another cadre; the accept deadline starts again. */
  reassign: { input: z.object({ ...Ref, memberId: Id }).strict(), output: AppealView },
} as const;

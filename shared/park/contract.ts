/** The park directory's contract: sections, enterprise search, the working-day calendar. */
import { z } from 'zod';
import { Cursor, Day, empty, page } from '../common/schema';

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
  source: z.enum(['admin', 'library', 'none']),
});
export type CalendarView = z.infer<typeof CalendarView>;

/** The park function's actions: each one's input and output schema. */
export const parkContract = {
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

import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { yearCalendar } from '../../../server/park/calendar';
import { AppError } from '../../../shared/common/errors';
import { yearCalendarProblem } from '../../../shared/common/workdays';
import type { CalendarView } from '../../../shared/park/contract';
import type { CalendarDoc } from '../../../shared/park/park';

export const calendar: Handler<'park', 'calendar'> = async ({ year }, ctx): Promise<CalendarView> => {
  const y = await yearCalendar(ctx.db, year);
  return y ? { year, offDays: y.offDays, makeUpDays: y.makeUpDays, source: y.source } : { year, offDays: [], makeUpDays: [], source: 'none' };
};

/** The admin enters a year from the State Council's notice; it replaces the library's table for that year. */
export const saveCalendar: Handler<'park', 'saveCalendar'> = async ({ year, offDays, makeUpDays }, ctx): Promise<CalendarView> => {
  const me = await ctx.member();
  const off = [...new Set(offDays)].sort();
  const on = [...new Set(makeUpDays)].sort();
  const problem = yearCalendarProblem({ year, offDays: off, makeUpDays: on });
  if (problem) throw new AppError('INVALID_INPUT', problem, [{ path: 'offDays', message: problem }]);
  const doc: Omit<CalendarDoc, '_id'> = { year, offDays: off, makeUpDays: on, updatedAt: ctx.now, updatedBy: me._id };
  await ctx.db.collection<CalendarDoc>(COLL.calendars).doc(String(year)).set({ data: doc });
  return { year, offDays: off, makeUpDays: on, source: 'admin' };
};

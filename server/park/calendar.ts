/**
 * The working-day calendar the functions count deadlines with: the admin's year if entered, else the library's,
 * else the holidays the law fixes (deadlines counted with those are provisional: WorkCalendar.provisional).
 */
import { LIBRARY_CALENDARS, statutoryCalendar } from '../../shared/common/holidays';
import { WorkCalendar, type YearCalendar } from '../../shared/common/workdays';
import type { CalendarDoc } from '../../shared/park/park';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';

/** One year's table: the admin's, the library's, or the law's holidays alone. */
export async function yearCalendar(db: Database, year: number): Promise<YearCalendar> {
  const stored = (await db.collection<CalendarDoc>(COLL.calendars).doc(String(year)).get()).data;
  if (stored) return { year, offDays: stored.offDays, makeUpDays: stored.makeUpDays, source: 'admin' };
  return LIBRARY_CALENDARS.get(year) ?? statutoryCalendar(year);
}

/** The calendar for deadlines counted from `now`: this year and the next (a deadline in late December runs into January). */
export async function workCalendar(db: Database, year: number): Promise<WorkCalendar> {
  return new WorkCalendar(await Promise.all([yearCalendar(db, year), yearCalendar(db, year + 1)]));
}

/** The calendar around a year just entered: the year before (deadlines from its December) to the year after. */
export async function calendarAround(db: Database, year: number): Promise<WorkCalendar> {
  return new WorkCalendar(await Promise.all([year - 1, year, year + 1].map((y) => yearCalendar(db, y))));
}

/** The working-day calendar the functions count deadlines with: the admin's year if entered, else the library's. */
import { LIBRARY_CALENDARS } from '../../shared/common/holidays';
import { WorkCalendar, type YearCalendar } from '../../shared/common/workdays';
import type { CalendarDoc } from '../../shared/park/park';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';

/** One year's table: the admin's, the library's, or null when neither has it. */
export async function yearCalendar(db: Database, year: number): Promise<YearCalendar | null> {
  const stored = (await db.collection<CalendarDoc>(COLL.calendars).doc(String(year)).get()).data;
  if (stored) return { year, offDays: stored.offDays, makeUpDays: stored.makeUpDays, source: 'admin' };
  return LIBRARY_CALENDARS.get(year) ?? null;
}

/** The calendar for deadlines counted from `now`: this year and the next (a deadline in late December runs into January). */
export async function workCalendar(db: Database, year: number): Promise<WorkCalendar> {
  const years = await Promise.all([yearCalendar(db, year), yearCalendar(db, year + 1)]);
  return new WorkCalendar(years.filter((y): y is YearCalendar => y !== null));
}

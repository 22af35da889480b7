/**
 * The State Council's holiday calendars for the years the `chinese-days` package covers (2004 to its latest
 * release; kept up to date by its maintainers from each year's notice). Server side only: the client never counts
 * deadlines itself, so it does not carry this table. Years it lacks are entered by the admin (park.saveCalendar).
 */
import table from 'chinese-days/dist/chinese-days.json';
import type { DayString } from './time';
import type { YearCalendar } from './workdays';

interface LibraryTable {
  holidays: Record<DayString, string>;
  workdays: Record<DayString, string>;
}

function byYear(): Map<number, YearCalendar> {
  const t = table as LibraryTable;
  const out = new Map<number, YearCalendar>();
  const yearOf = (d: DayString) => {
    const year = Number(d.slice(0, 4));
    let y = out.get(year);
    if (!y) out.set(year, (y = { year, offDays: [], makeUpDays: [], source: 'library' }));
    return y;
  };
  for (const d of Object.keys(t.holidays).sort()) yearOf(d).offDays.push(d);
  for (const d of Object.keys(t.workdays).sort()) yearOf(d).makeUpDays.push(d);
  return out;
}

export const LIBRARY_CALENDARS: ReadonlyMap<number, YearCalendar> = byYear();

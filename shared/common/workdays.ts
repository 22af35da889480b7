/**
 * The working-day clock (工作日): the deadlines of appeals and of bad-rating follow-ups count working days, which in
 * China are not simply Monday to Friday. The State Council publishes each year's public holidays (法定节假日, some
 * of them falling on weekdays) and make-up working days (调休上班, weekends worked in exchange). A day is a working
 * day when it is a make-up day, or a weekday that is not a holiday.
 *
 * The years come from a calendar: the `chinese-days` package's table for the years it covers (server side,
 * shared/common/holidays.ts), overridden by what the admin enters for a year (the next year's notice is published
 * each November, before any package has it). A year without the notice counts the public holidays the law itself
 * fixes (shared/common/holidays.ts statutoryCalendar), and a deadline that runs through such a year says it is
 * provisional (暂按法定节假日推算) until the admin enters the notice, when it is counted again.
 * Pure: every function takes the calendar and the day in.
 */
import { dayjs, parkInstant, dayOf, type DayString } from './time';

/** What a provisional deadline says beside it, wherever it is shown. */
export const PROVISIONAL_NOTE = '暂按法定节假日推算：当年放假安排公布并录入后重新计算';

/** One year's calendar: the days off that would otherwise be working days, and the weekends worked. */
export interface YearCalendar {
  year: number;
  /** Public-holiday days (any day of the holiday period may be listed; weekends in it change nothing). */
  offDays: DayString[];
  /** Make-up working days (调休上班), weekends worked. */
  makeUpDays: DayString[];
  /**
   * Where the year's table comes from: the State Council's notice (the library's table, or as the admin entered it),
   * or only the days the law fixes (`statutory`: the notice is not out yet, so bridges and make-up days are missing).
   */
  source: 'library' | 'admin' | 'statutory';
}

/** The calendar the clock counts with: a year's table by year; a year absent counts weekdays only. */
export class WorkCalendar {
  private readonly off = new Set<DayString>();
  private readonly on = new Set<DayString>();
  private readonly years = new Set<number>();
  private readonly provisionalYears = new Set<number>();

  constructor(years: Iterable<YearCalendar>) {
    for (const y of years) {
      if (y.source === 'statutory') this.provisionalYears.add(y.year);
      else this.years.add(y.year);
      for (const d of y.offDays) this.off.add(d);
      for (const d of y.makeUpDays) this.on.add(d);
    }
  }

  /** Whether the calendar has the State Council's arrangement for that year. */
  knows(year: number): boolean {
    return this.years.has(year);
  }

  /**
   * Whether a deadline counted from `from` to `until` (instants) runs through a day of a year without the State
   * Council's arrangement: it is then provisional, and is counted again once the year is entered.
   */
  provisional(from: number, until: number): boolean {
    for (let y = Number(dayOf(from).slice(0, 4)); y <= Number(dayOf(until).slice(0, 4)); y += 1) if (!this.knows(y)) return true;
    return false;
  }

  isWorkday(day: DayString): boolean {
    if (this.on.has(day)) return true;
    if (this.off.has(day)) return false;
    const weekday = dayjs(day, 'YYYY-MM-DD').day();
    return weekday !== 0 && weekday !== 6;
  }

  /** The `n`-th working day after `day` (`n` ≥ 1; `day` itself is not counted). */
  addWorkdays(day: DayString, n: number): DayString {
    let d = dayjs(day, 'YYYY-MM-DD');
    for (let left = n; left > 0;) {
      d = d.add(1, 'day');
      if (this.isWorkday(d.format('YYYY-MM-DD'))) left -= 1;
    }
    return d.format('YYYY-MM-DD');
  }

  /**
   * A deadline `n` working days after an instant: the end (24:00, park time) of the n-th working day after the
   * instant's day. "Accept by the end of the next working day" is `deadline(filedAt, 1)`.
   */
  deadline(instant: number, n: number): number {
    const last = this.addWorkdays(dayOf(instant), n);
    return parkInstant(dayjs(last, 'YYYY-MM-DD').add(1, 'day').format('YYYY-MM-DD')) - 1;
  }

  /** Working days from `from`'s day to `to`'s day: 0 the same day, 1 the next working day, and so on. */
  workdaysBetween(from: number, to: number): number {
    let d = dayjs(dayOf(from), 'YYYY-MM-DD');
    const end = dayOf(to);
    let n = 0;
    // bounded: appeals live months, not decades
    for (let i = 0; i < 3660 && d.format('YYYY-MM-DD') < end; i += 1) {
      d = d.add(1, 'day');
      if (this.isWorkday(d.format('YYYY-MM-DD'))) n += 1;
    }
    return n;
  }
}

/** A year's table as the admin enters it: dates checked, inside the year, sorted, without repeats. */
export function yearCalendarProblem(y: Pick<YearCalendar, 'year' | 'offDays' | 'makeUpDays'>): string | null {
  const inYear = (d: DayString) => dayjs(d, 'YYYY-MM-DD', true).isValid() && d.startsWith(`${y.year}-`);
  const bad = [...y.offDays, ...y.makeUpDays].find((d) => !inYear(d));
  if (bad) return `日期 ${bad} 不在 ${y.year} 年内`;
  const off = new Set(y.offDays);
  const both = y.makeUpDays.find((d) => off.has(d));
  if (both) return `${both} 不能既是放假日又是调休上班日`;
  const weekdayMakeUp = y.makeUpDays.find((d) => {
    const w = dayjs(d, 'YYYY-MM-DD').day();
    return w !== 0 && w !== 6;
  });
  if (weekdayMakeUp) return `${weekdayMakeUp} 是工作日，不需要设为调休上班`;
  return null;
}

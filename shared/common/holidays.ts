/**
 * The State Council's holiday calendars for the years the `chinese-days` package covers (2004 to its latest
 * release; kept up to date by its maintainers from each year's notice). Server side only: the client never counts
 * deadlines itself, so it does not carry this table. Years it lacks are entered by the admin (park.saveCalendar);
 * until then they count the days the law itself fixes (statutoryCalendar).
 */
import { getLunarDate } from 'chinese-days';
import table from 'chinese-days/dist/chinese-days.json';
import { dayjs, type DayString } from './time';
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

/** The first day from `from` for `days` days whose lunar date is month `month`, day `day` (not a leap month). */
function lunarDay(year: number, from: string, days: number, month: number, day: number): DayString {
  const start = dayjs(`${year}-${from}`, 'YYYY-MM-DD');
  for (let i = 0; i < days; i += 1) {
    const d = start.add(i, 'day').format('YYYY-MM-DD');
    // the library reads a YYYY-MM-DD as that calendar day whatever the machine's time zone
    const l = getLunarDate(d);
    if (l.lunarMon === month && l.lunarDay === day && !l.isLeap) return d;
  }
  throw new Error(`no lunar ${month}/${day} in ${year}`);
}

/**
 * 清明 (the solar term 'pure brightness'): the 4th or 5th of April, by the usual formula for 2000–2099 —
 * ⌊Y × 0.2422 + 4.81⌋ − ⌊Y / 4⌋ with Y the year's last two digits (no exception falls on 清明 in this century).
 */
export function qingming(year: number): DayString {
  const y = year % 100;
  const day = Math.floor(y * 0.2422 + 4.81) - Math.floor(y / 4);
  return `${year}-04-${String(day).padStart(2, '0')}`;
}

/**
 * The public holidays the law fixes for everyone (《全国年节及纪念日放假办法》, as revised in 2024, in force from
 * 2025), 13 days: 元旦 1 (1 January); 春节 4 (农历除夕 to 正月初三); 清明 1; 劳动节 2 (1–2 May); 端午 1 (农历五月初五);
 * 中秋 1 (农历八月十五); 国庆 3 (1–3 October). What the State Council's yearly notice adds — the bridges (调休) and
 * the make-up working days, and which working day replaces a holiday falling on a weekend (补假) — cannot be known
 * before it is published.
 */
export function statutoryHolidays(year: number): { name: string; days: DayString[] }[] {
  const springFestival = lunarDay(year, '01-20', 32, 1, 1);
  const sf = dayjs(springFestival, 'YYYY-MM-DD');
  return [
    { name: '元旦', days: [`${year}-01-01`] },
    { name: '春节', days: [-1, 0, 1, 2].map((i) => sf.add(i, 'day').format('YYYY-MM-DD')) },
    { name: '清明节', days: [qingming(year)] },
    { name: '劳动节', days: [`${year}-05-01`, `${year}-05-02`] },
    { name: '端午节', days: [lunarDay(year, '05-25', 40, 5, 5)] },
    { name: '中秋节', days: [lunarDay(year, '09-06', 40, 8, 15)] },
    { name: '国庆节', days: [`${year}-10-01`, `${year}-10-02`, `${year}-10-03`] },
  ];
}

/** A year counted from the law's holidays alone, until the admin enters the State Council's notice. */
export function statutoryCalendar(year: number): YearCalendar {
  // 春节's eve may fall in the year before (除夕 on 31 December is not possible: 春节 is 21 Jan at the earliest)
  const offDays = [...new Set(statutoryHolidays(year).flatMap((h) => h.days))].filter((d) => d.startsWith(`${year}-`)).sort();
  return { year, offDays, makeUpDays: [], source: 'statutory' };
}

/**
 * The one dayjs (STYLE §7). Every date in the product is read in the park's time, China Standard Time, whatever
 * the device or the cloud region says. Nothing here reads the clock: callers pass `now` in.
 *
 * Park time is the fixed offset UTC+8 (China has had no daylight saving time since 1991), not the `Asia/Shanghai`
 * zone through Intl: some mini-program JavaScript engines lack Intl time zones, and a fixed offset needs none.
 */
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat';
import quarterOfYear from 'dayjs/plugin/quarterOfYear';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(quarterOfYear);
dayjs.extend(customParseFormat);

/** UTC+8, in minutes. */
export const PARK_UTC_OFFSET_MIN = 8 * 60;
export { dayjs };

/** A calendar day as the park writes it, `YYYY-MM-DD`. */
export type DayString = string;
/** A quarter, `2026Q4`. */
export type QuarterId = string;

const QUARTER_RE = /^(\d{4})Q([1-4])$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

export function inPark(instant: Date | number | string): dayjs.Dayjs {
  return dayjs(instant).utcOffset(PARK_UTC_OFFSET_MIN);
}

/** A park-clock day (`YYYY-MM-DD`) and time (`HH:mm`) as epoch milliseconds. */
export function parkInstant(day: DayString, time = '00:00'): number {
  return dayjs.utc(`${day} ${time}`, 'YYYY-MM-DD HH:mm', true).subtract(PARK_UTC_OFFSET_MIN, 'minute').valueOf();
}

/** An instant as the park reads it, `2026-12-20 18:00`. */
export function parkTimeText(instant: number): string {
  return inPark(instant).format('YYYY-MM-DD HH:mm');
}

/** The quarter `by` quarters after (negative: before) `id`. */
export function shiftQuarter(id: QuarterId, by: number): QuarterId {
  const m = QUARTER_RE.exec(id);
  if (!m) return id;
  const n = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(n / 4)}Q${(n % 4) + 1}`;
}

/** The park's calendar day of an instant. */
export function dayOf(instant: Date | number): DayString {
  return inPark(instant).format('YYYY-MM-DD');
}

/** The quarter (季度) an instant falls in, in park time. */
export function quarterOf(instant: Date | number): QuarterId {
  const d = inPark(instant);
  return `${d.year()}Q${d.quarter()}`;
}

export function isQuarterId(s: string): boolean {
  return QUARTER_RE.test(s);
}

/** True when `s` is a real calendar day written `YYYY-MM-DD` (2026-02-30 is not). */
export function isDayString(s: string): boolean {
  return DAY_RE.test(s) && dayjs(s, 'YYYY-MM-DD', true).isValid();
}

/** First and last calendar day of a quarter. */
export function quarterRange(id: QuarterId): { first: DayString; last: DayString } {
  const m = QUARTER_RE.exec(id);
  if (!m) throw new Error(`not a quarter id: ${id}`);
  const year = Number(m[1]);
  const q = Number(m[2]);
  const first = dayjs(`${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`, 'YYYY-MM-DD', true);
  return { first: first.format('YYYY-MM-DD'), last: first.add(2, 'month').endOf('month').format('YYYY-MM-DD') };
}

/** "2026年第四季度" */
export function quarterLabel(id: QuarterId): string {
  const m = QUARTER_RE.exec(id);
  if (!m) return id;
  return `${m[1]}年第${'一二三四'[Number(m[2]) - 1] ?? ''}季度`;
}

/** Whole days from `from` to `to` (both `YYYY-MM-DD`), negative when `to` is earlier. */
export function daysBetween(from: DayString, to: DayString): number {
  return dayjs(to, 'YYYY-MM-DD', true).diff(dayjs(from, 'YYYY-MM-DD', true), 'day');
}

/** An instant `days` later, as epoch milliseconds. */
export function addDays(instantMs: number, days: number): number {
  return instantMs + days * 24 * 3600 * 1000;
}

import { dayOf, quarterOf, shiftQuarter } from '../../../shared/common/time';

/** Today on the park's clock (UTC+8), `YYYY-MM-DD`. */
export function parkToday(now: number = Date.now()): string {
  return dayOf(now);
}

/** The park's current quarter, `2026Q4`. */
export function currentQuarter(now: number = Date.now()): string {
  return quarterOf(now);
}

/** The current quarter and the `back` before it, newest first. */
export function recentQuarters(back = 3, now: number = Date.now()): string[] {
  const cur = currentQuarter(now);
  return Array.from({ length: back + 1 }, (_, i) => shiftQuarter(cur, -i));
}

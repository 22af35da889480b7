import { dayOf, quarterOf } from '../../../shared/common/time';

/** Today on the park's clock (UTC+8), `YYYY-MM-DD`. */
export function parkToday(now: number = Date.now()): string {
  return dayOf(now);
}

/** The park's current quarter, `2026Q4`. */
export function currentQuarter(now: number = Date.now()): string {
  return quarterOf(now);
}

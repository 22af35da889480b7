import { dayOf } from '../../../shared/time';

/**
 * Today in park time (Asia/Shanghai). dayjs's timezone plugin needs Intl time zones, which some mini-program
 * JS engines lack: then fall back to the fixed UTC+8 offset (China has no daylight saving time).
 */
export function parkToday(now: number = Date.now()): string {
  try {
    const d = dayOf(now);
    if (/^\d{4}-\d{2}-\d{2}$/.test(d)) return d;
  } catch {
    // fall through
  }
  return new Date(now + 8 * 3600 * 1000).toISOString().slice(0, 10);
}

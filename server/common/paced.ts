/**
 * Bulk writes inside one call (opening a quarter, a campaign's roll, a quarter's results), a bounded number at once.
 * WeChat Cloud refuses what is over the plan's database rate, it does not queue (localcloud/README.md, "Plan
 * limits"): fired all at once, 150 writes would meet the basic plan's 30 a second mostly as refusals. Here at most
 * `atOnce` are in flight, and a write refused for load anyway is tried again in place by the database itself
 * (load-retry.ts), so the job settles at the rate the plan leaves it.
 */
import { PACE } from '../../shared/common/config';

export async function paced<T>(items: readonly T[], write: (x: T) => Promise<unknown>, atOnce: number = PACE.writesAtOnce): Promise<void> {
  for (let i = 0; i < items.length; i += atOnce) await Promise.all(items.slice(i, i + atOnce).map(write));
}

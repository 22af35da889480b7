/**
 * Bulk writes inside one call (opening a quarter, a campaign's roll, a quarter's results), kept under the plan's
 * database rate. WeChat Cloud refuses what is over the rate, it does not queue (localcloud/README.md, "Plan
 * limits"): the basic plan answers 30 requests a second for the whole environment, so a job that fires 150 writes
 * at once gets most of them refused. Here writes go `perSecond` at a time; once the platform refuses one for load,
 * the job keeps to `perSecond` a second from then on, and the refused write is tried again after a jittered wait.
 * Where nothing is refused (a plan with room, the tests' unmetered database) nothing waits.
 */
import { PACE } from '../../shared/common/config';
import { platformRefusal } from './refusal';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function paced<T>(items: readonly T[], write: (x: T) => Promise<unknown>, perSecond: number = PACE.writesPerSecond): Promise<void> {
  let refused = false;
  const tryWrite = async (x: T): Promise<void> => {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await write(x);
        return;
      } catch (e) {
        if (platformRefusal(e) !== 'load' || attempt >= PACE.writeTries) throw e;
        refused = true;
        await sleep(Math.random() * PACE.retryWindowMs * attempt);
      }
    }
  };
  for (let i = 0; i < items.length; i += perSecond) {
    const started = Date.now();
    await Promise.all(items.slice(i, i + perSecond).map(tryWrite));
    const rest = 1000 - (Date.now() - started);
    if (refused && i + perSecond < items.length && rest > 0) await sleep(rest);
  }
}

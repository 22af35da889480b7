/**
 * A database request the platform refuses for load (over the plan's rate or connections: localcloud/README.md,
 * "Plan limits") is tried again inside the function after a short jittered wait, instead of failing the whole call.
 * A refused request was not executed, so trying it again is safe; failing the call instead threw away the requests
 * it had already made — at the year-end peak most of the database's 30 requests a second went to calls that then
 * failed, and 190 of 300 voters gave up (npm run bench). Anything else (a conflict, a timeout, a spent quota) is
 * passed on at once.
 *
 * The wrapper covers what the functions reach through `db.collection(…)` and `db.startTransaction()`: every builder
 * in the chain is wrapped the same way, and every promise a method returns is the request, re-sent on a refusal.
 * `db.command`, `db.RegExp` and the like are left as the SDK made them (their values go into requests as data).
 */
import { DB_LOAD_RETRY } from '../../shared/common/config';
import type { Database } from './cloud';
import { platformRefusal } from './refusal';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const isThenable = (v: unknown): v is Promise<unknown> => !!v && typeof (v as { then?: unknown }).then === 'function';

async function settle(first: Promise<unknown>, again: () => unknown): Promise<unknown> {
  let pending: unknown = first;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await pending;
    } catch (e) {
      if (platformRefusal(e) !== 'load' || attempt >= DB_LOAD_RETRY.tries) throw e;
      await sleep(Math.random() * Math.min(DB_LOAD_RETRY.maxDelayMs, DB_LOAD_RETRY.baseDelayMs * 2 ** attempt));
      pending = again();
    }
  }
}

function wrap<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const call = () => (value as (...a: unknown[]) => unknown).apply(obj, args);
        const out = call();
        if (isThenable(out)) return settle(out, call);
        return out && typeof out === 'object' ? wrap(out) : out;
      };
    },
  });
}

/** `db` whose collections and transactions try again what the platform refused for load. */
export function withLoadRetry(db: Database): Database {
  return new Proxy(db, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (prop !== 'collection' && prop !== 'startTransaction') {
        return typeof value === 'function' ? ((value as (...a: unknown[]) => unknown).bind(obj) as unknown) : value;
      }
      return (...args: unknown[]) => {
        const call = () => (value as (...a: unknown[]) => unknown).apply(obj, args);
        const out = call();
        if (isThenable(out)) return settle(out, call).then((tx) => (tx && typeof tx === 'object' ? wrap(tx) : tx));
        return out && typeof out === 'object' ? wrap(out) : out;
      };
    },
  });
}

/**
 * The plan's database limits, applied to every `database.*` request before it is served, as WeChat Cloud does
 * (sources in plans.ts and localcloud/README.md): over the limit a request is REFUSED, never queued or slowed.
 *
 * - rate: at most `dbQps` requests accepted in any 1000 ms (a sliding window) → EXCEED_RATELIMIT;
 * - connections: at most `dbConnections` requests being served at once → EXCEED_CONCURRENT_REQUEST_LIMIT;
 * - daily quotas: `dbReadsPerDay` reads and `dbWritesPerDay` writes a China calendar day (UTC+8), counted in the
 *   store so they survive a restart, reset at 00:00 China time → EXCEED_REQUEST_LIMIT with the platform's
 *   -501015 (reads) / -501016 (writes) in the message. Each quota stops only its own kind: with writes spent,
 *   reads still work, and the other way round.
 *
 * What counts: one request is one operation, whatever it matches (the quota counts requests: 读/写操作次数). Reads
 * are get / count / aggregate, writes add / update / set / remove; inside a transaction each doc().get(), add(),
 * update(), set() and remove() is a request of its own and counts the same. Starting, committing and aborting a
 * transaction are requests (rate and connections) but neither reads nor writes: the writes were counted when sent.
 */
import { dayOf } from '../../shared/common/time';
import type { LimitName, Plan } from './plans';
import type { SqliteStore } from './store';
import { CloudError } from './transactions';

type DbKind = 'read' | 'write' | 'other';

const KIND: Record<string, DbKind> = {
  'database.getDocument': 'read',
  'database.calculateDocument': 'read',
  'database.aggregateDocuments': 'read',
  'database.insertDocument': 'write',
  'database.modifyDocument': 'write',
  'database.removeDocument': 'write',
};

/** Whether an SDK action is a database request, and of which kind; null when it is not one. */
export function databaseKind(action: string): DbKind | null {
  if (!action.startsWith('database.')) return null;
  return KIND[action] ?? 'other';
}

/** The window the rate is counted over. */
export const RATE_WINDOW_MS = 1000;

export interface DbUsage {
  /** The China day the daily counters are for. */
  day: string;
  /** Database requests accepted since this start. */
  dbRequests: number;
  /** Reads and writes counted today (persisted). */
  reads: number;
  writes: number;
}

export class DatabaseLimits {
  /** Accepted requests' times within the last window, oldest first (finite rates only). */
  private readonly recent: number[] = [];
  private inFlight = 0;
  private day: string;
  private reads: number;
  private writes: number;
  private accepted = 0;
  readonly refusals: Record<Exclude<LimitName, 'functionInstances'>, number> = { dbQps: 0, dbConnections: 0, dbReadsPerDay: 0, dbWritesPerDay: 0 };

  constructor(
    private readonly plan: Plan,
    private readonly store: SqliteStore,
    private readonly clock: () => number,
  ) {
    this.day = dayOf(clock());
    ({ reads: this.reads, writes: this.writes } = store.usageOf(this.day));
  }

  /** China midnight passed since the last request: today's counters (none yet, or those a previous start kept). */
  private rollDay(now: number): void {
    const day = dayOf(now);
    if (day === this.day) return;
    this.day = day;
    ({ reads: this.reads, writes: this.writes } = this.store.usageOf(day));
    this.store.dropUsageBefore(day);
  }

  /**
   * Admit a database request, or say why the platform would refuse it. An admitted request holds a connection
   * until `release()`.
   */
  admit(action: string, kind: DbKind): CloudError | null {
    const now = this.clock();
    this.rollDay(now);
    const { plan } = this;
    const refuse = (limit: keyof DatabaseLimits['refusals'], code: string, text: string): CloudError => {
      this.refusals[limit] += 1;
      return new CloudError(code, `[${code}] ${text}`);
    };
    const planText = `the ${plan.label} (${plan.name}) plan`;
    if (this.inFlight >= plan.dbConnections) {
      return refuse(
        'dbConnections',
        'EXCEED_CONCURRENT_REQUEST_LIMIT',
        `${action}: database connections exceed ${planText}'s ${plan.dbConnections} at once`,
      );
    }
    const since = now - RATE_WINDOW_MS;
    while (this.recent.length && (this.recent[0] ?? 0) <= since) this.recent.shift();
    if (this.recent.length >= plan.dbQps) {
      return refuse('dbQps', 'EXCEED_RATELIMIT', `${action}: database requests exceed ${planText}'s QPS of ${plan.dbQps} a second`);
    }
    const untilMidnight = 'refused for the rest of the day, until 00:00 China time (UTC+8)';
    if (kind === 'read' && this.reads >= plan.dbReadsPerDay) {
      return refuse(
        'dbReadsPerDay',
        'EXCEED_REQUEST_LIMIT',
        `-501015 the read request quota is exhausted (读请求次数配额耗尽): ${this.reads} reads on ${this.day}, ${planText}'s daily quota; reads are ${untilMidnight}`,
      );
    }
    if (kind === 'write' && this.writes >= plan.dbWritesPerDay) {
      return refuse(
        'dbWritesPerDay',
        'EXCEED_REQUEST_LIMIT',
        `-501016 the write request quota is exhausted (写请求次数配额耗尽): ${this.writes} writes on ${this.day}, ${planText}'s daily quota; writes are ${untilMidnight}`,
      );
    }
    if (Number.isFinite(plan.dbQps)) this.recent.push(now);
    this.accepted += 1;
    this.inFlight += 1;
    if (kind !== 'other') {
      const read = kind === 'read' ? 1 : 0;
      this.reads += read;
      this.writes += 1 - read;
      this.store.addUsage(this.day, read, 1 - read);
    }
    return null;
  }

  /** An admitted request has been answered: its connection is free. */
  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  usage(): DbUsage {
    this.rollDay(this.clock());
    return { day: this.day, dbRequests: this.accepted, reads: this.reads, writes: this.writes };
  }
}

/**
 * Durable document store: better-sqlite3 (WAL) is the source of truth, an in-memory copy of every collection
 * serves queries through mingo. Every write goes to sqlite inside one sqlite transaction before the in-memory
 * copy changes, so whatever the HTTP layer acknowledged survives `kill -9`.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { Aggregator, Query } from 'mingo';
import type { Options } from 'mingo/types';
import { cloneValue, parseEJSON, stringifyEJSON, type Doc } from './ejson';

export interface Store {
  find(collection: string, query?: object): Promise<unknown[]> | unknown[];
  insertMany(collection: string, docs: object[]): void;
  count(collection: string, query?: object): number;
  drop(collection: string): void;
  collections(): string[];
  applyWrites(writes: DocWrite[]): void;
  peek(coll: string, id: string): Doc | undefined;
}

/** One document write: `doc === null` deletes. */
export interface DocWrite {
  coll: string;
  id: string;
  doc: Doc | null;
}

export interface FindOptions {
  sort?: Record<string, 1 | -1>;
  skip?: number;
  limit?: number;
  projection?: Record<string, unknown>;
}

/** Thrown for a duplicate `_id`; the protocol layer maps it to CloudBase's error code. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly coll: string,
    readonly id: string,
  ) {
    super(`E11000 duplicate key error collection: ${coll} index: _id_ dup key: { _id: "${id}" }`);
  }
}

export const docKey = (coll: string, id: string): string => `${coll}\u0000${id}`;

/**
 * The WAL is folded into the database file and truncated at most this long after the first write it holds, however
 * many writes follow (every database request writes the plan's usage counter: limits.ts). Two seconds: a copy of
 * the folder taken any later no longer has a ballot's commit beside its roll flip, and under load the store
 * checkpoints no more often than that.
 */
export const CHECKPOINT_WITHIN_MS = 2000;

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The first index whose id is not below `id` in a sorted array. */
function lowerBound(ids: string[], id: string): number {
  let lo = 0;
  let hi = ids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((ids[mid] ?? '') < id) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SqliteStore implements Store {
  private readonly db: Database.Database;
  private readonly colls = new Map<string, Map<string, Doc>>();
  /**
   * Each collection's ids in key order: its natural order. Insertion order would be the order of writing — for
   * ballots, the order of voting — so the store never returns it (WeChat Cloud does not promise an order either).
   */
  private readonly order = new Map<string, string[]>();
  private checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  /** Called with the previous version of every document about to change (transactions keep snapshots with it). */
  beforeWrite: ((key: string, previous: Doc | null) => void) | null = null;
  private readonly upsertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly usageGetStmt: Database.Statement;
  private readonly usageAddStmt: Database.Statement;

  constructor(dataDir: string) {
    fs.mkdirSync(dataDir, { recursive: true });
    this.db = new Database(path.join(dataDir, 'localcloud.sqlite'));
    this.db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a committed transaction is in the OS before the call returns, so a killed process
    // loses nothing (only a power cut could); FULL would fsync every commit for little local benefit.
    this.db.pragma('synchronous = NORMAL');
    // What the files keep (issue: the ballot's secrecy): freed and overwritten content is zeroed, and the WAL —
    // which holds every commit in the order it was made — is folded into the database and truncated within
    // CHECKPOINT_WITHIN_MS of a write however busy the store (checkpointSoon), so a copy of the folder taken any
    // later has no write order in it.
    this.db.pragma('secure_delete = ON');
    this.db.exec('CREATE TABLE IF NOT EXISTS docs (coll TEXT NOT NULL, id TEXT NOT NULL, json TEXT NOT NULL, PRIMARY KEY (coll, id)) WITHOUT ROWID');
    this.upsertStmt = this.db.prepare('INSERT OR REPLACE INTO docs (coll, id, json) VALUES (?, ?, ?)');
    this.deleteStmt = this.db.prepare('DELETE FROM docs WHERE coll = ? AND id = ?');
    // the plan's daily database counters (limits.ts): one row, for the current China day, so they survive a restart
    this.db.exec('CREATE TABLE IF NOT EXISTS usage (day TEXT PRIMARY KEY, reads INTEGER NOT NULL, writes INTEGER NOT NULL)');
    this.usageGetStmt = this.db.prepare('SELECT reads, writes FROM usage WHERE day = ?');
    this.usageAddStmt = this.db.prepare(
      'INSERT INTO usage (day, reads, writes) VALUES (?, ?, ?) ON CONFLICT (day) DO UPDATE SET reads = reads + excluded.reads, writes = writes + excluded.writes',
    );
    // rowid-less table ordered by (coll, id): insertion order is lost across restarts, like the cloud's natural order
    for (const row of this.db.prepare('SELECT coll, id, json FROM docs').iterate() as Iterable<{ coll: string; id: string; json: string }>) {
      this.collMap(row.coll).set(row.id, parseEJSON(row.json, Date.now()) as Doc);
    }
    for (const [coll, m] of this.colls) this.order.set(coll, [...m.keys()].sort(byKey));
  }

  private collMap(coll: string): Map<string, Doc> {
    let m = this.colls.get(coll);
    if (!m) {
      m = new Map();
      this.colls.set(coll, m);
    }
    return m;
  }

  /** Live (not cloned) document: callers must not mutate it. */
  peek(coll: string, id: string): Doc | undefined {
    return this.colls.get(coll)?.get(id);
  }

  /** Live documents of a collection, in natural (key) order. Callers must not mutate them. */
  all(coll: string): Doc[] {
    const m = this.colls.get(coll);
    if (!m) return [];
    return (this.order.get(coll) ?? []).flatMap((id) => {
      const d = m.get(id);
      return d ? [d] : [];
    });
  }

  private track(coll: string, id: string, present: boolean): void {
    let ids = this.order.get(coll);
    if (!ids) {
      ids = [];
      this.order.set(coll, ids);
    }
    const at = lowerBound(ids, id);
    const there = ids[at] === id;
    if (present && !there) ids.splice(at, 0, id);
    else if (!present && there) ids.splice(at, 1);
  }

  /**
   * Fold the WAL into the database and truncate it by a deadline the first write after the last fold sets: later
   * writes do not move it (an idle timer that each write restarted never fired while the park was in use).
   */
  private checkpointSoon(): void {
    if (this.checkpointTimer) return;
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = null;
      this.checkpoint();
    }, CHECKPOINT_WITHIN_MS);
    // never keep the process alive for it (and under jsdom, where timers are plain numbers, there is nothing to unref)
    (this.checkpointTimer as { unref?: () => void }).unref?.();
  }

  /** Fold the WAL into the database file and truncate it (also called when closing). */
  checkpoint(): void {
    if (!this.db.open) return;
    const [r] = this.db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    // held back (another connection reading: none in this process, but a tool may open the file): try again
    if (r && r.busy !== 0) this.checkpointSoon();
  }

  /** Query with mingo; results are deep copies. */
  query(coll: string, filter: object = {}, opts: FindOptions = {}, source?: Doc[]): Doc[] {
    let cursor = new Query(filter, mingoOptions(this)).find<Doc>(source ?? this.all(coll), opts.projection);
    if (opts.sort && Object.keys(opts.sort).length) cursor = cursor.sort(opts.sort);
    if (opts.skip) cursor = cursor.skip(opts.skip);
    if (opts.limit !== undefined) cursor = cursor.limit(opts.limit);
    return cursor.all().map((d) => cloneValue(d));
  }

  aggregate(coll: string, pipeline: object[], source?: Doc[]): Doc[] {
    const agg = new Aggregator(pipeline as Record<string, unknown>[], mingoOptions(this));
    return agg.run(source ?? this.all(coll)).map((d) => cloneValue(d));
  }

  /** Apply writes atomically: one sqlite transaction, then the memory copy. */
  applyWrites(writes: DocWrite[]): void {
    if (!writes.length) return;
    const run = this.db.transaction((ws: DocWrite[]) => {
      for (const w of ws) {
        if (w.doc) this.upsertStmt.run(w.coll, w.id, stringifyEJSON(w.doc));
        else this.deleteStmt.run(w.coll, w.id);
      }
    });
    run(writes);
    for (const w of writes) {
      const m = this.collMap(w.coll);
      this.beforeWrite?.(docKey(w.coll, w.id), m.get(w.id) ?? null);
      if (w.doc) m.set(w.id, cloneValue(w.doc));
      else m.delete(w.id);
      this.track(w.coll, w.id, w.doc !== null);
    }
    this.checkpointSoon();
  }

  /** The database requests counted on `day` (a China calendar day, `YYYY-MM-DD`). */
  usageOf(day: string): { reads: number; writes: number } {
    const row = this.usageGetStmt.get(day) as { reads: number; writes: number } | undefined;
    return row ? { reads: row.reads, writes: row.writes } : { reads: 0, writes: 0 };
  }

  /** Count requests on `day`, durably before the request is served. */
  addUsage(day: string, reads: number, writes: number): void {
    this.usageAddStmt.run(day, reads, writes);
    this.checkpointSoon();
  }

  /** A new day: earlier days' counters go. */
  dropUsageBefore(day: string): void {
    this.db.prepare('DELETE FROM usage WHERE day < ?').run(day);
  }

  // ---- public Store API (seeding and tests) ----

  find(collection: string, query: object = {}): Doc[] {
    return this.query(collection, query);
  }

  insertMany(collection: string, docs: object[]): void {
    const seen = new Set<string>();
    const writes: DocWrite[] = docs.map((d) => {
      const doc = cloneValue(d as Doc);
      if (typeof doc._id !== 'string' && typeof doc._id !== 'number') throw new Error('insertMany: every document needs an _id');
      const id = String(doc._id);
      if (seen.has(id) || this.peek(collection, id)) throw new DuplicateKeyError(collection, id);
      seen.add(id);
      return { coll: collection, id, doc };
    });
    this.applyWrites(writes);
  }

  count(collection: string, query: object = {}): number {
    return new Query(query as Record<string, unknown>, mingoOptions(this)).find(this.all(collection)).all().length;
  }

  drop(collection: string): void {
    const m = this.colls.get(collection);
    if (!m) return;
    this.applyWrites([...m.keys()].map((id) => ({ coll: collection, id, doc: null })));
    this.colls.delete(collection);
    this.order.delete(collection);
  }

  collections(): string[] {
    return [...this.colls.entries()]
      .filter(([, m]) => m.size > 0)
      .map(([name]) => name)
      .sort();
  }

  close(): void {
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
    this.checkpoint();
    this.db.close();
  }
}

/** $lookup resolves other collections from the store. */
function mingoOptions(store: SqliteStore): Partial<Options> {
  return { collectionResolver: (name: string) => store.all(name) };
}

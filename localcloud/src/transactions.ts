/**
 * Transactions with the semantics WeChat Cloud (MongoDB underneath) gives:
 * - snapshot isolation: a transaction reads the state at its start plus its own writes;
 * - a document written by an open transaction is locked: another transaction writing it fails at once with
 *   DATABASE_TRANSACTION_CONFLICT, as does writing a document someone else changed after our snapshot;
 * - writes are buffered and applied in one sqlite transaction on commit, dropped on abort;
 * - a transaction older than 30 s is aborted.
 *
 * Snapshots are cheap: instead of copying the database, every committed change first hands the previous version
 * of the document to each open transaction that has not recorded one yet ("pre-images").
 */
import crypto from 'node:crypto';
// Node's own timers, also when the cloud runs inside jest's jsdom environment (the weapp tests), whose
// global setInterval returns a number without unref().
import { setInterval } from 'node:timers';
import { cloneValue, type Doc } from './ejson';
import { docKey, type DocWrite, type SqliteStore } from './store';

export const TX_MAX_AGE_MS = 30_000;

export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const conflictError = (detail: string): CloudError =>
  new CloudError('DATABASE_TRANSACTION_CONFLICT', `[DATABASE_TRANSACTION_CONFLICT] database transaction conflict: ${detail}`);

interface OpenTx {
  id: string;
  startedAt: number;
  /** previous versions of documents changed by others since our start (null = did not exist) */
  preimages: Map<string, Doc | null>;
  /** our buffered writes, keyed by docKey */
  writes: Map<string, DocWrite>;
}

export class TransactionManager {
  private readonly open = new Map<string, OpenTx>();
  /** docKey → id of the open transaction holding the write lock */
  private readonly locks = new Map<string, string>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly store: SqliteStore,
    private readonly maxAgeMs = TX_MAX_AGE_MS,
  ) {
    store.beforeWrite = (key, previous) => {
      for (const tx of this.open.values()) {
        if (!tx.preimages.has(key)) tx.preimages.set(key, previous === null ? null : cloneValue(previous));
      }
    };
    this.sweeper = setInterval(() => this.expire(), 1000);
    this.sweeper.unref();
  }

  start(): string {
    const id = crypto.randomBytes(16).toString('hex');
    this.open.set(id, { id, startedAt: Date.now(), preimages: new Map(), writes: new Map() });
    return id;
  }

  private expire(): void {
    const now = Date.now();
    for (const tx of this.open.values()) if (now - tx.startedAt > this.maxAgeMs) this.drop(tx);
  }

  private drop(tx: OpenTx): void {
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key);
    this.open.delete(tx.id);
  }

  /** The open transaction, or an error like the cloud's for unknown / expired ones. */
  get(id: string): OpenTx {
    const tx = this.open.get(id);
    if (tx && Date.now() - tx.startedAt > this.maxAgeMs) {
      this.drop(tx);
      throw new CloudError(
        'DATABASE_TRANSACTION_FAIL',
        `[DATABASE_TRANSACTION_FAIL] transaction ${id} expired: a transaction must finish within ${this.maxAgeMs / 1000}s`,
      );
    }
    if (!tx) throw new CloudError('DATABASE_TRANSACTION_FAIL', `[DATABASE_TRANSACTION_FAIL] transaction ${id} does not exist or has ended`);
    return tx;
  }

  /** A document as the transaction sees it (copy), or undefined. */
  read(txId: string, coll: string, id: string): Doc | undefined {
    const tx = this.get(txId);
    const key = docKey(coll, id);
    const own = tx.writes.get(key);
    if (own) return own.doc ? cloneValue(own.doc) : undefined;
    if (tx.preimages.has(key)) {
      const pre = tx.preimages.get(key);
      return pre ? cloneValue(pre) : undefined;
    }
    const live = this.store.peek(coll, id);
    return live ? cloneValue(live) : undefined;
  }

  /** Buffer a write; conflicts are detected now, not at commit. */
  write(txId: string, w: DocWrite): void {
    const tx = this.get(txId);
    const key = docKey(w.coll, w.id);
    const holder = this.locks.get(key);
    if (holder !== undefined && holder !== tx.id) {
      throw conflictError(`document ${w.coll}/${w.id} is being written by another transaction`);
    }
    if (tx.preimages.has(key)) {
      throw conflictError(`document ${w.coll}/${w.id} was changed after this transaction started`);
    }
    this.locks.set(key, tx.id);
    tx.writes.set(key, { coll: w.coll, id: w.id, doc: w.doc ? cloneValue(w.doc) : null });
  }

  commit(txId: string): void {
    const tx = this.get(txId);
    // a non-transactional write may have slipped in after we wrote; the cloud would make us lose
    for (const key of tx.writes.keys()) {
      if (tx.preimages.has(key)) {
        this.drop(tx);
        throw conflictError(`document ${key.replace('\u0000', '/')} was changed by another writer before commit`);
      }
    }
    const writes = [...tx.writes.values()];
    this.drop(tx);
    this.store.applyWrites(writes);
  }

  abort(txId: string): void {
    const tx = this.open.get(txId);
    if (tx) this.drop(tx);
  }

  /** True when a non-transactional writer would touch a document locked by an open transaction. */
  lockedBy(coll: string, id: string): string | undefined {
    return this.locks.get(docKey(coll, id));
  }

  close(): void {
    clearInterval(this.sweeper);
    this.open.clear();
    this.locks.clear();
  }
}

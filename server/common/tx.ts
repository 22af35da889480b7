/**
 * Transactions with our own retry. WeChat Cloud transactions allow only doc() operations and add(); a document
 * written by another open transaction fails at once with DATABASE_TRANSACTION_CONFLICT, and under wx-server-sdk
 * the error code is rewritten so `runTransaction`'s own retry never fires. So: start, run, commit, and on a
 * conflict roll back and try again after a jittered backoff.
 */
import { TX_RETRY } from '../../shared/common/config';
import { AppError } from '../../shared/common/errors';
import type { Database, Transaction } from './cloud';
import { platformRefusal } from './refusal';

export function isTxConflict(e: unknown): boolean {
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  const text =
    typeof e === 'string'
      ? e
      : e && typeof e === 'object'
        ? ['errCode', 'errMsg', 'message'].map((k) => part((e as Record<string, unknown>)[k])).join(' ')
        : '';
  return /TRANSACTION_CONFLICT|write conflict/i.test(text);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A rollback the platform refuses for load (the database's rate is counted over a second) is tried again this many
 * times in all, after a jittered wait of up to a second each: left open, the transaction would hold the documents it
 * wrote — a voter's roll entry — until it expires (30 s), and the caller's own retries would conflict with it.
 */
export const ROLLBACK_TRIES = 3;
export const ROLLBACK_WAIT_MS = 1000;

async function rollback(tx: Transaction): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await tx.rollback();
      return;
    } catch (e) {
      if (platformRefusal(e) !== 'load' || attempt >= ROLLBACK_TRIES) return;
      await sleep(Math.random() * ROLLBACK_WAIT_MS);
    }
  }
}

export async function withTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const tx = await db.startTransaction();
    try {
      const out = await work(tx);
      await tx.commit();
      return out;
    } catch (e) {
      await rollback(tx);
      if (!isTxConflict(e)) throw e;
      if (attempt >= TX_RETRY.attempts) throw new AppError('BUSY');
      // Exponential backoff with full jitter spreads a burst of writers of the same document.
      await sleep(Math.random() * Math.min(TX_RETRY.maxDelayMs, TX_RETRY.baseDelayMs * 2 ** attempt));
    }
  }
}

/**
 * The quarter's committed draw seed (shared/assessment/draw.ts): made once, by the cloud, when the quarter opens
 * or — for a quarter that has no record — the first time anyone looks at or uses the draw; never replaced.
 */
import { randomBytes } from 'crypto';
import type { Database, Transaction } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { withTransaction } from '../../../server/common/tx';
import { seedFingerprint, type SpotSeedDoc } from '../../../shared/assessment/draw';

/** Within a transaction: the quarter's seed, created first if there is none. */
export async function commitmentIn(tx: Transaction, periodId: string, now: number): Promise<SpotSeedDoc> {
  const ref = tx.collection<SpotSeedDoc>(COLL.spotSeeds).doc(periodId);
  const have = (await ref.get()).data;
  if (have) return have;
  const seed = randomBytes(32).toString('hex');
  const fresh = { seed, seedHash: seedFingerprint(seed), committedAt: now, draws: 0 };
  await ref.set({ data: fresh });
  return { _id: periodId, ...fresh };
}

export function ensureCommitment(db: Database, periodId: string, now: number): Promise<SpotSeedDoc> {
  return withTransaction(db, (tx) => commitmentIn(tx, periodId, now));
}

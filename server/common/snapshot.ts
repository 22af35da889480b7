/**
 * Dashboards computed ahead (园区看板): a function's hourly timer trigger writes the figures a leader's phone asks for
 * most — the last 3, 6 and 12 months — into `dashboards/{key}`, and the dashboard action answers from there with one
 * read while the figures are under an hour and a quarter old (a late or failed tick included); otherwise, or for
 * another span, it computes them from the records as before. Either way the reply says as of when.
 */
import type { Database } from './cloud';
import { COLL } from './collections';

/** The spans the dashboard page offers, computed ahead by the timer. */
export const SNAPSHOT_MONTHS = [3, 6, 12] as const;
/** An hourly trigger's figures are served while younger than this. */
export const SNAPSHOT_MAX_AGE_MS = 75 * 60_000;

interface SnapshotDoc<T> {
  _id: string;
  figures: T;
  asOf: number;
}

export async function readSnapshot<T>(db: Database, key: string, now: number): Promise<{ figures: T; asOf: number } | null> {
  const d = (await db.collection<SnapshotDoc<T>>(COLL.dashboards).doc(key).get()).data;
  return d && now - d.asOf < SNAPSHOT_MAX_AGE_MS && d.asOf <= now ? { figures: d.figures, asOf: d.asOf } : null;
}

export async function writeSnapshot<T>(db: Database, key: string, figures: T, asOf: number): Promise<void> {
  await db.collection<SnapshotDoc<T>>(COLL.dashboards).doc(key).set({ data: { figures, asOf } });
}

/** The dashboard's answer: the timer's figures when fresh, else computed now. */
export async function snapshotOr<T>(db: Database, key: string, now: number, compute: () => Promise<T>): Promise<T & { asOf: number }> {
  const snap = await readSnapshot<T>(db, key, now);
  if (snap) return { ...snap.figures, asOf: snap.asOf };
  return { ...(await compute()), asOf: now };
}

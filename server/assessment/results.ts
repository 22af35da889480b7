/**
 * A closed quarter's results as they are served, fixed by an entry of the audit trail: the close writes the digest
 * of every section's results document, and each correction's recount writes it again. `audit.verify` compares what
 * is served with the latest such entry, so a result edited in the store no longer agrees.
 */
import { digest, type Json } from '../../shared/audit/chain';
import { quarterResultId, type QuarterResultDoc } from '../../shared/assessment/assessment';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';
import { allPages } from '../common/pages';

/** The period's results documents as stored, in id order. */
export async function storedResults(db: Database, periodId: string): Promise<QuarterResultDoc[]> {
  const docs = await allPages<QuarterResultDoc>((skip, limit) =>
    db.collection<QuarterResultDoc>(COLL.quarterResults).where({ periodId }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
  );
  return docs.sort((a, b) => (a._id < b._id ? -1 : 1));
}

/** Every figure served of the quarter, as one digest. */
export function quarterDigest(docs: QuarterResultDoc[]): string {
  return digest([...docs].sort((a, b) => (a._id < b._id ? -1 : 1)) as unknown as Json);
}

export { quarterResultId };

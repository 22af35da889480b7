/**
 * A closed quarter's results as they are served, fixed by an entry of the audit trail: the close writes the digest
 * of every section's results document, and each correction's recount writes it again. `audit.verify` compares what
 * is served with the latest such entry, so a result edited in the store no longer agrees.
 */
import { digest, type Json } from '../../shared/audit/chain';
import { quarterResultId, type QuarterResultDoc } from '../../shared/assessment/assessment';
import type { PeriodDoc } from '../../shared/assessment/period';
import type { MemberDoc } from '../../shared/members/member';
import { appendAudit } from '../audit/log';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';
import { allPages } from '../common/pages';
import { withTransaction } from '../common/tx';

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

/**
 * The results as stored now, fixed by an entry of the trail (`assessment.close` with the period's `closed` status, or
 * `assessment.results` after a correction's recount), in one transaction with the period pointing at it.
 */
export async function fixResults(
  db: Database,
  periodId: string,
  how: { kind: 'assessment.close' | 'assessment.results'; actor: MemberDoc; at: number; reason: string; period: Partial<PeriodDoc> },
): Promise<void> {
  const docs = await storedResults(db, periodId);
  await withTransaction(db, async (tx) => {
    const auditSeq = await appendAudit(tx, {
      kind: how.kind,
      actor: how.actor,
      at: how.at,
      subject: `assessment:${periodId}`,
      reason: how.reason,
      data: { periodId, assessed: docs.reduce((n, d) => n + d.members.length, 0), results: quarterDigest(docs) },
    });
    await tx
      .collection<PeriodDoc>(COLL.periods)
      .doc(periodId)
      .update({ data: { ...how.period, auditSeq } });
  });
}

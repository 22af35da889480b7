/**
 * Appending to the audit chain (shared/audit/chain.ts) inside the transaction of the change it records: the entry
 * lands with the change or neither does. The head document (`auditHead/head`) is read and moved on in the same
 * transaction, so two audited changes at once cannot both take the same number: the second conflicts and is
 * retried by withTransaction, after the first, on the new head.
 */
import { nextEntry, type AuditEntry, type AuditFields, type ChainHead } from '../../shared/audit/chain';
import type { MemberDoc } from '../../shared/members/member';
import type { Transaction } from '../common/cloud';
import { COLL } from '../common/collections';

export const HEAD_ID = 'head';

/** `auditLog/{seq, ten digits}`: ids that sort in chain order. */
export const entryId = (seq: number) => String(seq).padStart(10, '0');

export interface HeadDoc extends ChainHead {
  _id: string;
}

/** Record `fields` as the next entry; returns its number (kept on the record it is about). */
export async function appendAudit(tx: Transaction, fields: Omit<AuditFields, 'actorId' | 'actorName'> & { actor: MemberDoc }): Promise<number> {
  const { actor, ...rest } = fields;
  const headRef = tx.collection<HeadDoc>(COLL.auditHead).doc(HEAD_ID);
  const head = (await headRef.get()).data;
  const entry = nextEntry(head ? { seq: head.seq, hash: head.hash } : null, { ...rest, actorId: actor._id, actorName: actor.name });
  const { seq, hash } = entry;
  await tx.collection<AuditEntry & { _id: string }>(COLL.auditLog).doc(entryId(seq)).set({ data: entry });
  await headRef.set({ data: { seq, hash } });
  return seq;
}

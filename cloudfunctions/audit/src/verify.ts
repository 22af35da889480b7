/**
 * The admin's check of the trail: the whole chain (shared/audit/chain.ts verifyChain) against its head and the
 * fingerprints noted elsewhere, then the audited records against their entries (./records.ts).
 */
import { HEAD_ID, type HeadDoc } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import type { Database } from '../../../server/common/cloud';
import type { Handler } from '../../../server/common/router';
import { chainProblemText, fingerprintText, verifyChain, type AuditEntry } from '../../../shared/audit/chain';
import { recordsAgainst } from './records';

/** Every entry in chain order, a thousand a read, each read going on from the last id (no skip over the whole log). */
async function allEntries(db: Database): Promise<AuditEntry[]> {
  const _ = db.command;
  const out: (AuditEntry & { _id: string })[] = [];
  for (;;) {
    const last = out[out.length - 1]?._id ?? '';
    const page = (
      await db
        .collection<AuditEntry & { _id: string }>(COLL.auditLog)
        .where({ _id: _.gt(last) })
        .orderBy('_id', 'asc')
        .limit(1000)
        .get()
    ).data;
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

export const verify: Handler<'audit', 'verify'> = async ({ anchors }, ctx) => {
  const [entries, head] = await Promise.all([allEntries(ctx.db), ctx.db.collection<HeadDoc>(COLL.auditHead).doc(HEAD_ID).get()]);
  const check = verifyChain(entries, head.data ? { seq: head.data.seq, hash: head.data.hash } : null, anchors);
  const records = await recordsAgainst(ctx.db, entries);
  return {
    ok: check.ok && records.mismatched.length === 0,
    count: check.count,
    fingerprint: check.head ? fingerprintText(check.head) : null,
    head: check.head,
    problem: check.problem ? chainProblemText(check.problem) : records.mismatched.length ? `${records.mismatched.length}项记录与审计链不符` : null,
    problemSeq: check.problem?.seq ?? null,
    recordsChecked: records.checked,
    recordsMismatched: records.mismatched,
    checkedAt: ctx.now,
  };
};

/** The audit trail's contract (审计留痕): the admin reads the chain and checks it (shared/audit/chain.ts). */
import '../common/zod-config';
import { z } from 'zod';

const Fingerprint = z
  .object({
    seq: z
      .number({ error: '请填写记录序号' })
      .int({ error: '记录序号应为整数' })
      .min(1, { error: '记录序号从1开始' })
      .max(1e9, { error: '记录序号过大' }),
    hash: z
      .string({ error: '请填写指纹' })
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{16,64}$/, { error: '指纹应为16至64位十六进制字符' }),
  })
  .strict();

export const AuditEntryView = z.object({
  seq: z.number(),
  kind: z.string(),
  kindLabel: z.string(),
  actorName: z.string(),
  at: z.number(),
  subject: z.string(),
  reason: z.string(),
  /** The figures recorded, as a line people read. */
  summary: z.string(),
  hash: z.string(),
});
export type AuditEntryView = z.infer<typeof AuditEntryView>;

export const ChainCheckView = z.object({
  ok: z.boolean(),
  count: z.number(),
  /** The fingerprint to note down: `#seq·hash16`. Null for an empty chain. */
  fingerprint: z.string().nullable(),
  head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
  /** The first problem, in words; null when the chain holds. */
  problem: z.string().nullable(),
  problemSeq: z.number().nullable(),
  /** Audited records checked against their entries, and those that no longer agree (their subjects). */
  recordsChecked: z.number(),
  recordsMismatched: z.array(z.string()),
  checkedAt: z.number(),
});
export type ChainCheckView = z.infer<typeof ChainCheckView>;

export const auditContract = {
  /** The chain's entries, newest first, a page at a time (`before`: the seq to continue below). */
  log: {
    input: z.object({ before: z.number().int().min(1).max(1e9).optional() }).strict(),
    output: z.object({ entries: z.array(AuditEntryView), head: z.object({ seq: z.number(), hash: z.string() }).nullable(), more: z.boolean() }),
  },
  /**
   * Check the whole chain: every hash, every link, the head; the fingerprints noted elsewhere (up to 20); and the
   * audited records against their entries.
   */
  verify: {
    input: z.object({ anchors: z.array(Fingerprint).max(20, { error: '一次最多核对20个指纹' }).default([]) }).strict(),
    output: ChainCheckView,
  },
} as const;

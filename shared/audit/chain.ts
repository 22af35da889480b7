/**
 * The audit trail (审计留痕): every grade, card, pay figure, formula change and correction, with who, when and why,
 * as a hash chain. Entry n carries the hash of entry n − 1, and its own hash covers every field of it (canonical
 * JSON, keys sorted, SHA-256), so changing, removing or inserting an entry breaks every link after it.
 *
 * Threat model — who could change what, and what the check sees:
 * - someone who edits or deletes an entry in the database (the console, a script with the keys) without
 *   recomputing the chain: the check names the first entry whose hash or link no longer holds;
 * - someone who rewrites the chain from some entry on, hashes recomputed: the chain verifies on its own, so the
 *   check also takes fingerprints (序号 + hash) noted outside the database — shown to the admin after each check,
 *   printed on the year's exports — and says whether each still is what the chain holds at that entry;
 * - someone who drops the newest entries and winds the head back: the same, against a noted fingerprint of a later
 *   entry; and the head document, kept apart from the entries, must agree with the last of them;
 * - the business record edited but not the chain (a grade changed in place): each audited record keeps the number
 *   of its entry, and the area's check compares the two (cloudfunctions/audit).
 * What the chain cannot do: stop the writes themselves, or tell a forged write made through the functions with a
 * stolen identity from a real one — that is the platform's identity (OPENID) and the access table's job.
 *
 * Pure: the functions append with server/audit/log.ts inside the same transaction as the change they record.
 */
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';

export type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

/** What is recorded: a kind from AUDIT_KINDS (its area and action), who, when, about what, why, and the figures. */
export interface AuditFields {
  kind: AuditKind;
  actorId: string;
  actorName: string;
  at: number;
  /** What it is about, as `area:key` (e.g. `annual:2025:M003`, `annual:2025`). */
  subject: string;
  reason: string;
  data: { [k: string]: Json };
}

export interface AuditEntry extends AuditFields {
  seq: number;
  /** The hash of entry seq − 1 (GENESIS for the first). */
  prev: string;
  hash: string;
}

export interface ChainHead {
  seq: number;
  hash: string;
}

export const AUDIT_KINDS = {
  'annual.formula': '修改年度考核办法',
  'annual.adjust': '班子调整等次',
  'annual.confirm': '确认年度考核结果',
  'annual.publish': '公示年度考核结果',
  'annual.notify': '通知本人',
  'annual.review': '答复复核申请',
  'cards.issue': '发放红黄牌',
  'cards.withhold': '不发放红黄牌',
  'cards.lift': '解除红黄牌',
  'pay.settings': '修改绩效奖金方案',
  'pay.release': '发放绩效奖金',
  'assessment.correct': '更正季度考核结果',
  'assessment.close': '结束季度考核',
  'assessment.results': '季度考核结果重算',
  'projects.correct': '更正项目节点日期',
  'projects.retire': '终止与恢复项目',
  'park.setup': '园区初始设置',
  'park.settings': '修改园区设置',
  'park.section': '股室增改撤',
  'park.enterprise': '企业增改停',
  'imports.commit': '导入名录',
  'members.person': '人员登记与更正',
  'members.change': '人员变动',
  'members.yearStatus': '年度考核情形',
  'members.leave': '人员离开',
  'members.unbind': '解除微信绑定',
  'indicators.tree': '修改指标分解',
} as const;
export type AuditKind = keyof typeof AUDIT_KINDS;

export const GENESIS = '0'.repeat(64);

/** JSON with every object's keys in order, so that the same entry always hashes the same. */
export function canonical(v: Json): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  return `{${Object.keys(v)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(v[k] as Json)}`)
    .join(',')}}`;
}

/** SHA-256 of a value's canonical JSON: what an entry keeps of a list too long to copy (every grade of a year). */
export function digest(v: Json): string {
  return bytesToHex(sha256(utf8ToBytes(canonical(v))));
}

export function entryHash(e: Omit<AuditEntry, 'hash'>): string {
  const { seq, prev, kind, actorId, actorName, at, subject, reason, data } = e;
  return digest({ seq, prev, kind, actorId, actorName, at, subject, reason, data });
}

/** The entry that follows `head` (null: the chain is empty). */
export function nextEntry(head: ChainHead | null, fields: AuditFields): AuditEntry {
  const base = { ...fields, seq: (head?.seq ?? 0) + 1, prev: head?.hash ?? GENESIS };
  return { ...base, hash: entryHash(base) };
}

export type ChainProblem =
  | { kind: 'gap'; seq: number }
  | { kind: 'altered'; seq: number }
  | { kind: 'unlinked'; seq: number }
  | { kind: 'head'; seq: number }
  | { kind: 'anchor'; seq: number };

export interface ChainCheck {
  ok: boolean;
  /** Entries checked, and the last of them (what to note down as the fingerprint). */
  count: number;
  head: ChainHead | null;
  /** The first problem found, in the order of the chain. */
  problem: ChainProblem | null;
}

/**
 * Check a chain given in seq order, its head document, and fingerprints noted elsewhere. Entry numbers run 1, 2, 3…
 * with none missing; each hash is its fields' hash; each `prev` is the hash before it; the head is the last entry;
 * each noted fingerprint is the hash at its number.
 */
export function verifyChain(entries: AuditEntry[], head: ChainHead | null, anchors: ChainHead[] = []): ChainCheck {
  const fail = (problem: ChainProblem): ChainCheck => ({ ok: false, count: entries.length, head: last(entries), problem });
  let prev = GENESIS;
  for (const [i, e] of entries.entries()) {
    if (e.seq !== i + 1) return fail({ kind: 'gap', seq: i + 1 });
    if (entryHash(e) !== e.hash) return fail({ kind: 'altered', seq: e.seq });
    if (e.prev !== prev) return fail({ kind: 'unlinked', seq: e.seq });
    prev = e.hash;
  }
  const tail = last(entries);
  if ((head?.seq ?? 0) !== (tail?.seq ?? 0) || (head && head.hash !== tail?.hash)) return fail({ kind: 'head', seq: head?.seq ?? 0 });
  // a noted fingerprint may be the hash's first 16 hex digits or more (fingerprintText)
  for (const a of anchors) if (a.hash.length < 16 || !entries[a.seq - 1]?.hash.startsWith(a.hash)) return fail({ kind: 'anchor', seq: a.seq });
  return { ok: true, count: entries.length, head: tail, problem: null };
}

function last(entries: AuditEntry[]): ChainHead | null {
  const e = entries[entries.length - 1];
  return e ? { seq: e.seq, hash: e.hash } : null;
}

/** The problem in words the admin reads. */
export function chainProblemText(p: ChainProblem): string {
  switch (p.kind) {
    case 'gap':
      return `第${p.seq}条记录缺失`;
    case 'altered':
      return `第${p.seq}条记录的内容被改动`;
    case 'unlinked':
      return `第${p.seq}条记录与前一条的链接不符（之前的记录被改动、删除或插入）`;
    case 'head':
      return `链头（第${p.seq}条）与最后一条记录不符（末尾的记录被删除或改动）`;
    case 'anchor':
      return `第${p.seq}条记录与已公布的指纹不符（记录链被重写）`;
  }
}

/** A fingerprint as typed back in (`#12·3f9a…`, `12 3f9a…`): its number and hash digits; null when it is not one. */
export function parseFingerprint(text: string): ChainHead | null {
  const m = /^\s*#?\s*(\d{1,9})\s*[·.:：,，\s]\s*([0-9a-fA-F]{16,64})\s*$/.exec(text);
  return m ? { seq: Number(m[1]), hash: (m[2] ?? '').toLowerCase() } : null;
}

/** A fingerprint as people note it down: the entry number and the first 16 hex digits of its hash. */
export function fingerprintText(h: ChainHead): string {
  return `#${h.seq}·${h.hash.slice(0, 16)}`;
}

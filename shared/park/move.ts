/**
 * Moving a park (issue 24, item 5): one export of a park's whole data — every collection in WeChat Cloud's database
 * import '../common/zod-config';
import format, the storage files, a manifest — and an import into an empty environment, checked afterwards against
 * the manifest: each collection's count, the audit chain's head and the chain itself.
 *
 * This file decides; scripts/park-move.ts reads and writes. What it decides:
 * - which collections move, and why the others stay behind (`leftBehind`);
 * - how a document is written as one line of an import file, and read back (`toImportLine`, `fromImportLine`),
 *   and what WeChat's importer would refuse or change in it (`importLineProblems`);
 * - how file ids of the old environment become the new one's (`rewriteFileIds`): only whole strings that are file
 *   ids under the old prefix, never inside the audit log, whose hashes cover every field;
 * - the manifest (`ManifestSchema`), and what an export or an import differs from it in (`checkExportFiles`,
 *   `compareMove`);
 * - the sign-ins that cannot move to WeChat Cloud (`rebindSignIns`): the local cloud's identities are not WeChat's.
 *
 * Pure: no I/O, no clock, no randomness (the caller passes the time and the random bytes).
 */
import { z } from 'zod';
import { chainProblemText, fingerprintText, verifyChain, type AuditEntry, type ChainHead } from '../audit/chain';
import { addDays } from '../common/time';
import { INVITE } from '../members/config';
import { makeInviteCode, type InviteDoc } from '../members/invite';
import type { MemberDoc } from '../members/member';

export type Doc = Record<string, unknown>;

export const MOVE_FORMAT = 'yardstick-park-export';
export const MOVE_VERSION = 1;

/** The local cloud's environment and bucket (localcloud: `cloud://<envId>.local/<path>`). */
export const LOCAL_ENV = 'yardstick-local';
export const LOCAL_BUCKET = 'local';

/** The audit chain's collections and its head document (server/audit/log.ts). */
export const AUDIT_LOG = 'auditLog';
export const AUDIT_HEAD = 'auditHead';
export const AUDIT_HEAD_ID = 'head';

/** Collections that never move, and why (the manifest lists them with their counts). */
export const LEFT_BEHIND: Readonly<Record<string, string>> = {
  requests:
    'replay records of requests already answered (sending twice acts once), kept 30 days: a phone does not retry a request from before the move after it',
  importPlans:
    'previews of directory imports awaiting confirmation, kept a day: a file previewed before the move is uploaded and previewed again after it',
};

/** Left behind too when the sign-ins are reset for WeChat Cloud (`rebindSignIns`). */
export const LEFT_BEHIND_ON_REBIND: Readonly<Record<string, string>> = {
  bindings: "the local cloud's sign-ins (OPENID → person): they are not WeChat identities; everyone binds again with an invite code",
  reminderSubs:
    "each sign-in's subscribe-message acceptances, keyed by the local OPENID: WeChat has given none of them; people accept reminders again",
};

/** The local cloud's own store of WeChat's records (`<dataDir>/platform/`). */
export const PLATFORM_REASON =
  "WeChat's own records (subscribe-message acceptances and delivered messages), kept by the platform, not by the product: WeChat Cloud keeps its own";

/** Why a collection stays behind, or null when it moves. */
export function leftBehind(name: string, opts: { rebind: boolean }): string | null {
  if (Object.prototype.hasOwnProperty.call(LEFT_BEHIND, name)) return LEFT_BEHIND[name] ?? null;
  if (opts.rebind && Object.prototype.hasOwnProperty.call(LEFT_BEHIND_ON_REBIND, name)) return LEFT_BEHIND_ON_REBIND[name] ?? null;
  return null;
}

/**
 * What stays behind, with why and how many documents: every collection the rules name (an empty one too, so the
 * manifest says it was considered), and each one of the platform's store (`platform/<name>`, or `platform/` alone).
 */
export function leftBehindList(
  counts: Record<string, number>,
  platformCounts: Record<string, number>,
  opts: { rebind: boolean },
): { name: string; reason: string; count: number }[] {
  const names = new Set([...Object.keys(LEFT_BEHIND), ...(opts.rebind ? Object.keys(LEFT_BEHIND_ON_REBIND) : []), ...Object.keys(counts)]);
  const own = [...names].sort().flatMap((name) => {
    const reason = leftBehind(name, opts);
    return reason ? [{ name, reason, count: counts[name] ?? 0 }] : [];
  });
  const platform = Object.keys(platformCounts)
    .sort()
    .map((name) => ({ name: `platform/${name}`, reason: PLATFORM_REASON, count: platformCounts[name] ?? 0 }));
  return [...own, ...(platform.length ? platform : [{ name: 'platform/', reason: PLATFORM_REASON, count: 0 }])];
}

/** Collections whose documents move byte for byte, file ids included: each audit entry's hash covers every field. */
export const VERBATIM: Readonly<Record<string, string>> = {
  [AUDIT_LOG]: 'each entry’s hash covers every field of it',
};

// ---- file ids ----

/** A WeChat Cloud file id, `cloud://<env>.<bucket>/<path>` (the contracts' FileId, shared/common/schema.ts). */
const FILE_ID_RE = /^cloud:\/\/[^\s/]+\/\S+$/;
const ENV_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
const BUCKET_RE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;

export function isFileId(s: string): boolean {
  return FILE_ID_RE.test(s);
}

/**
 * The file-id prefix of an environment given as `<env>.<bucket>` (as between `cloud://` and the first `/` of any file
 * id in 云开发控制台 → 存储), or as `<env>` alone when `defaultBucket` says which bucket (the local cloud's `local`).
 */
export function fileIdPrefix(target: string, defaultBucket?: string): string {
  const dot = target.indexOf('.');
  const env = dot < 0 ? target : target.slice(0, dot);
  const bucket = dot < 0 ? defaultBucket : target.slice(dot + 1);
  if (!ENV_RE.test(env)) throw new Error(`not an environment id: ${JSON.stringify(env)}`);
  if (bucket === undefined) {
    throw new Error(`give the bucket too, as <env>.<bucket> (what comes between cloud:// and the first / of a file id in 云开发控制台 → 存储)`);
  }
  if (!BUCKET_RE.test(bucket)) throw new Error(`not a storage bucket: ${JSON.stringify(bucket)}`);
  return `cloud://${env}.${bucket}/`;
}

/** The environment id of a file-id prefix (`cloud://<env>.<bucket>/`). */
export function envOfPrefix(prefix: string): string {
  return prefix.slice('cloud://'.length).split('.')[0] ?? '';
}

/**
 * Why a path cannot be a storage file's cloud path (the local cloud's rule, localcloud/src/storage.ts): it must be
 * relative, at most 256 characters, without empty, `.` or `..` segments, backslashes or control characters. A
 * manifest's paths are written to disk by the import, so none may lead out of the storage folder. Null when fine.
 */
export function cloudPathProblem(p: string): string | null {
  if (!p || p.length > 256) return 'empty or longer than 256 characters';
  if (p.startsWith('/') || p.split('/').some((seg) => seg === '' || seg === '.' || seg === '..')) return 'not a relative path of named folders';
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f]/.test(p)) return 'holds a backslash or a control character';
  return null;
}

/** A file id's cloud path when it is under `prefix`, else null. */
export function cloudPathOf(fileId: string, prefix: string): string | null {
  return fileId.startsWith(prefix) && isFileId(fileId) ? fileId.slice(prefix.length) : null;
}

function isPlainObject(v: unknown): v is Doc {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A copy of `value` with every string that is a file id under `from` moved under `to`, and how many were. Only
 * whole strings: a note that mentions a file id, or any other string, is left as it is; keys are never touched.
 */
export function rewriteFileIds<T>(value: T, from: string, to: string): { value: T; count: number } {
  let count = 0;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const p = from === to ? null : cloudPathOf(v, from);
      if (p === null) return v;
      count += 1;
      return `${to}${p}`;
    }
    if (Array.isArray(v)) return v.map(walk);
    if (v instanceof Date) return new Date(v.getTime());
    if (isPlainObject(v)) {
      const out: Doc = {};
      for (const k of Object.keys(v)) out[k] = walk(v[k]);
      return out;
    }
    return v;
  };
  return { value: walk(value) as T, count };
}

/** Every file id anywhere in a value (strings only, whole strings). */
export function fileIdsIn(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') {
    if (isFileId(value)) into.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) fileIdsIn(v, into);
  } else if (isPlainObject(value)) {
    for (const k of Object.keys(value)) fileIdsIn(value[k], into);
  }
  return into;
}

/** A collection's documents with their file ids moved from one prefix to another (the audit log kept verbatim). */
export function rewriteCollection(name: string, docs: Doc[], from: string, to: string): { docs: Doc[]; count: number } {
  if (Object.prototype.hasOwnProperty.call(VERBATIM, name) || from === to) return { docs, count: 0 };
  let count = 0;
  const out = docs.map((d) => {
    const r = rewriteFileIds(d, from, to);
    count += r.count;
    return r.value;
  });
  return { docs: out, count };
}

// ---- WeChat Cloud's import format: JSON Lines, dates as {"$date": ISO} ----

function encodeForImport(v: unknown): unknown {
  if (v instanceof Date) return { $date: v.toISOString() };
  if (Array.isArray(v)) return v.map(encodeForImport);
  if (isPlainObject(v)) {
    const out: Doc = {};
    for (const k of Object.keys(v)) if (v[k] !== undefined) out[k] = encodeForImport(v[k]);
    return out;
  }
  return v;
}

/** One document as a line of an import file (no newline: JSON escapes those inside strings). */
export function toImportLine(doc: Doc): string {
  return JSON.stringify(encodeForImport(doc));
}

function decodeFromImport(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(decodeFromImport);
  if (!isPlainObject(v)) return v;
  const keys = Object.keys(v);
  if (keys.length === 1 && keys[0] === '$date') {
    const d = v.$date;
    const ms = typeof d === 'string' ? Date.parse(d) : typeof d === 'number' ? d : NaN;
    if (Number.isFinite(ms)) return new Date(ms);
  }
  const out: Doc = {};
  for (const k of keys) out[k] = decodeFromImport(v[k]);
  return out;
}

/** One line of an import file back as a document (`{"$date": …}` as a Date). */
export function fromImportLine(line: string): Doc {
  const v = decodeFromImport(JSON.parse(line) as unknown);
  if (!isPlainObject(v)) throw new Error('not a JSON object');
  return v;
}

/** What WeChat's importer refuses in a key (its doc: no `.` first or last, no `..`), or what MongoDB refuses (`$`). */
function keyProblem(k: string): string | null {
  if (k.startsWith('.') || k.endsWith('.') || k.includes('..')) return 'starts or ends with "." or holds ".."';
  if (k.startsWith('$')) return 'starts with "$"';
  return null;
}

function typeName(v: unknown): string {
  if (typeof v !== 'object' || v === null) return typeof v;
  return (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name ?? 'object';
}

/**
 * Why a document would not import as it is, or would come back different: keys WeChat's importer refuses or finds
 * ambiguous (`{"a": {"b": 1}, "a.b": 2}`), numbers JSON cannot carry (NaN, Infinity), values it has no form for, an
 * `_id` that is neither a string nor a number. Empty when it moves intact.
 */
export function importLineProblems(doc: Doc): string[] {
  const problems: string[] = [];
  if (typeof doc._id !== 'string' && typeof doc._id !== 'number') problems.push('_id is neither a string nor a number');
  const walk = (v: unknown, at: string): void => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) problems.push(`${at}: ${String(v)} has no JSON form`);
    } else if (v instanceof Date) {
      if (!Number.isFinite(v.getTime())) problems.push(`${at}: an invalid date`);
    } else if (Array.isArray(v)) {
      v.forEach((x, i) => (x === undefined ? problems.push(`${at}[${i}]: undefined would come back as null`) : walk(x, `${at}[${i}]`)));
    } else if (isPlainObject(v)) {
      const keys = Object.keys(v);
      for (const k of keys) {
        const p = keyProblem(k);
        if (p) problems.push(`${at}.${k}: the key ${p}`);
        const dot = k.indexOf('.');
        if (dot > 0 && keys.includes(k.slice(0, dot))) problems.push(`${at}.${k}: the key is ambiguous with ${at}.${k.slice(0, dot)}`);
        if (v[k] !== undefined) walk(v[k], `${at}.${k}`);
      }
    } else if (v !== null && typeof v !== 'string' && typeof v !== 'boolean') {
      problems.push(`${at}: a value of type ${typeName(v)} has no form in an import file`);
    }
  };
  walk(doc, '$');
  return problems;
}

/** An import file's documents, or why it does not read: a line that is not a JSON object, a repeated `_id`. */
export function parseImportFile(text: string): { docs: Doc[]; problems: string[] } {
  const docs: Doc[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, i) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let doc: Doc;
    try {
      doc = fromImportLine(line);
    } catch (e) {
      problems.push(`line ${i + 1}: ${(e as Error).message}`);
      return;
    }
    const id = typeof doc._id === 'string' || typeof doc._id === 'number' ? String(doc._id) : null;
    if (id === null) problems.push(`line ${i + 1}: no _id`);
    else if (seen.has(id)) problems.push(`line ${i + 1}: _id ${id} again`);
    else seen.add(id);
    docs.push(doc);
  });
  return { docs, problems };
}

/** The audit log's documents in chain order (their ids are the numbers, zero-padded: server/audit/log.ts). */
export function chainOrder(docs: readonly { _id?: unknown }[]): AuditEntry[] {
  return [...docs].sort((a, b) => (String(a._id) < String(b._id) ? -1 : String(a._id) > String(b._id) ? 1 : 0)) as unknown as AuditEntry[];
}

// ---- the manifest ----

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Head = z.object({ seq: z.number().int().min(1), hash: z.string().regex(/^[0-9a-f]{64}$/) });

const AuditStateSchema = z.object({
  entries: z.number().int().min(0),
  head: Head.nullable(),
  fingerprint: z.string().nullable(),
  ok: z.boolean(),
  problem: z.string().nullable(),
});
export type AuditState = z.infer<typeof AuditStateSchema>;

export const ManifestSchema = z.object({
  format: z.literal(MOVE_FORMAT),
  version: z.literal(MOVE_VERSION),
  /** The environment the park was exported from. */
  sourceEnv: z.string(),
  /** The file-id prefix the documents in these files carry (the source's, or the one given at export). */
  fileIdPrefix: z.string().regex(/^cloud:\/\/[^\s/]+\/$/),
  exportedAt: z.number(),
  exportedAtText: z.string(),
  /** Each collection that moves: its import file, how many documents, the file's SHA-256. */
  collections: z.array(
    z
      .object({ name: z.string().regex(/^[A-Za-z0-9_-]+$/), file: z.string(), count: z.number().int().min(1), sha256: Sha256 })
      .refine((c) => c.file === `${c.name}.json`, { error: 'a collection’s file is <name>.json', path: ['file'] }),
  ),
  /** Every collection to create in the new environment (the functions use them all, the empty ones too). */
  create: z.array(z.string()),
  skipped: z.array(z.object({ name: z.string(), reason: z.string(), count: z.number().int().min(0) })),
  /** The storage files, under `files/` by their cloud paths; owner: who created it (storage rules), '' for a function. */
  files: z.array(
    z.object({
      path: z.string().refine((p) => cloudPathProblem(p) === null, { error: 'not a cloud path' }),
      size: z.number().int().min(0),
      sha256: Sha256,
      owner: z.string(),
    }),
  ),
  referencedFileIds: z.array(z.string()),
  /** File ids under fileIdPrefix that documents reference but storage does not hold. */
  missingFiles: z.array(z.string()),
  /** File ids of some other environment: moved as they are. */
  foreignFileIds: z.array(z.string()),
  audit: AuditStateSchema,
  /** Sign-ins reset for WeChat Cloud (rebindSignIns), or null when they moved as they were. */
  rebind: z
    .object({
      members: z.number().int().min(0),
      bindingsLeft: z.number().int().min(0),
      adminInvites: z.array(z.object({ memberId: z.string(), name: z.string(), expiresAt: z.number() })),
    })
    .nullable(),
});
export type ParkManifest = z.infer<typeof ManifestSchema>;

/** A manifest as read from its file, or why it is not one. */
export function parseManifest(raw: unknown): { manifest: ParkManifest } | { problem: string } {
  const r = ManifestSchema.safeParse(raw);
  if (r.success) return { manifest: r.data };
  const first = r.error.issues[0];
  return {
    problem: `manifest.json is not a park export's manifest (${first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'invalid'})`,
  };
}

/** The file a collection is written to. */
export function importFileName(collection: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(collection)) throw new Error(`a collection name that cannot be a file name: ${JSON.stringify(collection)}`);
  return `${collection}.json`;
}

/** The audit chain as the check sees it: its head document, and whether the entries verify up to it. */
export function auditState(entries: AuditEntry[], head: ChainHead | null): AuditState {
  const check = verifyChain(entries, head);
  return {
    entries: entries.length,
    head: head ? { seq: head.seq, hash: head.hash } : null,
    fingerprint: head ? fingerprintText(head) : null,
    ok: check.ok,
    problem: check.problem ? chainProblemText(check.problem) : null,
  };
}

/** A line of a check: what the manifest says, what was found, whether they agree. */
export interface MoveRow {
  item: string;
  expected: string;
  actual: string;
  ok: boolean;
}

/**
 * An export's files against its manifest, before anything is imported: every collection file and storage file
 * present with the SHA-256 the manifest gives (null: missing). The rows that differ, each naming its file.
 */
export function checkExportFiles(
  m: ParkManifest,
  found: { collections: Record<string, string | null>; files: Record<string, string | null> },
): MoveRow[] {
  const rows: MoveRow[] = [];
  const sha = (h: string | null | undefined) => (h ? `SHA-256 ${h.slice(0, 16)}…` : 'missing');
  for (const c of m.collections) {
    const h = found.collections[c.file];
    if (h !== c.sha256) rows.push({ item: c.file, expected: sha(c.sha256), actual: sha(h), ok: false });
  }
  for (const f of m.files) {
    const h = found.files[f.path];
    if (h !== f.sha256) rows.push({ item: `files/${f.path}`, expected: sha(f.sha256), actual: sha(h), ok: false });
  }
  return rows;
}

/** What an environment holds after an import, as compareMove reads it. */
export interface MovedState {
  /** Documents per collection (every collection that has any). */
  counts: Record<string, number>;
  audit: AuditState;
  /** SHA-256 of each storage file by its cloud path. */
  files: Record<string, string>;
}

const headText = (h: ChainHead | null, whole: boolean) => (h ? (whole ? `${fingerprintText(h)} (${h.hash})` : fingerprintText(h)) : 'none');

/**
 * The environment after an import against the manifest, a row each: every collection's count (and none that the
 * export did not have), the audit head (number and whole hash), the chain verified entry by entry up to that head,
 * and the storage files.
 */
export function compareMove(m: ParkManifest, s: MovedState): MoveRow[] {
  return [...countRows(m, s), ...auditRows(m, s), ...fileRows(m, s)];
}

const byName = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

function countRows(m: ParkManifest, s: MovedState): MoveRow[] {
  const moved = new Set(m.collections.map((c) => c.name));
  const rows = m.collections.map((c) => {
    const n = s.counts[c.name] ?? 0;
    return { item: c.name, expected: String(c.count), actual: String(n), ok: n === c.count };
  });
  for (const [name, n] of Object.entries(s.counts).sort(byName)) {
    if (!moved.has(name) && n > 0) rows.push({ item: name, expected: '0 (not in the export)', actual: String(n), ok: false });
  }
  return rows;
}

function auditRows(m: ParkManifest, s: MovedState): MoveRow[] {
  const want = m.audit.head;
  const got = s.audit.head;
  const headOk = (want?.seq ?? 0) === (got?.seq ?? 0) && (want?.hash ?? '') === (got?.hash ?? '');
  const chainText = (a: AuditState) => (a.ok ? `verifies, ${a.entries} entries` : `broken: ${a.problem ?? '?'} (${a.entries} entries)`);
  const before = m.audit.ok ? '' : ` (at export already broken: ${m.audit.problem ?? '?'})`;
  return [
    // the whole hash is compared; shown whole only when it differs
    { item: 'audit head', expected: headText(want, !headOk), actual: headText(got, !headOk), ok: headOk },
    {
      item: 'audit chain',
      expected: `verifies, ${m.audit.entries} entries${before}`,
      actual: chainText(s.audit),
      ok: s.audit.ok && s.audit.entries === m.audit.entries,
    },
  ];
}

function fileRows(m: ParkManifest, s: MovedState): MoveRow[] {
  const known = new Set(m.files.map((f) => f.path));
  const differ = m.files.filter((f) => s.files[f.path] !== f.sha256);
  const extra = Object.keys(s.files).filter((p) => !known.has(p)).length;
  return [
    {
      item: 'storage files',
      expected: `${m.files.length} files`,
      actual: `${m.files.length - differ.length} of ${m.files.length} identical${extra ? `, ${extra} not in the export` : ''}`,
      ok: differ.length === 0 && extra === 0,
    },
    ...differ.map((f) => ({
      item: `files/${f.path}`,
      expected: f.sha256.slice(0, 16),
      actual: s.files[f.path]?.slice(0, 16) ?? 'missing',
      ok: false,
    })),
  ];
}

// ---- sign-ins: the local cloud's identities are not WeChat's ----

export interface AdminInvite {
  memberId: string;
  name: string;
  code: string;
  expiresAt: number;
}

/**
 * For WeChat Cloud: every person unbound (`bound: false`; the local sign-ins stay behind, LEFT_BEHIND_ON_REBIND), and
 * a fresh invite code for each active 组织员, so that they bind first on WeChat and then invite everyone else from
 * the 人员 page as for anyone new. `randomBytes(n)` draws the codes; codes already used as invite ids are drawn again.
 */
export function rebindSignIns(
  members: MemberDoc[],
  invites: InviteDoc[],
  now: number,
  randomBytes: (n: number) => Uint8Array,
): { members: MemberDoc[]; invites: InviteDoc[]; admins: AdminInvite[] } {
  const taken = new Set(invites.map((i) => i._id));
  const admins: AdminInvite[] = [];
  const fresh: InviteDoc[] = [];
  for (const m of members) {
    if (!m.active || !m.roles.includes('admin')) continue;
    let code = makeInviteCode(randomBytes(INVITE.length));
    while (taken.has(code)) code = makeInviteCode(randomBytes(INVITE.length));
    taken.add(code);
    const expiresAt = addDays(now, INVITE.ttlDays);
    fresh.push({ _id: code, memberId: m._id, issuedBy: m._id, issuedAt: now, expiresAt, usedAt: null, usedByOpenid: null });
    admins.push({ memberId: m._id, name: m.name, code, expiresAt });
  }
  return { members: members.map((m) => ({ ...m, bound: false })), invites: [...invites, ...fresh], admins };
}

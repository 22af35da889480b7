/**
 * Moving a park (issue 24, item 5): the reading and writing around shared/park/move.ts, which decides.
 *
 * exportPark: a local cloud's data folder (the cloud stopped) → one folder: `<collection>.json` in WeChat Cloud's
 * database import format (JSON Lines, `_id` kept, dates as {"$date": ISO}), the storage files under `files/` by their
 * cloud paths, `manifest.json` (counts, SHA-256s, the audit chain's head and fingerprint, what stayed behind and why).
 * importPark: such a folder → an empty local cloud data folder, file ids moved to its environment, then checked
 * against the manifest: each collection's count, the audit head, the chain entry by entry, the files.
 *
 * Run as `npm run park:export` / `npm run park:import` (scripts/park-export.mjs and park-import.mjs bundle this file);
 * the tests call exportPark and importPark directly.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore, type DocWrite } from '../localcloud/src/store';
import { COLL } from '../server/common/collections';
import { inPark } from '../shared/common/time';
import type { InviteDoc } from '../shared/members/invite';
import type { MemberDoc } from '../shared/members/member';
import {
  AUDIT_HEAD,
  AUDIT_HEAD_ID,
  AUDIT_LOG,
  LOCAL_BUCKET,
  LOCAL_ENV,
  MOVE_FORMAT,
  MOVE_VERSION,
  auditState,
  chainOrder,
  checkExportFiles,
  cloudPathOf,
  compareMove,
  envOfPrefix,
  fileIdPrefix,
  fileIdsIn,
  importFileName,
  importLineProblems,
  leftBehind,
  leftBehindList,
  parseImportFile,
  parseManifest,
  rebindSignIns,
  rewriteCollection,
  toImportLine,
  type AdminInvite,
  type Doc,
  type MoveRow,
  type ParkManifest,
} from '../shared/park/move';

/** A move refused before anything was written; `rows` say what differs when there is a table to show. */
export class MoveRefused extends Error {
  constructor(
    message: string,
    readonly rows: MoveRow[] = [],
  ) {
    super(message);
  }
}

const STORE_FILE = 'localcloud.sqlite';

/** fileIdPrefix, its complaint about an environment id as a refusal. */
function prefixOf(target: string, defaultBucket?: string): string {
  try {
    return fileIdPrefix(target, defaultBucket);
  } catch (e) {
    throw new MoveRefused(`--env: ${(e as Error).message}`);
  }
}
const sha256 = (data: Buffer | string) => crypto.createHash('sha256').update(data).digest('hex');

/** Refuse a data folder a local cloud has open: its store holds the database open for as long as it runs. */
function refuseIfInUse(dataDir: string): void {
  const file = path.join(dataDir, STORE_FILE);
  if (!fs.existsSync(file)) return;
  const db = new Database(file, { timeout: 0 });
  try {
    // an exclusive lock is refused at once while any other connection has the database open
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch {
    throw new MoveRefused(`${dataDir} is in use: a local cloud is running on it (npm start). Stop it first.`);
  } finally {
    db.close();
  }
}

/** Documents per collection in a store file, without loading it (none when there is no store). */
function countsIn(dataDir: string): Record<string, number> {
  const file = path.join(dataDir, STORE_FILE);
  if (!fs.existsSync(file)) return {};
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT coll, COUNT(*) AS n FROM docs GROUP BY coll').all() as { coll: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.coll, r.n]));
  } catch {
    return {}; // no docs table: nothing was ever stored
  } finally {
    db.close();
  }
}

/** Every file under a folder, as `/`-separated paths relative to it, sorted. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string[]): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(dir, ...rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk([...rel, e.name]);
      else if (e.isFile()) out.push([...rel, e.name].join('/'));
    }
  };
  walk([]);
  return out.sort();
}

/** Who created a storage file (localcloud/src/storage.ts keeps `storage-meta/<path>.json`): '' for a function's. */
function ownerOf(dataDir: string, cloudPath: string): string {
  try {
    const meta = JSON.parse(fs.readFileSync(`${path.join(dataDir, 'storage-meta', ...cloudPath.split('/'))}.json`, 'utf8')) as { openid?: unknown };
    return typeof meta.openid === 'string' ? meta.openid : '';
  } catch {
    return '';
  }
}

function writeFileIn(root: string, rel: string, data: Buffer | string): void {
  const file = path.join(root, ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

function isEmptyDir(dir: string): boolean {
  return !fs.existsSync(dir) || (fs.statSync(dir).isDirectory() && fs.readdirSync(dir).length === 0);
}

// ---- export ----

export interface ExportOptions {
  /** The local cloud's data folder (.park-data or .data). */
  dataDir: string;
  /** Where the export goes: a folder that does not exist yet, or is empty. */
  outDir: string;
  /** The environment the data folder's file ids name (default yardstick-local, the local cloud's). */
  sourceEnv?: string;
  /** Rewrite file ids for this environment now, as `<env>.<bucket>` (for a console import, which cannot rewrite). */
  targetEnv?: string;
  /** Reset the sign-ins for WeChat Cloud (rebindSignIns): nobody bound, a fresh invite for each 组织员. */
  rebind?: boolean;
  now?: number;
  randomBytes?: (n: number) => Uint8Array;
}

export interface ExportResult {
  outDir: string;
  manifest: ParkManifest;
  /** The 组织员's fresh invite codes (with rebind): also in `admin-invites.txt`, never in the manifest. */
  adminInvites: AdminInvite[];
  warnings: string[];
}

/** Where an export goes when not told: `park-export/<YYYY-MM-DD-HHmm>` (park time). */
export function defaultExportDir(root: string, now: number): string {
  return path.join(root, 'park-export', inPark(now).format('YYYY-MM-DD-HHmm'));
}

/** What documents to write, collection by collection, after the rules of shared/park/move.ts. */
function exportedCollections(store: SqliteStore, platformCounts: Record<string, number>, opts: ExportOptions, now: number) {
  const rebind = opts.rebind === true;
  const counts = Object.fromEntries(store.collections().map((c) => [c, store.count(c)]));
  const skipped = leftBehindList(counts, platformCounts, { rebind });
  const moving = new Map<string, Doc[]>();
  for (const name of store.collections()) if (!leftBehind(name, { rebind })) moving.set(name, store.all(name));
  const half = store.all(COLL.importPlans).filter((p) => p.status === 'applying');
  if (half.length > 0) {
    throw new MoveRefused(
      `a directory import is half written (importPlans/${String(half[0]?._id)}): finish it first (导入 → 确认导入 again), then export`,
    );
  }
  let adminInvites: AdminInvite[] = [];
  let rebound: ParkManifest['rebind'] = null;
  if (rebind) {
    const r = rebindSignIns(
      (moving.get(COLL.members) ?? []) as unknown as MemberDoc[],
      (moving.get(COLL.invites) ?? []) as unknown as InviteDoc[],
      now,
      opts.randomBytes ?? ((n) => crypto.randomBytes(n)),
    );
    moving.set(COLL.members, r.members as unknown as Doc[]);
    if (r.invites.length > 0) moving.set(COLL.invites, r.invites as unknown as Doc[]);
    adminInvites = r.admins;
    rebound = {
      members: r.members.length,
      bindingsLeft: store.count(COLL.bindings),
      adminInvites: r.admins.map(({ memberId, name, expiresAt }) => ({ memberId, name, expiresAt })),
    };
  }
  return { moving, skipped, adminInvites, rebound };
}

/** Export a park from a stopped local cloud's data folder (see the file's comment). */
export function exportPark(opts: ExportOptions): ExportResult {
  const now = opts.now ?? Date.now();
  const dataDir = path.resolve(opts.dataDir);
  const outDir = path.resolve(opts.outDir);
  if (!fs.existsSync(path.join(dataDir, STORE_FILE))) throw new MoveRefused(`${dataDir} holds no local cloud data (no ${STORE_FILE})`);
  if (!isEmptyDir(outDir)) throw new MoveRefused(`${outDir} already exists and is not empty: name another folder`);
  const sourceEnv = opts.sourceEnv ?? LOCAL_ENV;
  const sourcePrefix = prefixOf(sourceEnv, LOCAL_BUCKET);
  const prefix = opts.targetEnv ? prefixOf(opts.targetEnv) : sourcePrefix;
  refuseIfInUse(dataDir);
  // WeChat's own records, in a store of their own (localcloud/src/index.ts): counted for the manifest, never moved
  refuseIfInUse(path.join(dataDir, 'platform'));
  const platformCounts = countsIn(path.join(dataDir, 'platform'));

  const store = new SqliteStore(dataDir);
  const staging = `${outDir}.partial-${process.pid}`;
  try {
    const { moving, skipped, adminInvites, rebound } = exportedCollections(store, platformCounts, opts, now);
    const problems = [...moving].flatMap(([name, docs]) => docs.flatMap((d) => importLineProblems(d).map((p) => `${name}/${String(d._id)}: ${p}`)));
    if (problems.length > 0) {
      throw new MoveRefused(`${problems.length} value(s) would not survive WeChat's import format:\n  ${problems.slice(0, 20).join('\n  ')}`);
    }

    fs.rmSync(staging, { recursive: true, force: true });
    fs.mkdirSync(staging, { recursive: true });
    const collections: ParkManifest['collections'] = [];
    const referenced = new Set<string>();
    for (const [name, docs] of [...moving].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const moved = rewriteCollection(name, docs, sourcePrefix, prefix).docs;
      for (const d of moved) fileIdsIn(d, referenced);
      const text = moved.map((d) => `${toImportLine(d)}\n`).join('');
      const file = importFileName(name);
      fs.writeFileSync(path.join(staging, file), text);
      collections.push({ name, file, count: moved.length, sha256: sha256(text) });
    }

    const storageDir = path.join(dataDir, 'storage');
    const files = filesUnder(storageDir).map((p) => {
      const bytes = fs.readFileSync(path.join(storageDir, ...p.split('/')));
      writeFileIn(path.join(staging, 'files'), p, bytes);
      return { path: p, size: bytes.length, sha256: sha256(bytes), owner: ownerOf(dataDir, p) };
    });
    const present = new Set(files.map((f) => f.path));
    const ids = [...referenced].sort();
    const missingFiles = ids.filter((id) => {
      const p = cloudPathOf(id, prefix);
      return p !== null && !present.has(p);
    });
    const foreignFileIds = ids.filter((id) => cloudPathOf(id, prefix) === null);

    const head = store.peek(AUDIT_HEAD, AUDIT_HEAD_ID);
    const audit = auditState(chainOrder(store.all(AUDIT_LOG)), head ? { seq: Number(head.seq), hash: String(head.hash) } : null);
    const create = [...new Set([...Object.values(COLL), ...store.collections()])].sort();

    const manifest: ParkManifest = {
      format: MOVE_FORMAT,
      version: MOVE_VERSION,
      sourceEnv,
      fileIdPrefix: prefix,
      exportedAt: now,
      exportedAtText: inPark(now).format('YYYY-MM-DD HH:mm:ss Z'),
      collections,
      create,
      skipped,
      files,
      referencedFileIds: ids,
      missingFiles,
      foreignFileIds,
      audit,
      rebind: rebound,
    };
    fs.writeFileSync(path.join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    if (adminInvites.length > 0) {
      const lines = adminInvites.map((a) => `${a.name}\t${a.memberId}\t${a.code}\tvalid until ${inPark(a.expiresAt).format('YYYY-MM-DD HH:mm')}`);
      fs.writeFileSync(path.join(staging, 'admin-invites.txt'), `组织员 invite codes (bind first on WeChat: 绑定 → 邀请码)\n${lines.join('\n')}\n`);
    }
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(outDir), { recursive: true });
    fs.renameSync(staging, outDir);

    const warnings: string[] = [];
    if (!audit.ok) warnings.push(`the audit chain does not verify at the source: ${audit.problem ?? ''}`);
    if (missingFiles.length) warnings.push(`${missingFiles.length} referenced file(s) are not in storage: ${missingFiles.slice(0, 5).join(', ')}`);
    if (foreignFileIds.length)
      warnings.push(`${foreignFileIds.length} file id(s) of another environment moved as they are: ${foreignFileIds.slice(0, 5).join(', ')}`);
    const bindings = store.count(COLL.bindings);
    if (!opts.rebind && bindings > 0 && !prefix.endsWith(`.${LOCAL_BUCKET}/`)) {
      warnings.push(
        `${bindings} sign-in(s) of the local cloud moved: on WeChat Cloud nobody has those identities, so nobody could sign in. Export again with --rebind.`,
      );
    }
    return { outDir, manifest, adminInvites, warnings };
  } finally {
    store.close();
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

// ---- import ----

export interface ImportOptions {
  /** A folder exportPark wrote. */
  exportDir: string;
  /** The local cloud data folder to fill: it must hold no documents and no files. */
  dataDir: string;
  /** The target local cloud's environment id (its `envId`; default yardstick-local): file ids are moved to it. */
  env?: string;
}

export interface ImportResult {
  ok: boolean;
  rows: MoveRow[];
  manifest: ParkManifest;
  /** The file-id prefix the documents now carry, and how many ids were moved to it. */
  fileIdPrefix: string;
  rewritten: number;
}

function readManifest(exportDir: string): ParkManifest {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(path.join(exportDir, 'manifest.json'), 'utf8')) as unknown;
  } catch (e) {
    throw new MoveRefused(`${exportDir} has no readable manifest.json (${(e as Error).message})`);
  }
  const parsed = parseManifest(raw);
  if ('problem' in parsed) throw new MoveRefused(parsed.problem);
  return parsed.manifest;
}

/** Every document of the export, after its files were checked against the manifest's SHA-256s. */
function readExport(exportDir: string, m: ParkManifest): Map<string, Doc[]> {
  const texts = new Map<string, string>();
  const found = { collections: {} as Record<string, string | null>, files: {} as Record<string, string | null> };
  for (const c of m.collections) {
    const file = path.join(exportDir, c.file);
    const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
    if (text !== null) texts.set(c.name, text);
    found.collections[c.file] = text === null ? null : sha256(text);
  }
  for (const f of m.files) {
    const file = path.join(exportDir, 'files', ...f.path.split('/'));
    found.files[f.path] = fs.existsSync(file) ? sha256(fs.readFileSync(file)) : null;
  }
  const differ = checkExportFiles(m, found);
  if (differ.length > 0) {
    throw new MoveRefused(`the export's files do not match its manifest (changed or missing since the export): nothing imported`, differ);
  }
  const out = new Map<string, Doc[]>();
  for (const c of m.collections) {
    const { docs, problems } = parseImportFile(texts.get(c.name) ?? '');
    if (problems.length) throw new MoveRefused(`${c.file} does not read: ${problems.slice(0, 5).join('; ')}`);
    if (docs.length !== c.count) throw new MoveRefused(`${c.file} holds ${docs.length} documents, the manifest says ${c.count}`);
    out.set(c.name, docs);
  }
  return out;
}

/** What a local cloud data folder holds, as compareMove reads it. */
export function movedState(dataDir: string): { counts: Record<string, number>; audit: ParkManifest['audit']; files: Record<string, string> } {
  const store = new SqliteStore(dataDir);
  try {
    const counts = Object.fromEntries(store.collections().map((c) => [c, store.count(c)]));
    const head = store.peek(AUDIT_HEAD, AUDIT_HEAD_ID);
    const audit = auditState(chainOrder(store.all(AUDIT_LOG)), head ? { seq: Number(head.seq), hash: String(head.hash) } : null);
    const storageDir = path.join(dataDir, 'storage');
    const files = Object.fromEntries(filesUnder(storageDir).map((p) => [p, sha256(fs.readFileSync(path.join(storageDir, ...p.split('/'))))]));
    return { counts, audit, files };
  } finally {
    store.close();
  }
}

/** Import an export into an empty local cloud data folder and check it against the manifest (see the file's comment). */
export function importPark(opts: ImportOptions): ImportResult {
  const exportDir = path.resolve(opts.exportDir);
  const dataDir = path.resolve(opts.dataDir);
  const m = readManifest(exportDir);
  const docs = readExport(exportDir, m);
  const env = opts.env ?? LOCAL_ENV;
  // a local cloud's files are always in its bucket `local` (localcloud/src/storage.ts)
  if (env.includes('.')) throw new MoveRefused(`--env: the local cloud's environment id alone (its bucket is always ${LOCAL_BUCKET}), not ${env}`);
  const prefix = prefixOf(env, LOCAL_BUCKET);

  // the target: no running cloud, no documents, no files — checked before anything is written
  refuseIfInUse(dataDir);
  const there = Object.entries(countsIn(dataDir)).filter(([, n]) => n > 0);
  if (there.length > 0) {
    const listed = there.slice(0, 5).map(([c, n]) => `${c} ${n}`);
    if (there.length > 5) listed.push(`${there.length - 5} more collections`);
    throw new MoveRefused(`${dataDir} is not empty (${listed.join(', ')}): a park is imported only into an empty environment; nothing imported`);
  }
  const storageDir = path.join(dataDir, 'storage');
  if (filesUnder(storageDir).length > 0)
    throw new MoveRefused(`${storageDir} holds files: a park is imported only into an empty environment; nothing imported`);

  let rewritten = 0;
  const writes: DocWrite[] = [];
  for (const [name, list] of docs) {
    const r = rewriteCollection(name, list, m.fileIdPrefix, prefix);
    rewritten += r.count;
    for (const d of r.docs) writes.push({ coll: name, id: String(d._id), doc: d });
  }

  // the files are staged beside the store and put in place once the documents are committed
  fs.mkdirSync(dataDir, { recursive: true });
  const staging = path.join(dataDir, `park-import-${process.pid}`);
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    for (const f of m.files) {
      writeFileIn(path.join(staging, 'storage'), f.path, fs.readFileSync(path.join(exportDir, 'files', ...f.path.split('/'))));
      writeFileIn(path.join(staging, 'storage-meta'), `${f.path}.json`, JSON.stringify({ openid: f.owner }));
    }
    const store = new SqliteStore(dataDir);
    try {
      store.applyWrites(writes); // one sqlite transaction: every document or none
    } finally {
      store.close();
    }
    for (const dir of ['storage', 'storage-meta']) {
      if (!fs.existsSync(path.join(staging, dir))) continue;
      fs.rmSync(path.join(dataDir, dir), { recursive: true, force: true });
      fs.renameSync(path.join(staging, dir), path.join(dataDir, dir));
    }
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }

  const rows = compareMove(m, movedState(dataDir));
  return { ok: rows.every((r) => r.ok), rows, manifest: m, fileIdPrefix: prefix, rewritten };
}

// ---- the command line ----

/** The comparison as a table. */
export function formatRows(rows: MoveRow[]): string {
  const head = { item: 'item', expected: 'manifest', actual: 'found', ok: true };
  const all = [head, ...rows];
  const w = (k: 'item' | 'expected' | 'actual') => Math.max(...all.map((r) => r[k].length));
  const line = (r: MoveRow, mark: string) => `${mark} ${r.item.padEnd(w('item'))}  ${r.expected.padEnd(w('expected'))}  ${r.actual}`;
  return [line(head, ' '), ...rows.map((r) => line(r, r.ok ? '✓' : '✗'))].join('\n');
}

interface Args {
  positional: string[];
  flags: Map<string, string | true>;
}

function parseArgs(argv: string[], withValue: string[]): Args {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = a.slice(2, eq < 0 ? undefined : eq);
    if (eq >= 0) flags.set(name, a.slice(eq + 1));
    else if (withValue.includes(name)) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw new MoveRefused(`--${name} needs a value`);
      flags.set(name, v);
      i += 1;
    } else flags.set(name, true);
  }
  return { positional, flags };
}

const str = (a: Args, name: string): string | undefined => {
  const v = a.flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** Paths on the command line are the caller's, not the repository's (npm run changes the directory). */
const fromCaller = (p: string) => path.resolve(process.env.INIT_CWD ?? process.cwd(), p);

const EXPORT_USAGE = `npm run park:export -- [--data <dir>] [--out <dir>] [--env <env>.<bucket>] [--rebind] [--source-env <env>]
  --data        the local cloud's data folder (default: YARDSTICK_DATA, else .park-data if it exists, else .data); the cloud stopped
  --out         where the export goes (default park-export/<YYYY-MM-DD-HHmm>/)
  --env         write file ids for this WeChat Cloud environment, <env>.<bucket> as in any file id in 云开发控制台 → 存储
  --rebind      for WeChat Cloud: the local sign-ins stay behind, everyone binds again; fresh invite codes for the 组织员
  --source-env  the local cloud's environment id, if it was not yardstick-local`;

const IMPORT_USAGE = `npm run park:import -- <exportDir> [--data <dir>] [--env <env>]
  --data  the local cloud data folder to fill, empty (default .park-data)
  --env   its environment id (default yardstick-local), for the file ids`;

/** `npm run park:export`: returns the exit code. */
export function exportCli(argv: string[], root: string): number {
  const a = parseArgs(argv, ['data', 'out', 'env', 'source-env']);
  if (a.flags.has('help')) {
    console.log(EXPORT_USAGE);
    return 0;
  }
  const data = str(a, 'data') ?? process.env.YARDSTICK_DATA;
  const dataDir = data ? fromCaller(data) : fs.existsSync(path.join(root, '.park-data')) ? path.join(root, '.park-data') : path.join(root, '.data');
  const now = Date.now();
  const out = str(a, 'out');
  const r = exportPark({
    dataDir,
    outDir: out ? fromCaller(out) : defaultExportDir(root, now),
    sourceEnv: str(a, 'source-env'),
    targetEnv: str(a, 'env'),
    rebind: a.flags.get('rebind') === true,
    now,
  });
  const m = r.manifest;
  console.log(`exported ${dataDir}\n     to ${r.outDir}\n`);
  for (const c of m.collections) console.log(`  ${c.name.padEnd(20)} ${String(c.count).padStart(7)}  ${c.file}`);
  console.log(
    `\n  storage files: ${m.files.length} (under files/); file ids referenced: ${m.referencedFileIds.length}; written as ${m.fileIdPrefix}…`,
  );
  console.log(
    `  audit chain: ${m.audit.entries} entries, head ${m.audit.fingerprint ?? 'none'}${m.audit.ok ? ', verifies' : `, BROKEN: ${m.audit.problem ?? ''}`}`,
  );
  console.log(`  left behind: ${m.skipped.map((s) => `${s.name} (${s.count})`).join(', ') || 'nothing'} — reasons in manifest.json`);
  if (r.adminInvites.length) {
    console.log(
      `\n  组织员 invite codes (also in admin-invites.txt; valid until ${inPark(r.adminInvites[0]?.expiresAt ?? now).format('YYYY-MM-DD HH:mm')}):`,
    );
    for (const i of r.adminInvites) console.log(`    ${i.name} (${i.memberId}): ${i.code}`);
  }
  for (const w of r.warnings) console.warn(`\n  ! ${w}`);
  console.log(`\nnote the head fingerprint ${m.audit.fingerprint ?? '(none)'}: after the move the 审计记录 page must show it.`);
  console.log(`The folder holds the park's personal data: keep it as you keep the database, and delete it after the move.`);
  return 0;
}

/** `npm run park:import`: returns the exit code. */
export function importCli(argv: string[], root: string): number {
  const a = parseArgs(argv, ['data', 'env']);
  if (a.flags.has('help') || a.positional.length !== 1) {
    console.log(IMPORT_USAGE);
    return a.flags.has('help') ? 0 : 2;
  }
  const data = str(a, 'data');
  const dataDir = data ? fromCaller(data) : path.join(root, '.park-data');
  const r = importPark({ exportDir: fromCaller(a.positional[0] ?? ''), dataDir, env: str(a, 'env') });
  console.log(`imported into ${dataDir} (environment ${envOfPrefix(r.fileIdPrefix)}; ${r.rewritten} file id(s) rewritten to ${r.fileIdPrefix}…)\n`);
  console.log(formatRows(r.rows));
  if (!r.ok) {
    console.error(`\n✖ the imported environment differs from the export (✗ above): do not use it; delete ${dataDir} and look into it.`);
    return 1;
  }
  console.log(`\n✔ every count, the audit head ${r.manifest.audit.fingerprint ?? '(none)'} and the chain check out.`);
  return 0;
}

/** Run a CLI, turning a refusal into its message (and table) and exit code 1. */
export function runCli(cli: () => number): number {
  try {
    return cli();
  } catch (e) {
    if (!(e instanceof MoveRefused)) throw e;
    console.error(`✖ ${e.message}`);
    if (e.rows.length) console.error(formatRows(e.rows));
    return 1;
  }
}

/**
 * Moving a park (scripts/park-move.ts): the demo park, with an audited change and a report's photo, exported from a
 * stopped local cloud and imported into an empty one under another environment id; the imported park then checked
 * through the real functions. Also: a non-empty target and a tampered export are refused and nothing is written;
 * the sign-ins reset for WeChat Cloud (--rebind) let the 组织员 bind with the code the export gives.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listDemoPeople } from '../../demo/seed';
import { startLocalCloud, type LocalCloud } from '../../localcloud/src/index';
import { SqliteStore } from '../../localcloud/src/store';
import { exportPark, importPark, MoveRefused, type ExportResult } from '../../scripts/park-move';
import type { ChainHead } from '../../shared/audit/chain';
import { dayOf } from '../../shared/common/time';
import { cloudClient, type CloudClient } from '../support/client';
import { data, repoRoot, startTestCloud, TEST_PLAN, type TestCloud } from '../support/cloud';

const tmp = mkdtempSync(join(tmpdir(), 'yardstick-park-move-'));
const MOVED_ENV = 'yardstick-moved';
const JPEG = Buffer.from('\xff\xd8\xff\xe0 a photo of the visit', 'latin1');

let src: TestCloud;
let exported: ExportResult;
/** The source park as it was when its cloud stopped. */
let counts: Record<string, number>;
let head: ChainHead;
let photoFileId: string;

/** A local cloud on a data folder of our own (the test cloud's stop() deletes its folder). */
async function cloudOn(dataDir: string, envId: string): Promise<CloudClient> {
  const cloud: LocalCloud = await startLocalCloud({
    dataDir,
    functionsDir: join(repoRoot, 'cloudfunctions'),
    port: 0,
    demo: true,
    plan: TEST_PLAN,
    envId,
    listDemoPeople: () => listDemoPeople(cloud.store),
  });
  return cloudClient(cloud);
}

function countsOf(store: { collections(): string[]; count(c: string): number }): Record<string, number> {
  return Object.fromEntries(store.collections().map((c) => [c, store.count(c)]));
}

const fresh = (tag: string) => join(tmp, tag);

beforeAll(async () => {
  src = await startTestCloud();
  // an audited change (the demo's seed writes no audit entries)
  const admin = await src.as('M002');
  data(await src.call(admin, 'park', 'saveSettings', { parkName: '吉州工业园区', headScoring: 'overseeing' }));
  data(await src.call(admin, 'park', 'saveSettings', { parkName: '吉州工业园区', headScoring: 'anyLeader' }));
  // a report with a photo the cadre uploaded
  const cadre = await src.as('M009');
  const up = await fetch(`${src.cloud.url}/api/upload?cloudPath=${encodeURIComponent('reports/M009/move.jpg')}`, {
    method: 'POST',
    headers: { 'x-session': cadre, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(JPEG),
  });
  photoFileId = ((await up.json()) as { fileID: string }).fileID;
  expect(photoFileId).toBe('cloud://yardstick-local.local/reports/M009/move.jpg');
  const [enterprise] = (await src.cloud.store.find('enterprises')) as { _id: string }[];
  data(
    await src.call(cadre, 'dossier', 'recordVisit', {
      enterpriseId: enterprise?._id ?? '',
      date: dayOf(Date.now()),
      note: `现场查看（照片 ${photoFileId}）`,
      photoFileIds: [photoFileId],
    }),
  );
  // while the cloud runs, its folder is not exported
  expect(() => exportPark({ dataDir: src.dataDir, outDir: fresh('while-running') })).toThrow(/in use/);
  expect(existsSync(fresh('while-running'))).toBe(false);

  counts = countsOf(src.cloud.store);
  const h = src.cloud.store.peek('auditHead', 'head');
  head = { seq: Number(h?.seq), hash: String(h?.hash) };
  // stop the cloud but keep its folder (the test cloud's own stop() removes it, in afterAll)
  await src.cloud.stop();
  exported = exportPark({ dataDir: src.dataDir, outDir: fresh('export') });
});

afterAll(async () => {
  await src.stop();
  rmSync(tmp, { recursive: true, force: true });
});

describe('the export', () => {
  it('writes one JSON Lines file a collection, the files, and a manifest with counts, SHA-256s and the audit head', () => {
    const m = exported.manifest;
    expect(m.sourceEnv).toBe('yardstick-local');
    expect(m.audit).toMatchObject({ entries: 2, head, fingerprint: `#${head.seq}·${head.hash.slice(0, 16)}`, ok: true, problem: null });
    const moved = Object.fromEntries(m.collections.map((c) => [c.name, c.count]));
    const { requests: _r, importPlans: _i, ...expected } = counts;
    expect(moved).toEqual(expected);
    expect(m.skipped.map((s) => s.name)).toEqual(['importPlans', 'requests', 'platform/']);
    for (const s of m.skipped) expect(s.reason.length).toBeGreaterThan(20);
    expect(m.create).toEqual(expect.arrayContaining(['requests', 'importPlans', 'members', 'auditLog']));
    const lines = readFileSync(join(exported.outDir, 'members.json'), 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(counts.members ?? -1);
    expect(JSON.parse(lines[0] ?? '')).toHaveProperty('_id');
    expect(m.files).toEqual([{ path: 'reports/M009/move.jpg', size: JPEG.length, sha256: expect.any(String), owner: 'demo_M009' }]);
    expect(readFileSync(join(exported.outDir, 'files', 'reports', 'M009', 'move.jpg')).equals(JPEG)).toBe(true);
    expect(m.referencedFileIds).toEqual([photoFileId]);
    expect(m.missingFiles).toEqual([]);
    expect(exported.warnings).toEqual([]);
    // no half-written folder is left beside it
    expect(readdirSync(tmp).filter((f) => f.includes('partial'))).toEqual([]);
  });
});

describe('the import into an empty environment, checked through the real functions', () => {
  let moved: CloudClient;
  beforeAll(async () => {
    const r = importPark({ exportDir: exported.outDir, dataDir: fresh('moved'), env: MOVED_ENV });
    expect(r.rows.filter((x) => !x.ok)).toEqual([]);
    expect(r.ok).toBe(true);
    expect(r.rewritten).toBeGreaterThanOrEqual(1);
    moved = await cloudOn(fresh('moved'), MOVED_ENV);
  });
  afterAll(() => moved.cloud.stop());

  it('holds every collection with the count it had, the replay records left behind', () => {
    const { requests: _r, importPlans: _i, ...expected } = counts;
    expect(countsOf(moved.cloud.store)).toEqual(expected);
  });

  it('verifies the audit chain intact, with the same head, for the 组织员', async () => {
    const check = data(await moved.call(await moved.as('M002'), 'audit', 'verify', { anchors: [head] }));
    expect(check).toMatchObject({ ok: true, count: 2, head, fingerprint: exported.manifest.audit.fingerprint, problem: null });
  });

  it('lets a cadre read their dossier, and their report’s photo still downloads under the new environment', async () => {
    const view = data(await moved.call(await moved.as('M009'), 'dossier', 'mine', {}));
    const report = view.recent.find((x) => x.note.startsWith('现场查看'));
    expect(report?.photoUrls).toHaveLength(1);
    const res = await fetch(String(report?.photoUrls[0]));
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(JPEG)).toBe(true);
    // the id was moved to the new environment; the note that mentions it was not touched
    const [doc] = (await moved.cloud.store.find('reports', { photoFileIds: { $size: 1 } })) as { photoFileIds: string[]; note: string }[];
    expect(doc?.photoFileIds).toEqual([`cloud://${MOVED_ENV}.local/reports/M009/move.jpg`]);
    expect(doc?.note).toContain(photoFileId);
  });
});

describe('what the import refuses, writing nothing', () => {
  it('refuses a store that holds documents', () => {
    const dir = fresh('occupied');
    const store = new SqliteStore(dir);
    store.insertMany('members', [{ _id: 'X1', name: '已有' }]);
    store.close();
    expect(() => importPark({ exportDir: exported.outDir, dataDir: dir })).toThrow(/not empty \(members 1\)/);
    const after = new SqliteStore(dir);
    expect(countsOf(after)).toEqual({ members: 1 });
    after.close();
    expect(existsSync(join(dir, 'storage'))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('park-import'))).toEqual([]);
  });

  it('refuses an export whose file was changed after it was written (one line), naming the file', () => {
    const tampered = fresh('tampered');
    cpSync(exported.outDir, tampered, { recursive: true });
    const file = join(tampered, 'members.json');
    const lines = readFileSync(file, 'utf8').split('\n');
    lines[0] = (lines[0] ?? '').replace(/"name":"[^"]*"/, '"name":"改过的名字"');
    writeFileSync(file, lines.join('\n'));
    const dir = fresh('after-tamper');
    let refusal: unknown;
    try {
      importPark({ exportDir: tampered, dataDir: dir });
    } catch (e) {
      refusal = e;
    }
    expect(refusal).toBeInstanceOf(MoveRefused);
    expect((refusal as MoveRefused).message).toMatch(/do not match its manifest/);
    expect((refusal as MoveRefused).rows.map((r) => r.item)).toEqual(['members.json']);
    expect(existsSync(dir)).toBe(false);
  });
});

describe('for WeChat Cloud: file ids for its environment, and sign-ins reset (--rebind)', () => {
  const WECHAT = 'prod-1a2b.7072-prod-1a2b-1300000000';
  let r: ExportResult;
  let moved: CloudClient;
  beforeAll(async () => {
    r = exportPark({ dataDir: src.dataDir, outDir: fresh('for-wechat'), targetEnv: WECHAT, rebind: true });
    const dir = fresh('rebound');
    expect(importPark({ exportDir: r.outDir, dataDir: dir, env: MOVED_ENV }).ok).toBe(true);
    moved = await cloudOn(dir, MOVED_ENV);
  });
  afterAll(() => moved.cloud.stop());

  it('writes the WeChat environment’s file ids, leaves the local sign-ins behind and gives the 组织员 a code', () => {
    const m = r.manifest;
    expect(m.fileIdPrefix).toBe(`cloud://${WECHAT}/`);
    expect(readFileSync(join(r.outDir, 'reports.json'), 'utf8')).toContain(`"photoFileIds":["cloud://${WECHAT}/reports/M009/move.jpg"]`);
    // the audit log is written as it is (its hashes cover it), and the head is the same
    expect(m.audit.head).toEqual(head);
    expect(m.skipped.map((s) => s.name)).toEqual(expect.arrayContaining(['bindings', 'reminderSubs', 'requests']));
    expect(m.rebind).toMatchObject({ members: counts.members, bindingsLeft: counts.bindings });
    expect(r.adminInvites.map((a) => a.memberId)).toEqual(['M002']);
    expect(readFileSync(join(r.outDir, 'admin-invites.txt'), 'utf8')).toContain(r.adminInvites[0]?.code);
    expect(JSON.stringify(m)).not.toContain(r.adminInvites[0]?.code);
  });

  it('lets nobody in on an old sign-in; the 组织员 binds with the code and finds the chain intact', async () => {
    expect(await moved.call(await moved.as('M002'), 'audit', 'verify', { anchors: [] })).toMatchObject({ code: 'UNBOUND' });
    const { token } = await moved.newUser();
    data(await moved.call(token, 'members', 'bind', { code: r.adminInvites[0]?.code ?? '' }));
    const check = data(await moved.call(token, 'audit', 'verify', { anchors: [head] }));
    expect(check).toMatchObject({ ok: true, head });
  });
});

describe('the command line', () => {
  const run = (script: string, args: string[]) =>
    spawnSync(process.execPath, [join(repoRoot, 'scripts', script), ...args], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, INIT_CWD: tmp },
    });

  it('exports and imports with npm run park:export / park:import, printing the comparison, and fails on a refusal', () => {
    const out = run('park-export.mjs', ['--data', src.dataDir, '--out', 'cli-export']);
    expect(out.stderr).toBe('');
    expect(out.status).toBe(0);
    expect(out.stdout).toContain(exported.manifest.audit.fingerprint);
    const imp = run('park-import.mjs', ['cli-export', '--data', 'cli-moved']);
    expect(imp.status).toBe(0);
    expect(imp.stdout).toMatch(/✓ audit head +#\d+·/);
    expect(imp.stdout).not.toContain('✗');
    const again = run('park-import.mjs', ['cli-export', '--data', 'cli-moved']);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty/);
  });
});

/** Moving a park: which collections move, the import format, file-id rewriting, the manifest and its checks. */
import { HEAD_ID, entryId } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import { nextEntry, type AuditEntry, type AuditFields } from '../../../shared/audit/chain';
import { INVITE } from '../../../shared/members/config';
import type { InviteDoc } from '../../../shared/members/invite';
import type { MemberDoc } from '../../../shared/members/member';
import {
  AUDIT_HEAD,
  AUDIT_HEAD_ID,
  AUDIT_LOG,
  LEFT_BEHIND,
  LEFT_BEHIND_ON_REBIND,
  MOVE_FORMAT,
  MOVE_VERSION,
  auditState,
  chainOrder,
  checkExportFiles,
  cloudPathProblem,
  cloudPathOf,
  compareMove,
  fileIdPrefix,
  fileIdsIn,
  fromImportLine,
  importFileName,
  importLineProblems,
  leftBehind,
  leftBehindList,
  parseImportFile,
  parseManifest,
  rebindSignIns,
  rewriteCollection,
  rewriteFileIds,
  toImportLine,
  type ParkManifest,
} from '../../../shared/park/move';

const OLD = 'cloud://yardstick-local.local/';
const NEW = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/';
const sha = (c: string) => c.repeat(64);

describe('which collections move', () => {
  it('leaves the replay records and import previews behind, and names only collections the functions use', () => {
    expect(leftBehind('requests', { rebind: false })).toMatch(/replay/);
    expect(leftBehind('importPlans', { rebind: false })).toMatch(/preview/);
    expect(leftBehind('members', { rebind: false })).toBeNull();
    expect(leftBehind('bindings', { rebind: false })).toBeNull();
    expect(leftBehind('bindings', { rebind: true })).toMatch(/sign-ins/);
    expect(leftBehind('reminderSubs', { rebind: true })).toMatch(/acceptances/);
    const names: string[] = Object.values(COLL);
    for (const n of [...Object.keys(LEFT_BEHIND), ...Object.keys(LEFT_BEHIND_ON_REBIND)]) expect(names).toContain(n);
    // nothing inherited from Object.prototype counts as a reason
    expect(leftBehind('constructor', { rebind: true })).toBeNull();
  });

  it('lists what stays behind with its reason and count, the rules’ collections even when empty, and the platform’s store', () => {
    const list = leftBehindList({ members: 83, requests: 7 }, { subscriptions: 3, outbox: 2 }, { rebind: false });
    expect(list.map((x) => [x.name, x.count])).toEqual([
      ['importPlans', 0],
      ['requests', 7],
      ['platform/outbox', 2],
      ['platform/subscriptions', 3],
    ]);
    expect(list.every((x) => x.reason.length > 20)).toBe(true);
    expect(leftBehindList({ bindings: 80 }, {}, { rebind: true }).map((x) => [x.name, x.count])).toEqual([
      ['bindings', 80],
      ['importPlans', 0],
      ['reminderSubs', 0],
      ['requests', 0],
      ['platform/', 0],
    ]);
  });

  it('names the audit chain as the functions write it', () => {
    expect([AUDIT_LOG, AUDIT_HEAD, AUDIT_HEAD_ID]).toEqual([COLL.auditLog, COLL.auditHead, HEAD_ID]);
  });
});

describe('file ids', () => {
  it('takes an environment as <env>.<bucket>, or <env> where the bucket is known', () => {
    expect(fileIdPrefix('yardstick-local', 'local')).toBe(OLD);
    expect(fileIdPrefix('prod-1a2b.7072-prod-1a2b-1300000000')).toBe(NEW);
    expect(() => fileIdPrefix('prod-1a2b')).toThrow(/bucket/);
    expect(() => fileIdPrefix('prod/1a2b', 'local')).toThrow(/environment/);
    expect(() => fileIdPrefix('a.b c')).toThrow(/bucket/);
    expect(cloudPathOf(`${OLD}reports/M009/a.jpg`, OLD)).toBe('reports/M009/a.jpg');
    expect(cloudPathOf(`${NEW}reports/M009/a.jpg`, OLD)).toBeNull();
  });

  it('rewrites file ids in nested documents and arrays, and returns a copy', () => {
    const at = new Date(1_760_000_000_000);
    const doc = {
      _id: 'R1',
      photoFileIds: [`${OLD}reports/M009/a.jpg`, `${OLD}reports/M009/b.png`],
      nested: { deeper: [{ qr: `${OLD}invites/ABCD.png` }, [`${OLD}x/y.png`]] },
      at,
      n: 3,
      ok: true,
      none: null,
    };
    const r = rewriteFileIds(doc, OLD, NEW);
    expect(r.count).toBe(4);
    expect(r.value).toEqual({
      _id: 'R1',
      photoFileIds: [`${NEW}reports/M009/a.jpg`, `${NEW}reports/M009/b.png`],
      nested: { deeper: [{ qr: `${NEW}invites/ABCD.png` }, [`${NEW}x/y.png`]] },
      at,
      n: 3,
      ok: true,
      none: null,
    });
    expect(r.value.at).toBeInstanceOf(Date);
    expect(r.value.at).not.toBe(at);
    // the original is untouched
    expect(doc.photoFileIds[0]).toBe(`${OLD}reports/M009/a.jpg`);
  });

  it('never touches other strings: notes that mention a file id, other environments, keys, near misses', () => {
    const doc = {
      _id: `${OLD}not-rewritten-as-an-id?`,
      note: `照片见 ${OLD}reports/M009/a.jpg`,
      trailing: `${OLD}reports/M009/a.jpg `,
      other: `cloud://another-env.local/reports/M009/a.jpg`,
      prefixOnly: OLD,
      http: 'https://example.com/reports/M009/a.jpg',
      map: { [`${OLD}reports/k.jpg`]: 1 },
      name: '吉州工业园区',
    };
    const r = rewriteFileIds(doc, OLD, NEW);
    expect(r.value).toEqual({ ...doc, _id: `${NEW}not-rewritten-as-an-id?` });
    expect(r.count).toBe(1);
    // from and to the same prefix: nothing changes
    expect(rewriteFileIds(doc, OLD, OLD).count).toBe(0);
  });

  it('keeps the audit log verbatim: its entries are hashed', () => {
    const entry = { _id: '0000000001', data: { file: `${OLD}a/b.png` } };
    expect(rewriteCollection(AUDIT_LOG, [entry], OLD, NEW)).toEqual({ docs: [entry], count: 0 });
    expect(rewriteCollection('reports', [entry], OLD, NEW).count).toBe(1);
  });

  it('finds every file id a document references', () => {
    const ids = fileIdsIn({ a: [`${OLD}a.jpg`, { b: `${NEW}b.png` }], note: `see ${OLD}c.jpg`, n: 1 });
    expect([...ids].sort()).toEqual([`${NEW}b.png`, `${OLD}a.jpg`]);
  });
});

describe('the import format (JSON Lines, dates as {"$date": ISO})', () => {
  it('writes one line a document and reads it back, dates as dates', () => {
    const doc = { _id: 'X1', at: new Date('2026-03-01T08:00:00.000Z'), list: [new Date(0), 'a\nb'], n: 1.5, inner: { skip: undefined, keep: 0 } };
    const line = toImportLine(doc);
    expect(line).not.toContain('\n');
    expect(JSON.parse(line)).toEqual({
      _id: 'X1',
      at: { $date: '2026-03-01T08:00:00.000Z' },
      list: [{ $date: '1970-01-01T00:00:00.000Z' }, 'a\nb'],
      n: 1.5,
      inner: { keep: 0 },
    });
    expect(fromImportLine(line)).toEqual({
      _id: 'X1',
      at: new Date('2026-03-01T08:00:00.000Z'),
      list: [new Date(0), 'a\nb'],
      n: 1.5,
      inner: { keep: 0 },
    });
  });

  it('names what WeChat’s importer would refuse or change', () => {
    expect(importLineProblems({ _id: 'ok', a: { b: 1 }, 'x.y': 2, list: [1, 'a', null, true] })).toEqual([]);
    const problems = importLineProblems({
      _id: 'bad',
      '.a': 1,
      'b.': 2,
      'c..d': 3,
      $e: 4,
      f: { g: 1 },
      'f.g': 2,
      n: NaN,
      inf: [Infinity],
      re: /x/,
      holes: [undefined],
      when: new Date(NaN),
    });
    expect(problems.join('\n')).toMatch(/\$\.\.a: the key/);
    expect(problems.join('\n')).toMatch(/\$\.b\.: the key/);
    expect(problems.join('\n')).toMatch(/\$\.c\.\.d: the key/);
    expect(problems.join('\n')).toMatch(/\$\.\$e: the key starts with "\$"/);
    expect(problems.join('\n')).toMatch(/\$\.f\.g: the key is ambiguous/);
    expect(problems.join('\n')).toMatch(/\$\.n: NaN/);
    expect(problems.join('\n')).toMatch(/\$\.inf\[0\]: Infinity/);
    expect(problems.join('\n')).toMatch(/\$\.re: a value of type RegExp/);
    expect(problems.join('\n')).toMatch(/\$\.holes\[0\]: undefined/);
    expect(problems.join('\n')).toMatch(/\$\.when: an invalid date/);
    expect(importLineProblems({ name: 'no id' })).toEqual(['_id is neither a string nor a number']);
  });

  it('reads a file, and names the line that does not read or repeats an _id', () => {
    expect(parseImportFile('{"_id":"a"}\n{"_id":2}\n').docs).toEqual([{ _id: 'a' }, { _id: 2 }]);
    expect(parseImportFile('{"_id":"a"}\r\n').docs).toEqual([{ _id: 'a' }]);
    expect(parseImportFile('').docs).toEqual([]);
    expect(parseImportFile('{"_id":"a"}\n{"_id":"a"}\n[1]\n{"x":1}\nnot json\n').problems).toEqual([
      'line 2: _id a again',
      'line 3: not a JSON object',
      'line 4: no _id',
      expect.stringMatching(/^line 5: /),
    ]);
    expect(importFileName('auditLog')).toBe('auditLog.json');
    expect(() => importFileName('../x')).toThrow();
  });
});

const fields = (n: number): AuditFields => ({
  kind: 'park.settings',
  actorId: 'M002',
  actorName: '李玥',
  at: 1_760_000_000_000 + n,
  subject: 'park:park',
  reason: '',
  data: { n },
});

function chain(n: number): (AuditEntry & { _id: string })[] {
  const out: (AuditEntry & { _id: string })[] = [];
  for (let i = 1; i <= n; i += 1) {
    const prev = out[out.length - 1];
    out.push({ _id: entryId(i), ...nextEntry(prev ? { seq: prev.seq, hash: prev.hash } : null, fields(i)) });
  }
  return out;
}

describe('the audit chain in the manifest', () => {
  it('records the head, its fingerprint and whether the chain verifies, in the order of the entries’ ids', () => {
    const entries = chain(12);
    const head = { seq: 12, hash: entries[11]?.hash ?? '' };
    const shuffled = [...entries].reverse();
    const s = auditState(chainOrder(shuffled), head);
    expect(s).toEqual({ entries: 12, head, fingerprint: `#12·${head.hash.slice(0, 16)}`, ok: true, problem: null });
    const altered = entries.map((e) => (e.seq === 5 ? { ...e, reason: 'changed' } : e));
    expect(auditState(chainOrder(altered), head)).toMatchObject({ ok: false, problem: '第5条记录的内容被改动' });
    expect(auditState([], null)).toEqual({ entries: 0, head: null, fingerprint: null, ok: true, problem: null });
  });
});

function manifest(over: Partial<ParkManifest> = {}): ParkManifest {
  const entries = chain(3);
  const head = { seq: 3, hash: entries[2]?.hash ?? '' };
  return {
    format: MOVE_FORMAT,
    version: MOVE_VERSION,
    sourceEnv: 'yardstick-local',
    fileIdPrefix: OLD,
    exportedAt: 1_760_000_000_000,
    exportedAtText: '2025-10-09 16:53:20 +08:00',
    collections: [
      { name: 'members', file: 'members.json', count: 83, sha256: sha('a') },
      { name: 'auditLog', file: 'auditLog.json', count: 3, sha256: sha('b') },
    ],
    create: ['auditLog', 'members', 'requests'],
    skipped: [{ name: 'requests', reason: 'replay', count: 4 }],
    files: [{ path: 'reports/M009/a.jpg', size: 10, sha256: sha('c'), owner: 'demo_M009' }],
    referencedFileIds: [`${OLD}reports/M009/a.jpg`],
    missingFiles: [],
    foreignFileIds: [],
    audit: auditState(chainOrder(entries), head),
    rebind: null,
    ...over,
  };
}

describe('the manifest and its checks', () => {
  it('reads back what an export writes, and says why a file is not a manifest', () => {
    const m = manifest();
    expect(parseManifest(JSON.parse(JSON.stringify(m)))).toEqual({ manifest: m });
    expect(parseManifest({ ...m, format: 'other' })).toEqual({ problem: expect.stringMatching(/format/) });
    expect(parseManifest({ ...m, collections: [{ name: 'x', file: '../x.json', count: 1, sha256: sha('a') }] })).toEqual({
      problem: expect.stringMatching(/collections\.0\.file/),
    });
    expect(parseManifest(null)).toEqual({ problem: expect.stringMatching(/root/) });
    // the import writes each file under its path: none may lead out of the storage folder
    for (const path of ['../../etc/passwd', '/abs.png', 'a//b.png', 'a/./b.png', 'a\\b.png', '']) {
      expect(cloudPathProblem(path)).not.toBeNull();
      expect(parseManifest({ ...m, files: [{ path, size: 1, sha256: sha('c'), owner: '' }] })).toEqual({
        problem: expect.stringMatching(/files\.0\.path/),
      });
    }
    expect(cloudPathProblem('reports/M009/a.jpg')).toBeNull();
  });

  it('names each export file whose SHA-256 differs from the manifest, or that is missing', () => {
    const m = manifest();
    const good = { collections: { 'members.json': sha('a'), 'auditLog.json': sha('b') }, files: { 'reports/M009/a.jpg': sha('c') } };
    expect(checkExportFiles(m, good)).toEqual([]);
    const rows = checkExportFiles(m, { collections: { 'members.json': sha('d'), 'auditLog.json': null }, files: { 'reports/M009/a.jpg': sha('e') } });
    expect(rows.map((r) => [r.item, r.ok])).toEqual([
      ['members.json', false],
      ['auditLog.json', false],
      ['files/reports/M009/a.jpg', false],
    ]);
    expect(rows[0]).toMatchObject({ expected: `SHA-256 ${'a'.repeat(16)}…`, actual: `SHA-256 ${'d'.repeat(16)}…` });
    expect(rows[1]?.actual).toBe('missing');
  });

  it('compares an imported environment with the manifest, a row each, naming what differs', () => {
    const m = manifest();
    const same = { counts: { members: 83, auditLog: 3 }, audit: m.audit, files: { 'reports/M009/a.jpg': sha('c') } };
    const rows = compareMove(m, same);
    expect(rows.every((r) => r.ok)).toBe(true);
    expect(rows.map((r) => r.item)).toEqual(['members', 'auditLog', 'audit head', 'audit chain', 'storage files']);
    expect(rows[2]?.actual).toContain(m.audit.fingerprint ?? 'x');

    const other = chain(2);
    const bad = compareMove(m, {
      counts: { members: 82, auditLog: 3, stray: 1 },
      audit: auditState(chainOrder(other), { seq: 2, hash: other[1]?.hash ?? '' }),
      files: {},
    });
    const failed = bad.filter((r) => !r.ok).map((r) => r.item);
    expect(failed).toEqual(['members', 'stray', 'audit head', 'audit chain', 'storage files', 'files/reports/M009/a.jpg']);
    expect(bad.find((r) => r.item === 'members')).toMatchObject({ expected: '83', actual: '82' });
    expect(bad.find((r) => r.item === 'files/reports/M009/a.jpg')).toMatchObject({ actual: 'missing' });

    // a chain broken after the move is named with its problem
    const broken = chain(3).map((e) => (e.seq === 2 ? { ...e, reason: 'x' } : e));
    const b = compareMove(m, { ...same, audit: auditState(chainOrder(broken), m.audit.head) });
    expect(b.find((r) => r.item === 'audit chain')).toMatchObject({ ok: false, actual: expect.stringMatching(/第2条记录的内容被改动/) });
    expect(b.find((r) => r.item === 'audit head')?.ok).toBe(true);
  });
});

describe('sign-ins for WeChat Cloud', () => {
  const person = (id: string, roles: MemberDoc['roles'], active = true): MemberDoc => ({
    _id: id,
    name: `人${id}`,
    roles,
    sectionId: null,
    post: null,
    enterpriseId: null,
    active,
    bound: true,
  });

  it('unbinds everyone and gives each active 组织员 a fresh invite code', () => {
    const members = [person('M001', ['leader']), person('M002', ['leader', 'admin']), person('M090', ['admin'], false), person('M003', ['cadre'])];
    const old: InviteDoc = { _id: 'AAAAAAAA', memberId: 'M003', issuedBy: 'M002', issuedAt: 1, expiresAt: 2, usedAt: 1, usedByOpenid: 'o_local_x' };
    // the first draw collides with an existing code and is drawn again
    const draws = [new Uint8Array(INVITE.length).fill(0), new Uint8Array(INVITE.length).fill(1)];
    const now = 1_760_000_000_000;
    const r = rebindSignIns(members, [old], now, () => draws.shift() ?? new Uint8Array(INVITE.length).fill(2));
    expect(r.members.map((m) => [m._id, m.bound])).toEqual([
      ['M001', false],
      ['M002', false],
      ['M090', false],
      ['M003', false],
    ]);
    expect(members[0]?.bound).toBe(true);
    expect(r.admins).toHaveLength(1);
    const code = r.admins[0]?.code ?? '';
    expect(code).not.toBe('AAAAAAAA');
    expect(code).toHaveLength(INVITE.length);
    expect(r.invites).toEqual([
      old,
      {
        _id: code,
        memberId: 'M002',
        issuedBy: 'M002',
        issuedAt: now,
        expiresAt: now + INVITE.ttlDays * 86_400_000,
        usedAt: null,
        usedByOpenid: null,
      },
    ]);
  });
});

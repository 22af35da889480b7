/** The storage security rules evaluator: WeChat's documented examples, the product's rules file, and failure modes. */
import fs from 'node:fs';
import path from 'node:path';
import { StorageRules, type RuleContext } from '../../localcloud/src/storage-rules';

const ctx = (openid: string | null, owner: string | null, p = 'reports/M010/20260301-abc.jpg'): RuleContext => ({
  auth: openid === null ? null : { openid },
  resource: { openid: owner, path: p },
  now: Date.now(),
});

test('WeChat’s preset rules behave as documented', () => {
  const creatorWrites = new StorageRules({ read: true, write: 'resource.openid == auth.openid' });
  expect(creatorWrites.allows('read', ctx(null, 'o_a'))).toBe(true);
  expect(creatorWrites.allows('write', ctx('o_a', 'o_a'))).toBe(true);
  expect(creatorWrites.allows('write', ctx('o_b', 'o_a'))).toBe(false);
  // not signed in: reading a property of null fails, and a failed rule denies
  expect(creatorWrites.allows('write', ctx(null, null))).toBe(false);
  const adminOnly = new StorageRules({ read: false, write: false });
  expect(adminOnly.allows('read', ctx('o_a', 'o_a'))).toBe(false);
  // an empty rule set denies everything (the console's default)
  expect(new StorageRules({}).allows('write', ctx('o_a', 'o_a'))).toBe(false);
  const signedIn = new StorageRules({ read: 'auth != null', write: "auth != null && auth.openid in ['o_a', 'o_c']" });
  expect(signedIn.allows('read', ctx('o_x', ''))).toBe(true);
  expect(signedIn.allows('read', ctx(null, ''))).toBe(false);
  expect(signedIn.allows('write', ctx('o_c', ''))).toBe(true);
  expect(signedIn.allows('write', ctx('o_b', ''))).toBe(false);
});

test('regex literals test the path, compared with true as the documentation asks', () => {
  const r = new StorageRules({ write: "/^public\\//.test(resource.path) == true && !(resource.path == 'public/locked.png')" });
  expect(r.allows('write', ctx('o_a', 'o_a', 'public/a.png'))).toBe(true);
  expect(r.allows('write', ctx('o_a', 'o_a', 'public/locked.png'))).toBe(false);
  expect(r.allows('write', ctx('o_a', 'o_a', 'private/a.png'))).toBe(false);
});

test('the product’s rules: clients write only their own photos, under reports/, and read nothing', () => {
  const file = path.join(__dirname, '..', '..', 'cloudfunctions', 'storage-rules.json');
  const rules = StorageRules.fromFile(file);
  expect(Object.keys(JSON.parse(fs.readFileSync(file, 'utf8')) as object).sort()).toEqual(['read', 'write']);
  expect(rules.allows('write', ctx('o_a', 'o_a', 'reports/M010/20260301-abc.jpg'))).toBe(true);
  expect(rules.allows('write', ctx('o_b', 'o_a', 'reports/M010/20260301-abc.jpg'))).toBe(false);
  expect(rules.allows('write', ctx('o_a', '', 'reports/M010/20260301-abc.jpg'))).toBe(false);
  for (const p of ['votes/v1.png', 'invites/i.png', 'reports/M010/a.svg', 'reports/M010/x/y.jpg', 'reports/a.jpg', 'reports/M010/a.jpg.html']) {
    expect([p, rules.allows('write', ctx('o_a', 'o_a', p))]).toEqual([p, false]);
  }
  expect(rules.allows('write', ctx(null, null))).toBe(false);
  expect(rules.allows('read', ctx('o_a', 'o_a'))).toBe(false);
});

test('the product’s rules: an admin uploads an Excel file to import only into an imports folder, as xlsx', () => {
  const rules = StorageRules.fromFile(path.join(__dirname, '..', '..', 'cloudfunctions', 'storage-rules.json'));
  expect(rules.allows('write', ctx('o_a', 'o_a', 'imports/M002/a1b2c3d4e5f6.xlsx'))).toBe(true);
  expect(rules.allows('write', ctx('o_b', 'o_a', 'imports/M002/a1b2c3d4e5f6.xlsx'))).toBe(false);
  for (const p of ['imports/M002/a.xls', 'imports/M002/a.csv', 'imports/a.xlsx', 'imports/M002/x/a.xlsx', 'exports/imports/a.xlsx']) {
    expect([p, rules.allows('write', ctx('o_a', 'o_a', p))]).toEqual([p, false]);
  }
});

test('rules that would not deploy are refused when loaded, not silently ignored', () => {
  expect(() => new StorageRules({ read: true, writ: false })).toThrow(/unknown operation writ/);
  expect(() => new StorageRules({ write: 'auth.openid = resource.openid' })).toThrow(/does not parse/);
  expect(() => new StorageRules({ write: 'request.auth != null' })).toThrow(/unknown name request/);
  expect(() => new StorageRules({ write: "require('fs')" })).toThrow(/does not parse|unknown name/);
  expect(() => new StorageRules({ write: 1 })).toThrow(/true, false or an expression/);
  expect(() => new StorageRules([])).toThrow(/JSON object/);
});

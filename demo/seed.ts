/**
 * Loads the demo park into a local cloud's store: on first start only (idempotent), or anew after a reset.
 * Also lists the demo people for the local sign-in page (the stand-in for WeChat's own login).
 */
import { ROLE_LABELS } from '../shared/members/contract';
import type { BindingDoc, MemberDoc } from '../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../shared/park/park';
import { inPark } from '../shared/common/time';
import { demoOpenid, demoPark, type DemoPerson } from './park';

/** The part of the local cloud's store seeding needs. */
export interface SeedStore {
  find(collection: string, query?: object): unknown[] | Promise<unknown[]>;
  insertMany(collection: string, docs: object[]): void;
  count(collection: string, query?: object): number;
  drop(collection: string): void;
  collections(): string[];
  applyWrites(writes: { coll: string; id: string; doc: object | null }[]): void;
  peek(collection: string, id: string): object | undefined;
}

/** What the directory import brings (demo/directory.ts): the park's record, sections, the staff, enterprises. */
const IMPORTED = new Set(['park', 'sections', 'enterprises']);

/**
 * Loads the demo park. With `directoryImported`, the park's record and its directory are already in the store,
 * brought by set-up and the three imports (demo/directory.ts, as `npm start` does): the rest is added around them —
 * enterprise contacts, the people's WeChat bindings (the sign-in stand-in), and the park's history. Without it
 * (the tests' clouds, for speed) everything is written here, the same records the import writes
 * (tests/demo/directory.test.ts holds the two equal).
 */
export function seedDemo(
  store: SeedStore,
  now: number,
  opts: { reset?: boolean; directoryImported?: boolean } = {},
): { seeded: boolean; counts: Record<string, number> } {
  if (opts.reset) for (const c of store.collections()) store.drop(c);
  if (!opts.directoryImported && store.count('members') > 0) return { seeded: false, counts: {} };
  const park = demoPark(now);
  const counts: Record<string, number> = {};
  for (const [name, docs] of Object.entries(park)) {
    let rest: object[] = docs;
    if (opts.directoryImported && IMPORTED.has(name)) continue;
    if (opts.directoryImported && name === 'members') {
      // the roster came through the import, unbound: bind those the demo has bound, add the enterprise contacts
      const members = docs as MemberDoc[];
      const binds = members.filter((m) => m.bound && !m.enterpriseId);
      store.applyWrites(
        binds.map((m) => {
          const stored = store.peek('members', m._id) ?? m;
          return { coll: 'members', id: m._id, doc: { ...stored, bound: true } };
        }),
      );
      rest = members.filter((m) => m.enterpriseId);
    }
    if (opts.directoryImported && name === 'bindings') {
      rest = (docs as BindingDoc[]).filter((b) => !store.peek('bindings', b._id));
    }
    store.insertMany(name, rest);
    counts[name] = rest.length;
  }
  return { seeded: true, counts };
}

/**
 * On first start, what the park's leadership would have done by now: last year's annual results computed (a draft
 * the admin can still adjust, confirm and publish), so that the leaders' rankings and charts show a full year. Done
 * through the gateway as the demo admin, by the annual function itself — the seed writes no results of its own.
 */
export async function computeLastYear(url: string, now: number): Promise<void> {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { token?: string; result?: { code: number | string; message?: string } };
  };
  const { token } = await post('/api/dev/login', { openid: demoOpenid('M002') });
  const r = await post('/api/call', { name: 'annual', data: { action: 'compute', input: { year: inPark(now).year() - 1 } } }, token);
  if (r.result?.code !== 0) throw new Error(`computing last year's annual results: ${r.result?.message ?? JSON.stringify(r)}`);
}

const ROLE_ORDER = Object.keys(ROLE_LABELS);

export async function listDemoPeople(store: SeedStore): Promise<DemoPerson[]> {
  const [bindings, members, sections, enterprises] = await Promise.all([
    store.find('bindings'),
    store.find('members', { active: true }),
    store.find('sections'),
    store.find('enterprises', { _id: { $in: ['E001', 'E002', 'E003', 'E004'] } }),
  ]);
  const openidOf = new Map((bindings as BindingDoc[]).map((b) => [b.memberId, b._id]));
  const sectionName = new Map((sections as SectionDoc[]).map((s) => [s._id, s.name]));
  const enterpriseName = new Map((enterprises as EnterpriseDoc[]).map((e) => [e._id, e.name]));
  const rank = (m: MemberDoc) => Math.max(...m.roles.map((r) => ROLE_ORDER.indexOf(r)));
  return (members as MemberDoc[])
    .filter((m) => openidOf.has(m._id))
    .sort((a, b) => rank(b) - rank(a) || a._id.localeCompare(b._id))
    .map((m) => ({
      openid: openidOf.get(m._id) ?? '',
      memberId: m._id,
      name: m.name,
      roles: m.roles,
      sectionName: m.sectionId ? (sectionName.get(m.sectionId) ?? null) : null,
      post: m.post,
      enterpriseName: m.enterpriseId ? (enterpriseName.get(m.enterpriseId) ?? null) : null,
    }));
}

export { demoPark } from './park';
export { importDemoDirectory } from './directory';

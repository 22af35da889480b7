/**
 * The demo park's directory arrives as a real park's does (demo/directory.ts, what `npm start` runs): set-up with
 * the deployer's code, then the office's three Excel files through the imports function. The result is exactly the
 * directory the demo describes — the same records the tests' quick seed writes — and the audit trail says so.
 */
import { demoPark } from '../../demo/park';
import { importDemoDirectory } from '../../demo/directory';
import { seedDemo } from '../../demo/seed';
import { startTestCloud, type TestCloud } from '../support/cloud';

const CODE = 'demo-setup-code-0123456789';
let t: TestCloud;
const now = Date.now();

beforeAll(async () => {
  t = await startTestCloud({ seed: false, functionEnv: { park: { YARDSTICK_SETUP_CODE: CODE } } });
}, 60_000);
afterAll(() => t.stop());

const strip = (docs: unknown) =>
  (docs as object[])
    .map((d) => {
      const { bound: _b, ...rest } = d as { bound?: boolean; _id: string };
      return rest;
    })
    .sort((a, b) => a._id.localeCompare(b._id));

describe('the demo directory through set-up and the imports', () => {
  it('yields the sections, the roster and the enterprises the demo describes, record for record', async () => {
    const park = demoPark(now);
    const counts = await importDemoDirectory(t.cloud.url, CODE, park);
    // 12 sections added, then 12 given their leaders; 81 staff (M002 completed, 80 added); 200 enterprises
    expect(counts).toEqual({ sections: 24, people: 81, enterprises: 200 });
    expect(strip(t.cloud.store.find('sections'))).toEqual(strip(park.sections));
    expect(strip(t.cloud.store.find('enterprises'))).toEqual(strip(park.enterprises));
    const staff = (park.members as unknown as { enterpriseId: string | null }[]).filter((m) => !m.enterpriseId);
    expect(strip(t.cloud.store.find('members'))).toEqual(strip(staff));
    expect(t.cloud.store.find('park')).toEqual([expect.objectContaining({ _id: 'park', name: '吉州工业园区', setupBy: 'M002' })]);
    const kinds = (t.cloud.store.find('auditLog') as { kind: string }[]).map((e) => e.kind);
    expect(kinds).toEqual(['park.setup', 'imports.commit', 'imports.commit', 'imports.commit', 'imports.commit']);
    // no upload is left behind: each file was deleted once read
    expect((t.cloud.store.find('importPlans') as { cells: unknown[] }[]).every((p) => p.cells.length === 0)).toBe(true);
  }, 60_000);

  it('then the rest of the demo goes in around it, and everyone bound by the demo is bound', () => {
    const seeded = seedDemo(t.cloud.store, now, { directoryImported: true });
    expect(seeded.seeded).toBe(true);
    const members = t.cloud.store.find('members') as unknown as { _id: string; bound: boolean }[];
    const park = demoPark(now);
    const bound = new Set((park.members as unknown as { _id: string; bound: boolean }[]).filter((m) => m.bound).map((m) => m._id));
    expect(
      members
        .filter((m) => m.bound)
        .map((m) => m._id)
        .sort(),
    ).toEqual([...bound].sort());
    expect(t.cloud.store.count('bindings')).toBe(bound.size);
  });
});

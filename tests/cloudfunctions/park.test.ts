import type { OutputOf } from '../../shared/contracts';
import { LIMITS } from '../../shared/common/config';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let cadre: string;
beforeAll(async () => {
  t = await startTestCloud();
  cadre = await t.as('M009');
});
afterAll(() => t.stop());

describe('enterprise search for the visit form', () => {
  it('finds an enterprise by part of its name', async () => {
    const r = data(await t.call(cadre, 'park', 'searchEnterprises', { q: '固电' }));
    expect(r.items.map((e) => e.name)).toContain('江西固电电子有限公司');
  });

  it('treats the search text literally, not as a pattern', async () => {
    const r = data(await t.call(cadre, 'park', 'searchEnterprises', { q: '.*' }));
    expect(r.items).toEqual([]);
  });

  it('pages through all 200 enterprises without repeats', async () => {
    const ids = new Set<string>();
    let cursor: number | null = 0;
    let pages = 0;
    while (cursor !== null) {
      const r: OutputOf<'park', 'searchEnterprises'> = data(await t.call(cadre, 'park', 'searchEnterprises', { q: '', cursor }));
      const pageSize = r.items.length;
      expect(pageSize).toBeLessThanOrEqual(LIMITS.searchResults);
      r.items.forEach((e) => ids.add(e.id));
      cursor = r.nextCursor;
      pages += 1;
    }
    expect(ids.size).toBe(200);
    expect(pages).toBeGreaterThanOrEqual(200 / LIMITS.searchResults);
  });

  it('is not open to enterprise contacts', async () => {
    const contact = await t.as('C001');
    expect(await t.call(contact, 'park', 'searchEnterprises', { q: '' })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the section list for pickers', () => {
  it('gives a leader the twelve sections in order', async () => {
    const r = data(await t.call(await t.as('M001'), 'park', 'sections', {}));
    expect(r).toHaveLength(12);
    expect(r[0]).toEqual({ id: 'S01', name: '党政办公室' });
  });
  it('is not for plain cadres', async () => {
    expect(await t.call(cadre, 'park', 'sections', {})).toMatchObject({ code: 'FORBIDDEN' });
  });
});

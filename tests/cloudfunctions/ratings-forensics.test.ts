/**
 * A copy of the data folder links no rating to its enterprise (README, "Satisfaction ratings"), taken while the park
 * is in use: a rating is added in the same commit as its code's flip to used, and the store's WAL, which holds every
 * commit in order, is folded and truncated within CHECKPOINT_WITHIN_MS of the last rating however busy the reads.
 */
import { rmSync } from 'fs';
import { CHECKPOINT_WITHIN_MS } from '../../localcloud/src/store';
import { dayOf } from '../../shared/common/time';
import type { RatingCodeDoc } from '../../shared/ratings/rating';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { copyFolder, linkedByCommits, ratingsAndCodes } from '../support/forensics';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const RATED = 8;
let t: TestCloud;

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

/** A park in use: somebody opens a page every quarter second (each a few database reads) until stopped. */
function parkInUse(): () => Promise<void> {
  let on = true;
  const pages = (async () => {
    const readers = await Promise.all(['M001', 'M009', 'M020'].map((p) => t.as(p)));
    for (let i = 0; on; i += 1) {
      await t.call(readers[i % readers.length] ?? '', 'members', 'me', {});
      await sleep(250);
    }
  })();
  return async () => {
    on = false;
    await pages;
  };
}

it('a copy of the data folder taken after the ratings, the park in use, pairs no rating with its code', async () => {
  const admin = await t.as('M002');
  const closesOn = dayOf(Date.now() + 14 * 86_400_000);
  const { id: campaignId } = data(await t.call(admin, 'ratings', 'create', { title: '企业满意度评价', year: 2026, share: 0.25, closesOn }));
  data(await t.call(admin, 'ratings', 'draw', { campaignId }));
  const codes = t.cloud.store.find('ratingCodes', { campaignId }) as (RatingCodeDoc & { code: string })[];
  expect(codes.length).toBeGreaterThanOrEqual(RATED);
  const stop = parkInUse();
  let copy = '';
  try {
    for (const [i, c] of codes.slice(0, RATED).entries()) {
      const level = 1 + (i % 5);
      const dimensions = { efficiency: level, policy: 6 - level, support: 3, conduct: level };
      data(await t.call((await t.newUser()).token, 'ratings', 'submit', { code: c.code, dimensions }));
    }
    await sleep(CHECKPOINT_WITHIN_MS + 1500);
    copy = copyFolder(t.dataDir, 'ratings-copy');
  } finally {
    await stop();
  }
  const pairs = linkedByCommits(copy, ratingsAndCodes);
  rmSync(copy, { recursive: true, force: true });
  expect(pairs).toEqual([]);
});

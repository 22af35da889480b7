/**
 * A copy of the data folder links no ballot to its voter (README, "The ballot", (b)), taken while the park is in
 * use: the ballots are sealed when the campaign closes — by the close action, by the votes function's timer for a
 * campaign that closes on its time, whether or not anyone looks — not at the first look at the results; and the
 * store's WAL, which holds every commit in order (each ballot beside its roll flip), is folded and truncated within
 * CHECKPOINT_WITHIN_MS of the last ballot however busy the reads.
 *
 * The park: 2 leaders, 5 sections each of a head and 5 cadres, everyone on the roll of a 班子测评. Twelve vote: one
 * leader, two heads, the five cadres of S1 and one cadre in each of S2–S5. Stored as cast, five ballots would each
 * be alone in their group — the leader, and the four cadres alone among their section's voters — and the roll says
 * who voted.
 */
import { rmSync } from 'fs';
import { SqliteStore, CHECKPOINT_WITHIN_MS } from '../../localcloud/src/store';
import type { MemberDoc } from '../../shared/members/member';
import type { BallotDoc, CampaignDoc, RollDoc } from '../../shared/votes/campaign';
import { DEFAULT_DIMENSIONS, DEFAULT_RULES, type Grade, type Ratings } from '../../shared/votes/config';
import { enoughBallots } from '../../shared/votes/secrecy';
import type { ResultDoc } from '../../cloudfunctions/votes/src/lib';
import { demoOpenid } from '../../demo/park';
import { sdkFor } from '../localcloud/helpers';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { newReceipt } from '../support/client';
import { ballotsAndVoters, copyFolder, linkedByCommits } from '../support/forensics';

const MIN = DEFAULT_RULES.minGroupSize;
const SECTIONS = ['S1', 'S2', 'S3', 'S4', 'S5'];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let t: TestCloud;
let admin = '';

const person = (id: string, roles: MemberDoc['roles'], sectionId: string | null): MemberDoc => ({
  _id: id,
  name: id,
  roles,
  sectionId,
  post: null,
  enterpriseId: null,
  active: true,
  bound: true,
});
const people: MemberDoc[] = [
  person('L1', ['leader', 'admin'], null),
  person('L2', ['leader'], null),
  ...SECTIONS.flatMap((s) => [
    person(`H-${s}`, ['cadre', 'sectionHead'], s),
    ...['a', 'b', 'c', 'd', 'e'].map((x) => person(`C-${s}-${x}`, ['cadre'], s)),
  ]),
];
const VOTERS = ['L2', 'H-S1', 'H-S2', ...['a', 'b', 'c', 'd', 'e'].map((x) => `C-S1-${x}`), 'C-S2-a', 'C-S3-a', 'C-S4-a', 'C-S5-a'];
const GRADES: Grade[] = ['excellent', 'competent', 'basic', 'incompetent'];

/** Both leaders but oneself, two grades alternating over the dimensions (no ballot is all one value). */
function ballotOf(voter: string, i: number): Ratings {
  const [g, h] = [GRADES[i % 4] ?? 'competent', GRADES[(i + 1) % 4] ?? 'basic'];
  return Object.fromEntries(
    ['L1', 'L2'].filter((l) => l !== voter).map((l) => [l, Object.fromEntries(DEFAULT_DIMENSIONS.map((d, k) => [d.key, k % 2 ? g : h]))]),
  );
}

/**
 * The ballots someone holding the store could single out: those whose stored category fewer than the minimum + 1
 * ballots share, or whose stored section fewer than the minimum (the roll says who in that group voted).
 */
function linkable(ballots: BallotDoc[]): BallotDoc[] {
  const size = (f: (b: BallotDoc) => string) => (b: BallotDoc) => ballots.filter((o) => f(o) === f(b)).length;
  const byCategory = size((b) => b.category);
  const bySection = size((b) => `${b.category}/${b.voterSectionId ?? ''}`);
  return ballots.filter((b) => byCategory(b) < enoughBallots(MIN) || (b.voterSectionId !== null && bySection(b) < MIN));
}

const ballotsIn = (store: { find(c: string, q: object): unknown }, campaignId: string) => store.find('voteBallots', { campaignId }) as BallotDoc[];
const campaignIn = (store: { find(c: string, q: object): unknown }, campaignId: string) =>
  (store.find('voteCampaigns', { _id: campaignId }) as CampaignDoc[])[0];

/** A park in use: somebody opens a page every quarter second (each a few database reads) until stopped. */
function parkInUse(): () => Promise<void> {
  let on = true;
  const pages = (async () => {
    const readers = await Promise.all(['C-S3-b', 'H-S4', 'L1'].map((p) => t.as(p)));
    for (let i = 0; on; i += 1) {
      await t.call(readers[i % readers.length] ?? '', 'votes', 'list', {});
      await sleep(250);
    }
  })();
  return async () => {
    on = false;
    await pages;
  };
}

async function campaign(times: { opensAt?: number; closesAt?: number } = {}): Promise<string> {
  const id = data(await t.call(admin, 'votes', 'create', { title: '园区班子测评', kind: 'rate_leadership', year: 2026, ...times })).id;
  if (times.opensAt === undefined) data(await t.call(admin, 'votes', 'open', { campaignId: id }));
  return id;
}

async function castAll(campaignId: string): Promise<void> {
  for (const [i, v] of VOTERS.entries())
    data(await t.call(await t.as(v), 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: ballotOf(v, i) }));
}

beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  t.cloud.store.insertMany(
    'sections',
    SECTIONS.map((s, i) => ({ _id: s, name: `股室${i + 1}`, order: i })),
  );
  t.cloud.store.insertMany('members', people);
  t.cloud.store.insertMany(
    'bindings',
    people.map((p) => ({ _id: demoOpenid(p._id), memberId: p._id, boundAt: 0 })),
  );
  admin = await t.as('L1');
}, 60_000);
afterAll(() => t.stop());

describe('a copy of the data folder taken after the close, the park in use, links no ballot to its voter', () => {
  it('holds, after a close by command that nobody followed to the results, only sealed ballots and no commit order', async () => {
    const campaignId = await campaign();
    const stop = parkInUse();
    let copy = '';
    try {
      await castAll(campaignId);
      // as cast, the lone leader and the four cadres alone in their section are in groups of one
      expect(linkable(ballotsIn(t.cloud.store, campaignId)).length).toBeGreaterThanOrEqual(5);
      data(await t.call(admin, 'votes', 'close', { campaignId }));
      await sleep(CHECKPOINT_WITHIN_MS + 1500);
      copy = copyFolder(t.dataDir, 'votes-copy');
    } finally {
      await stop();
    }
    // the WAL pairs no ballot with its voter's roll flip
    expect(linkedByCommits(copy, ballotsAndVoters)).toEqual([]);
    // and the stored ballots were sealed by the close: none alone in its group
    const stored = new SqliteStore(copy);
    try {
      const ballots = ballotsIn(stored, campaignId);
      expect(ballots).toHaveLength(VOTERS.length);
      expect(linkable(ballots)).toEqual([]);
      expect(campaignIn(stored, campaignId)).toMatchObject({ status: 'closed', rollClosed: true, sealed: true });
      expect((stored.find('voteResults', { _id: campaignId }) as unknown as ResultDoc[])[0]).toMatchObject({ pendingSeal: [] });
    } finally {
      stored.close();
      rmSync(copy, { recursive: true, force: true });
    }
    // the results only read what the close stored
    const r = data(await t.call(admin, 'votes', 'results', { campaignId }));
    expect(r).toMatchObject({ ballots: 12, valid: 12, withheld: false });
    expect(r.countedCategories.map((k) => k.label)).toEqual(['班子成员、股室负责人、干部']);
  });
});

describe('sealed at the close, whoever looks', () => {
  const ageCloses = (campaignId: string, closesAt: number) =>
    sdkFor(t.cloud).database().collection('voteCampaigns').doc(campaignId).update({ data: { closesAt } });

  it('seals a campaign that closes on its time by the timer, and leaves one still open as it is', async () => {
    const campaignId = await campaign({ opensAt: Date.now() - 60_000, closesAt: Date.now() + 3_600_000 });
    await castAll(campaignId);
    const open = await t.cloud.fireTimer('votes', 'seal');
    expect(open).toMatchObject({ ok: true, result: { code: 0, data: { sealed: [] } } });
    expect(linkable(ballotsIn(t.cloud.store, campaignId)).length).toBeGreaterThanOrEqual(5);

    const closesAt = Date.now() - 1000;
    await ageCloses(campaignId, closesAt);
    const fired = await t.cloud.fireTimer('votes', 'seal');
    expect(fired).toMatchObject({ ok: true, result: { code: 0, data: { sealed: [campaignId] } } });
    expect(linkable(ballotsIn(t.cloud.store, campaignId))).toEqual([]);
    expect(campaignIn(t.cloud.store, campaignId)).toMatchObject({ status: 'closed', closedAt: closesAt, rollClosed: true, sealed: true });
    const rolls = t.cloud.store.find('voteRolls', { campaignId }) as RollDoc[];
    expect(rolls.filter((r) => !r.voted).every((r) => r.closed)).toBe(true);
    // a ballot sent now is refused; the next tick has nothing to do
    const late = await t.call(await t.as('C-S2-b'), 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: ballotOf('C-S2-b', 0) });
    expect(late).toMatchObject({ code: 'CLOSED' });
    expect(await t.cloud.fireTimer('votes', 'seal')).toMatchObject({ ok: true, result: { code: 0, data: { sealed: [] } } });
  });

  it('finishes a close cut short: by the timer after the first write, by the first look in the middle of the seal', async () => {
    const campaignId = await campaign();
    await castAll(campaignId);
    const asCast = ballotsIn(t.cloud.store, campaignId);
    // the close's function stopped right after marking the campaign closed
    await sdkFor(t.cloud)
      .database()
      .collection('voteCampaigns')
      .doc(campaignId)
      .update({ data: { status: 'closed', closedAt: Date.now() } });
    expect(await t.cloud.fireTimer('votes', 'seal')).toMatchObject({ ok: true, result: { code: 0, data: { sealed: [campaignId] } } });
    const sealed = ballotsIn(t.cloud.store, campaignId);
    expect(linkable(sealed)).toEqual([]);
    const counted = data(await t.call(admin, 'votes', 'results', { campaignId }));

    // now as if it had stopped in the middle of rewriting the ballots: some as cast, the count's list still there
    const result = (t.cloud.store.find('voteResults', { _id: campaignId }) as ResultDoc[])[0];
    const pendingSeal = sealed
      .filter((b) => asCast.some((c) => c._id === b._id && (c.category !== b.category || c.voterSectionId !== b.voterSectionId)))
      .map((b) => ({ receipt: b._id, category: b.category, voterSectionId: b.voterSectionId }));
    expect(pendingSeal.length).toBeGreaterThanOrEqual(5);
    const c = campaignIn(t.cloud.store, campaignId);
    t.cloud.store.applyWrites([
      ...asCast.map((b) => ({ coll: 'voteBallots', id: b._id, doc: { ...b } })),
      { coll: 'voteResults', id: campaignId, doc: { ...result, pendingSeal } },
      { coll: 'voteCampaigns', id: campaignId, doc: { ...c, sealed: false } },
    ]);
    expect(data(await t.call(admin, 'votes', 'results', { campaignId }))).toEqual(counted);
    expect(linkable(ballotsIn(t.cloud.store, campaignId))).toEqual([]);
    expect(campaignIn(t.cloud.store, campaignId)).toMatchObject({ sealed: true });
  });

  it('takes the timer only from the platform', async () => {
    const forged = await t.raw(admin, 'votes', { Type: 'Timer', TriggerName: 'seal', Time: new Date().toISOString() });
    expect(forged.result).toMatchObject({ code: 'FORBIDDEN', message: '定时任务只能由平台触发' });
  });
});

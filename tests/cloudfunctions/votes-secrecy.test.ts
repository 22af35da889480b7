/**
 * The ballot stays secret (不记名) against a reader of every published figure and of the stored ballots after the
 * close. A small park where most groups are lone: 2 leaders, 4 section heads (one per section), 8 cadres of
 * whom 5 in one section. Everyone rates the leadership (班子测评); then every linkage tried — a ballot's stored
 * (category, section) that few ballots share, a category breakdown that could be subtracted from the overall, a
 * live turnout count that moves when a lone voter votes — must find nothing. Threat model: README, "The ballot".
 */
import type { MemberDoc } from '../../shared/members/member';
import type { BallotDoc } from '../../shared/votes/campaign';
import { DEFAULT_DIMENSIONS, DEFAULT_RULES, type Grade, type Ratings } from '../../shared/votes/config';
import { enoughBallots } from '../../shared/votes/secrecy';
import { demoOpenid } from '../../demo/park';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { newReceipt } from '../support/client';

const MIN = DEFAULT_RULES.minGroupSize;
let t: TestCloud;

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
  ...['S1', 'S2', 'S3', 'S4'].map((s) => person(`H-${s}`, ['cadre', 'sectionHead'], s)),
  ...['a', 'b', 'c', 'd', 'e'].map((x) => person(`C-S1-${x}`, ['cadre'], 'S1')),
  ...['S2', 'S3', 'S4'].map((s) => person(`C-${s}`, ['cadre'], s)),
];

/** Ratings of both leaders but oneself, varied so that no ballot is all one value. */
function ballotOf(voter: string, g: Grade, h: Grade): Ratings {
  return Object.fromEntries(
    ['L1', 'L2'].filter((l) => l !== voter).map((l) => [l, Object.fromEntries(DEFAULT_DIMENSIONS.map((d, i) => [d.key, i % 2 ? g : h]))]),
  );
}

let campaignId = '';
const liveTurnout: { category: string; roll: number; voted: number }[][] = [];

beforeAll(async () => {
  t = await startTestCloud({ seed: false });
  t.cloud.store.insertMany(
    'sections',
    ['S1', 'S2', 'S3', 'S4'].map((s, i) => ({ _id: s, name: `股室${i + 1}`, order: i })),
  );
  t.cloud.store.insertMany('members', people);
  t.cloud.store.insertMany(
    'bindings',
    people.map((p) => ({ _id: demoOpenid(p._id), memberId: p._id, boundAt: 0 })),
  );
  const admin = await t.as('L1');
  campaignId = data(await t.call(admin, 'votes', 'create', { title: '小园区班子测评', kind: 'rate_leadership', year: 2026 })).id;
  data(await t.call(admin, 'votes', 'open', { campaignId }));
  // Both leaders, all heads, three of the five S1 cadres and every lone cadre vote; the admin watches turnout.
  const voters = ['L2', 'H-S1', 'H-S2', 'H-S3', 'H-S4', 'C-S1-a', 'C-S1-b', 'C-S1-c', 'C-S2', 'C-S3', 'C-S4', 'L1'];
  const grades: Grade[] = ['excellent', 'competent', 'basic', 'incompetent'];
  for (const [i, v] of voters.entries()) {
    data(
      await t.call(await t.as(v), 'votes', 'submit', {
        receipt: newReceipt(),
        campaignId,
        ratings: ballotOf(v, grades[i % 4] ?? 'competent', grades[(i + 1) % 4] ?? 'basic'),
      }),
    );
    liveTurnout.push(data(await t.call(admin, 'votes', 'turnout', { campaignId })).byCategory);
  }
  data(await t.call(admin, 'votes', 'close', { campaignId }));
}, 120_000);
afterAll(() => t.stop());

describe('the ballot stays secret in a park of lone voters', () => {
  it('publishes results whose every category breakdown has at least the minimum of raters, nothing hidden to subtract', async () => {
    const r = data(await t.call(await t.as('L2'), 'votes', 'results', { campaignId }));
    expect(r.withheld).toBe(false);
    expect(r.valid).toBe(12);
    for (const c of r.candidates) {
      for (const k of c.byCategory) {
        expect(k.raters).toBeGreaterThanOrEqual(MIN);
        expect(k.overall).not.toBeNull();
      }
    }
    // the lone leader who voted was merged with the heads; the counted categories say so
    expect(r.countedCategories.map((k) => k.label)).toEqual(['班子成员、股室负责人', '干部']);
  });

  it('keeps, after the close, no stored ballot whose category or section fewer than the minimum of ballots share', async () => {
    // sealed by the close itself (votes-forensics.test.ts: in a copy of the folder taken before anyone looked)
    const ballots = (await t.cloud.store.find('voteBallots', { campaignId })) as BallotDoc[];
    expect(ballots).toHaveLength(12);
    const size = (f: (b: BallotDoc) => string) => (b: BallotDoc) => ballots.filter((o) => f(o) === f(b)).length;
    const byCategory = size((b) => b.category);
    const bySection = size((b) => `${b.category}/${b.voterSectionId ?? ''}`);
    const linkable = ballots.filter((b) => byCategory(b) < enoughBallots(MIN) || (b.voterSectionId !== null && bySection(b) < MIN));
    expect(linkable).toEqual([]);
    // three S1 cadres voted: a group of three, so their section is gone
    expect(ballots.filter((b) => b.voterSectionId === 'S1')).toHaveLength(0);
  });

  it('never shows live turnout for a category so small that a count tells who voted', () => {
    for (const snapshot of liveTurnout) for (const k of snapshot) expect(k.roll).toBeGreaterThanOrEqual(enoughBallots(MIN));
    // and the admin saw the votes arrive, one a snapshot
    expect(liveTurnout.map((s) => s.reduce((n, k) => n + k.voted, 0))).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});

/**
 * The demo park's closed satisfaction campaigns (企业评), this year's and last year's, are ones the ratings function
 * could have left: each sample re-runs from the revealed seed, every used code has its rating, each rating names only
 * cadres who served an enterprise that rated, and the published figures come from the same results function the
 * action calls.
 */
import type { RatingCampaignDoc } from '../../cloudfunctions/ratings/src/lib';
import { DEMO_RATING_SHARE, DEMO_RESPONSE_RATE, type DemoRatingCode } from '../../demo/ratings';
import { demoPark } from '../../demo/park';
import type { AppealDoc } from '../../shared/appeals/appeal';
import { seedFingerprint } from '../../shared/assessment/draw';
import { inPark, parkInstant } from '../../shared/common/time';
import type { DossierDoc, ReportDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';
import type { EnterpriseDoc } from '../../shared/park/park';
import { CODE_PATTERN, isSatisfied, MIN_RATERS, RATING_DIMENSIONS, results, type RatingDoc } from '../../shared/ratings/rating';
import { sampledIds, strataOf, verifySample } from '../../shared/ratings/sample';

const NOW = parkInstant('2026-12-02', '10:00');
const DAY = 86_400_000;
const park = demoPark(NOW);
const members = park.members as MemberDoc[];
const sectionOf = (id: string) => members.find((m) => m._id === id)?.sectionId ?? null;
const active = (ids: Set<string>) => new Set(members.filter((m) => m.active && ids.has(m._id)).map((m) => m._id));

/** The cadres the form offers an enterprise once the campaign is over (rate.ts servedBy): its year's assignees and visitors. */
function servedBy(enterpriseId: string, year: number): Set<string> {
  const ids = new Set<string>();
  for (const a of park.appeals as AppealDoc[])
    if (a.enterpriseId === enterpriseId && a.assigneeId && inPark(a.filedAt).year() === year) ids.add(a.assigneeId);
  for (const r of park.reports as ReportDoc[])
    if (r.kind === 'enterprise_visit' && r.enterpriseId === enterpriseId && r.date.startsWith(`${year}-`)) ids.add(r.memberId);
  return active(ids);
}

/** Last year's visitors, whose visits the demo keeps as its quarters' dossier counters (demo/history.ts). */
function visitedBy(enterpriseId: string, year: number): Set<string> {
  const dossiers = park.dossiers as DossierDoc[];
  return active(
    new Set(dossiers.filter((d) => d.periodId.startsWith(`${year}Q`) && d.visitedEnterpriseIds.includes(enterpriseId)).map((d) => d.memberId)),
  );
}

const campaigns = park.ratingCampaigns as RatingCampaignDoc[];
const allCodes = park.ratingCodes as DemoRatingCode[];
const allRatings = park.ratings as RatingDoc[];
const of = <T extends { campaignId: string }>(docs: unknown[], c: RatingCampaignDoc) => (docs as T[]).filter((d) => d.campaignId === c._id);

describe('the demo park’s satisfaction campaigns (企业评)', () => {
  it('are this year’s, closed some weeks ago, and last year’s, closed on 20 December, each with its seed revealed', () => {
    expect(campaigns.map((c) => ({ status: c.status, year: c.year, share: c.share, title: c.title }))).toEqual([
      { status: 'closed', year: 2025, share: DEMO_RATING_SHARE, title: '2025年下半年营商环境满意度测评' },
      { status: 'closed', year: 2026, share: DEMO_RATING_SHARE, title: '2026年下半年营商环境满意度测评' },
    ]);
    expect(campaigns[0]?.closesAt).toBe(parkInstant('2025-12-21') - 1);
    expect(campaigns[1]?.closesAt).toBeLessThan(NOW - 14 * DAY);
    for (const c of campaigns) {
      expect(c.createdAt).toBeLessThan(c.closesAt);
      expect(c.seed).toMatch(/^[0-9a-f]{64}$/);
    }
    expect(park.ratingSeeds).toBeUndefined();
    // every code and rating is one of theirs
    const theirs = (docs: { campaignId: string }[]) => docs.filter((d) => campaigns.some((c) => c._id === d.campaignId)).length;
    expect({ codes: theirs(allCodes), ratings: theirs(allRatings) }).toEqual({ codes: allCodes.length, ratings: allRatings.length });
  });

  it('is, in January and February, only last year’s (closed on 28 December): this year has barely begun', () => {
    const january = demoPark(parkInstant('2027-01-25', '10:00')).ratingCampaigns as RatingCampaignDoc[];
    expect(january.map((c) => c.title)).toEqual(['2026年下半年营商环境满意度测评']);
    expect(january[0]?.closesAt).toBe(parkInstant('2026-12-29') - 1);
  });
});

describe.each([
  { which: 'this year’s', index: 1, served: servedBy },
  { which: 'last year’s', index: 0, served: visitedBy },
])('$which satisfaction campaign', ({ index, served: servedOf }) => {
  const campaign = campaigns[index];
  const theCampaign = (): RatingCampaignDoc => {
    if (!campaign) throw new Error('no such campaign in the demo park');
    return campaign;
  };
  const codes = campaign ? of<DemoRatingCode>(allCodes, campaign) : [];
  const ratings = campaign ? of<RatingDoc>(allRatings, campaign) : [];

  it('publishes a seed that matches its fingerprint, and a sample anyone can redraw from it and the park', () => {
    const c = theCampaign();
    if (!c.sample) throw new Error('no sample');
    expect(seedFingerprint(c.seed ?? '')).toBe(c.seedHash);
    // the strata are the park's above-scale enterprises by industry, the census its key projects' enterprises
    const fromPark = strataOf(
      park.enterprises as EnterpriseDoc[],
      (park.projects as { _id: string; enterpriseId: string }[]).map((p) => p.enterpriseId),
    );
    expect({ strata: c.strata, census: c.census }).toEqual(fromPark);
    const published = { campaignId: c._id, seedHash: c.seedHash, seed: c.seed ?? '', share: c.share, strata: c.strata, census: c.census };
    expect(verifySample(published, c.sample)).toEqual({ ok: true });
    expect(verifySample({ ...published, seed: 'f'.repeat(64) }, c.sample)).toEqual({ ok: false, problem: '种子与事先公布的指纹不符' });
  });

  it('issues one code per sampled enterprise as the draw names them, most used, one rating per used code', () => {
    const c = theCampaign();
    if (!c.sample) throw new Error('no sample');
    expect(codes.map((x) => x._id)).toEqual(sampledIds(c.sample).map((id) => `${c._id}_${id}`));
    expect(codes.every((x) => x.campaignId === c._id && CODE_PATTERN.test(x.code))).toBe(true);
    expect(new Set(codes.map((x) => x.code)).size).toBe(codes.length);
    const used = codes.filter((x) => x.used);
    expect(used).toHaveLength(Math.round(DEMO_RESPONSE_RATE * codes.length));
    expect(used.length).toBeLessThan(codes.length);
    // one answer a document: each dimension answered once per used code
    for (const d of RATING_DIMENSIONS) expect(ratings.filter((r) => d.key in r.dimensions)).toHaveLength(used.length);
  });

  it('keeps on a rating only its campaign and levels: no enterprise, code or time', () => {
    const c = theCampaign();
    for (const r of ratings) {
      expect(Object.keys(r).sort()).toEqual(['_id', 'cadres', 'campaignId', 'dimensions']);
      expect(r._id).toMatch(/^[0-9a-f]{32}$/);
      expect(r.campaignId).toBe(c._id);
    }
    const text = JSON.stringify(ratings);
    for (const x of codes) {
      expect(text).not.toContain(x.code);
      expect(text).not.toContain(x.enterpriseId);
    }
  });

  it('stores no submission whole: each document one answer, so none names the set of cadres an enterprise rated', () => {
    const c = theCampaign();
    const used = codes.filter((x) => x.used);
    const served = used.map((x) => servedOf(x.enterpriseId, c.year));
    // a set of cadres can point at its enterprise (one cadre served only it): no document holds one
    expect(ratings.every((r) => Object.keys(r.dimensions).length + Object.keys(r.cadres).length === 1)).toBe(true);
    // each cadre answered served some enterprise whose code was used, as submit checks it
    const cadreAnswers = ratings.filter((r) => Object.keys(r.cadres).length === 1);
    expect(cadreAnswers.every((r) => served.some((s) => Object.keys(r.cadres).every((id) => s.has(id))))).toBe(true);
    // and the check has teeth: the park's director, who served no enterprise, is nobody's
    expect(served.some((s) => s.has('M001'))).toBe(false);
    // the cadres named are really rated: the campaign names many
    expect(new Set(ratings.flatMap((r) => Object.keys(r.cadres))).size).toBeGreaterThan(10);
  });

  it('gives the satisfaction rate and the cadres’ and sections’ scores the results action computes', () => {
    const responses = codes.filter((x) => x.used).length;
    const out = results(ratings, sectionOf, responses);
    expect(out.responses).toBe(responses);
    const answers = ratings.flatMap((r) => Object.values(r.dimensions));
    expect(answers).toHaveLength(responses * RATING_DIMENSIONS.length);
    // satisfied answers (基本满意 or better) over all answers, to three places
    const rate = Math.round((answers.filter(isSatisfied).length / answers.length) * 1000) / 1000;
    expect(out.satisfaction).toBe(rate);
    // mostly 满意 and 非常满意, a few lower
    expect(answers.filter((l) => l >= 4).length / answers.length).toBeGreaterThan(0.7);
    expect(answers.some((l) => l <= 3)).toBe(true);
    expect(out.dimensions.every((d) => d.score !== null && d.satisfaction !== null)).toBe(true);
    const scored = out.cadres.filter((r) => r.score !== null);
    expect(scored.length).toBeGreaterThan(0);
    // a withheld row shows neither; a shown one stands on MIN_RATERS ratings at least
    expect(out.cadres.every((r) => (r.score === null) === (r.raters === null) && (r.raters === null || r.raters >= MIN_RATERS))).toBe(true);
    expect(out.sections.filter((r) => r.score !== null).length).toBeGreaterThan(0);
  });
});

it('is the same campaigns every time the park is built', () => {
  const again = demoPark(NOW);
  expect(again.ratingCampaigns).toEqual(park.ratingCampaigns);
  expect(again.ratingCodes).toEqual(park.ratingCodes);
  expect(again.ratings).toEqual(park.ratings);
});

/**
 * The demo park's satisfaction campaigns (企业评): this year's, closed three weeks before `now`, and last year's, closed
 * on 20 December (so that last year's annual results have their enterprise evaluation), each left as create → draw →
 * the enterprises' submissions → close leave it (cloudfunctions/ratings/src):
 * - the seed revealed beside the fingerprint committed at creation, the strata and census taken from the park's
 *   enterprises and projects and the sample drawn from the seed by the published rule, so verifySample re-runs it;
 * - one code per sampled enterprise (`{campaign}_{enterprise}`, as the draw issues them), most of them used;
 * - one rating per used code, keeping no enterprise, code or time, naming only cadres the form would have offered
 *   that enterprise when it rated (its appeals' assignees and its visitors in the campaign's year, so far); last
 *   year's visits are in its quarters' dossiers (demo/history.ts keeps their counters, not each report), so there
 *   the visitors are those whose dossiers of that year list the enterprise.
 * Close stores only the status: the results are computed from the ratings when asked for.
 *
 * Pure: `now` is passed in and every random choice (the seed, ids, codes, who rated and how) comes from `rnd`.
 */
import { createHash } from 'crypto';
import type { RatingCampaignDoc } from '../cloudfunctions/ratings/src/lib';
import type { AppealDoc } from '../shared/appeals/appeal';
import { seedFingerprint } from '../shared/assessment/draw';
import { dayjs, dayOf, inPark, parkInstant } from '../shared/common/time';
import type { DossierDoc, ReportDoc } from '../shared/dossier/dossier';
import type { MemberDoc } from '../shared/members/member';
import type { EnterpriseDoc } from '../shared/park/park';
import { makeCode, RATING_DIMENSIONS, splitRating, type RatingCodeDoc, type RatingDoc } from '../shared/ratings/rating';
import { drawSample, sampledIds, strataOf } from '../shared/ratings/sample';

const DAY = 86_400_000;
/** The campaign's sampling share (a setting of 20–30%), and the share of sampled enterprises that rated. */
export const DEMO_RATING_SHARE = 0.3;
export const DEMO_RESPONSE_RATE = 0.85;

export type DemoRatingCode = RatingCodeDoc & { code: string };

export interface DemoRatingCampaign {
  ratingCampaigns: RatingCampaignDoc[];
  ratingCodes: DemoRatingCode[];
  ratings: RatingDoc[];
}

const randomBytes = (rnd: () => number, n: number): Uint8Array => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));
const randomHex = (rnd: () => number, n: number): string => [...randomBytes(rnd, n)].map((b) => b.toString(16).padStart(2, '0')).join('');

/**
 * The cadres the rating form offers an enterprise at `at` (cloudfunctions/ratings/src/rate.ts servedBy): the
 * assignees of its appeals filed in `year` and the authors of its visit reports dated in `year`, active ones only —
 * of what had been recorded by then.
 */
export function servedAt(enterpriseId: string, year: number, at: number, appeals: AppealDoc[], reports: ReportDoc[], members: MemberDoc[]): string[] {
  const ids = new Set<string>();
  for (const a of appeals)
    if (a.enterpriseId === enterpriseId && a.assigneeId && a.filedAt < at && inPark(a.filedAt).year() === year) ids.add(a.assigneeId);
  for (const r of reports)
    if (r.kind === 'enterprise_visit' && r.enterpriseId === enterpriseId && r.createdAt < at && r.date.startsWith(`${year}-`)) ids.add(r.memberId);
  return members
    .filter((m) => m.active && ids.has(m._id))
    .map((m) => m._id)
    .sort();
}

/**
 * The visitors of an enterprise in a past year whose reports the demo keeps only as counters: the cadres whose
 * dossiers of that year's quarters list it among the enterprises visited (active ones only).
 */
export function visitorsFrom(dossiers: Pick<DossierDoc, 'periodId' | 'memberId' | 'visitedEnterpriseIds'>[], members: MemberDoc[]): Served {
  const active = new Set(members.filter((m) => m.active).map((m) => m._id));
  return (enterpriseId, year) =>
    [...new Set(dossiers.filter((d) => d.periodId.startsWith(`${year}Q`) && d.visitedEnterpriseIds.includes(enterpriseId)).map((d) => d.memberId))]
      .filter((id) => active.has(id))
      .sort();
}

/** A level as enterprises give them: mostly 满意 or 非常满意, a few lower; `mood` moves one enterprise's answers together. */
function level(rnd: () => number, mood: number): number {
  const r = rnd() + mood;
  return r > 0.5 ? 5 : r > 0.12 ? 4 : r > 0.04 ? 3 : r > 0.01 ? 2 : 1;
}

function shuffled<T>(xs: readonly T[], rnd: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** Who the rating form offers an enterprise rating at `at` in a campaign of `year`. */
export type Served = (enterpriseId: string, year: number, at: number) => string[];

/**
 * The campaigns' documents: `ratingCampaigns` (closed), their `ratingCodes` and their `ratings`; no `ratingSeeds`
 * (the draw removes the secret). This year's from `rnd`, last year's from `rndPast`: adding one moves nothing of the
 * other. In January and February this year's campaign is already last year's (see below), and it is the only one.
 */
export function demoRatingCampaigns(
  now: number,
  enterprises: EnterpriseDoc[],
  /** The key projects (重点项目): their enterprises are all in the sample (a census). */
  projects: { enterpriseId: string }[],
  members: MemberDoc[],
  served: { current: Served; past: Served },
  rnd: () => number,
  rndPast: () => number,
): DemoRatingCampaign {
  // Closed three weeks ago; one that would have closed in January or February would find its year's service barely
  // begun, so then it is the campaign of the year before, closed on 28 December.
  let closesOn = dayjs(dayOf(now - 21 * DAY), 'YYYY-MM-DD');
  if (closesOn.month() < 2) closesOn = closesOn.subtract(1, 'year').month(11).date(28);
  const current = oneCampaign(closesOn, enterprises, projects, members, served.current, rnd);
  const lastYear = inPark(now).year() - 1;
  if (closesOn.year() === lastYear) return current;
  const past = oneCampaign(dayjs(`${lastYear}-12-20`, 'YYYY-MM-DD'), enterprises, projects, members, served.past, rndPast);
  return {
    ratingCampaigns: [...past.ratingCampaigns, ...current.ratingCampaigns],
    ratingCodes: [...past.ratingCodes, ...current.ratingCodes],
    ratings: [...past.ratings, ...current.ratings].sort((a, b) => (a._id < b._id ? -1 : 1)),
  };
}

function oneCampaign(
  closesOn: dayjs.Dayjs,
  enterprises: EnterpriseDoc[],
  projects: { enterpriseId: string }[],
  members: MemberDoc[],
  served: Served,
  rnd: () => number,
): DemoRatingCampaign {
  const year = closesOn.year();
  // as create computes it from the chosen closing day: the end of that day in park time
  const closesAt = parkInstant(closesOn.add(1, 'day').format('YYYY-MM-DD')) - 1;
  const createdAt = parkInstant(closesOn.subtract(27, 'day').format('YYYY-MM-DD'), '09:30');
  const drawnAt = createdAt + 20 * 60_000;
  const admin = members.find((m) => m.roles.includes('admin'));

  // create: a seed and its fingerprint
  const campaignId = `RC${createdAt.toString(36)}${randomHex(rnd, 3)}`;
  const seed = randomHex(rnd, 32);
  // draw: the strata from the park as it stands, the sample from the seed, one code each
  const { strata, census } = strataOf(
    enterprises,
    projects.map((p) => p.enterpriseId),
  );
  const sample = drawSample(seed, campaignId, strata, census, DEMO_RATING_SHARE);
  const sampled = sampledIds(sample);
  const codes: DemoRatingCode[] = sampled.map((enterpriseId) => ({
    _id: `${campaignId}_${enterpriseId}`,
    campaignId,
    enterpriseId,
    code: makeCode(randomBytes(rnd, 12)),
    used: false,
  }));

  // submissions: most enterprises rate, each once, some time between receiving its code and the close
  const raters = shuffled(codes, rnd).slice(0, Math.round(DEMO_RESPONSE_RATE * codes.length));
  for (const c of raters) c.used = true;
  const ratings: RatingDoc[] = raters.map((c) => {
    const at = drawnAt + DAY + rnd() * (closesAt - drawnAt - 2 * DAY);
    // most enterprises a little above or below the average, one in ten clearly displeased
    const mood = rnd() < 0.1 ? -0.35 : (rnd() - 0.5) * 0.3;
    const dimensions = Object.fromEntries(RATING_DIMENSIONS.map((d) => [d.key, level(rnd, mood)]));
    const cadres: Record<string, number> = {};
    // rating a cadre is optional: most of those offered are rated
    for (const id of served(c.enterpriseId, year, at)) if (rnd() < 0.8) cadres[id] = level(rnd, mood);
    return { _id: randomHex(rnd, 16), campaignId, dimensions, cadres };
  });

  const campaign: RatingCampaignDoc = {
    _id: campaignId,
    title: `${year}年${closesOn.month() < 6 ? '上半年' : '下半年'}营商环境满意度测评`,
    year,
    share: DEMO_RATING_SHARE,
    // closed by the admin after its closing day: close keeps the earlier of the two times
    status: 'closed',
    closesAt,
    seedHash: seedFingerprint(seed),
    seed,
    strata,
    census,
    sample,
    createdBy: admin?._id ?? 'M002',
    createdAt,
  };
  // stored as the submit action stores them: each answer its own document, under an id nothing else shares (drawn
  // from the submission's, so the demo's other draws stay as they were), in key order: no tie between answers
  const answers = ratings.flatMap((r) =>
    splitRating(campaignId, r.dimensions, r.cadres, (i) => createHash('sha256').update(`${r._id}:${i}`).digest('hex').slice(0, 32)),
  );
  return { ratingCampaigns: [campaign], ratingCodes: codes, ratings: answers.sort((a, b) => (a._id < b._id ? -1 : 1)) };
}

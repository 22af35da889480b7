/**
 * Last year's democratic evaluations (民主测评) in the demo park, closed and counted, as create → open → the voters'
 * ballots → close → the first read of the results leave them (cloudfunctions/votes/src):
 * - 干部互评 (kind 'peer'): every cadre rates every other cadre on 德能勤绩廉; 班子测评 ('rate_leadership'):
 *   everyone rates the leadership;
 * - candidates, roll and categories from the park's members by the same rules as create (rosterFor, groupOf);
 * - one ballot per voter who voted (those not bound to WeChat could not), each one submit would accept
 *   (ballotProblems: every candidate on every dimension, no more 优秀 than the cap) — and one lazy ballot that is
 *   all 称职, which is void;
 * - the count as votes.results makes it once (lib.ts count + seal): small categories merged and small groups'
 *   sections dropped (shared/votes/secrecy.ts), the tally and the bias flags over the sealed ballots, and the
 *   ballots stored sealed.
 * How a voter rates a colleague follows the colleague's form over the year (demo/history.ts `standing`), the
 * voter's own leniency and a little noise. Two cadres are marked down by many: the weakest of the year reaches the
 * 诫勉 (admonition) flag, and one of middling results the 调整 (adjustment) flag, which caps their annual grade.
 *
 * Pure: `now` is passed in and every random choice (ids, receipts, who voted and how) comes from `rnd`.
 */
import type { ResultDoc } from '../cloudfunctions/votes/src/lib';
import { inPark, parkInstant } from '../shared/common/time';
import type { MemberDoc } from '../shared/members/member';
import { candidatesFor, excellentCap, gradeOfPoints, isVoid, weightedPoints } from '../shared/votes/ballot';
import { groupOf, makeReceipt, rollCounts, rollId, rosterFor, type BallotDoc, type CampaignDoc, type RollDoc } from '../shared/votes/campaign';
import type { CampaignKind } from '../shared/votes/contract';
import {
  DEFAULT_CATEGORIES,
  DEFAULT_DIMENSIONS,
  DEFAULT_GRADE_POINTS,
  DEFAULT_RULES,
  type CampaignSpec,
  type Grade,
  type Ratings,
} from '../shared/votes/config';
import { biasFlags } from '../shared/votes/flags';
import { enoughBallots, mergeSmallCategories, sealBallots } from '../shared/votes/secrecy';
import { tally, type CountedBallot } from '../shared/votes/tally';
import { normal } from './history';

/** Share of those on the roll who could vote (bound to WeChat) and did. */
export const DEMO_VOTE_TURNOUT = 0.92;

export interface DemoVotes {
  voteCampaigns: CampaignDoc[];
  voteRolls: RollDoc[];
  voteBallots: BallotDoc[];
  voteResults: ResultDoc[];
}

const bytes = (rnd: () => number, n: number) => Uint8Array.from({ length: n }, () => Math.floor(rnd() * 256));

/** A dimension's grade from how the voter sees the candidate there (0 ≈ an ordinary colleague). */
function gradeOf(x: number): Grade {
  return x > 0.95 ? 'excellent' : x > -0.95 ? 'competent' : x > -1.85 ? 'basic' : 'incompetent';
}

/**
 * The count as votes.results makes it on first read (cloudfunctions/votes/src/lib.ts count): categories too small
 * merged, small groups' sections dropped, then the tally and the flags over the sealed ballots, in the order the
 * function reads them (by receipt). Returns the result and the ballots as seal leaves them.
 */
export function countDemoCampaign(c: CampaignDoc, ballots: CountedBallot[]): { result: ResultDoc; sealed: CountedBallot[] } {
  const sorted = [...ballots].sort((a, b) => (a.receipt < b.receipt ? -1 : 1));
  const validBy: Record<string, number> = {};
  for (const b of sorted) if (!isVoid(c, b.ratings)) validBy[b.category] = (validBy[b.category] ?? 0) + 1;
  const merge = mergeSmallCategories(c.categories, validBy, enoughBallots(c.rules.minGroupSize));
  const sealed = sealBallots(sorted, merge, c.rules.minGroupSize);
  const spec = { ...c, categories: merge.categories };
  const turnout = c.categories.map((k) => ({ category: k.key, roll: c.rollByCategory[k.key] ?? 0, voted: 0 }));
  return {
    result: { _id: c._id, tally: tally(spec, sealed, turnout), flags: biasFlags(spec, sealed), categories: merge.categories, pendingSeal: [] },
    sealed,
  };
}

interface CampaignPlan {
  kind: CampaignKind;
  title: string;
  year: number;
  /** Days of December: created, opened, closing day (closed on command the next morning). */
  days: [number, number, number];
  /** How voters see a candidate, before their own leniency and the noise. */
  seen: (candidateId: string, voter: MemberDoc) => number;
  /** A voter who ticks 称职 everywhere (a void ballot), by index on the roll; -1 for none. */
  lazy: number;
}

/** Ratings that submit accepts: every other candidate on every dimension, 优秀 overall for no more than the cap. */
function ballotOf(spec: CampaignSpec, plan: CampaignPlan, voter: MemberDoc, rnd: () => number): Ratings {
  const leniency = 0.3 * normal(rnd);
  const seen: Record<string, number> = {};
  const ratings: Ratings = {};
  for (const id of candidatesFor(spec, voter._id)) {
    const x = plan.seen(id, voter) + leniency;
    seen[id] = x;
    const byDim: Record<string, Grade> = {};
    // 廉 is seldom in question
    for (const d of spec.dimensions) byDim[d.key] = gradeOf(x + (d.key === 'lian' ? 0.4 : 0) + 0.5 * normal(rnd));
    ratings[id] = byDim;
  }
  const excellent = Object.keys(ratings)
    .filter((id) => {
      const p = weightedPoints(spec, ratings[id] ?? {});
      return p !== null && gradeOfPoints(p, spec.rules.gradeCutoffs) === 'excellent';
    })
    .sort((a, b) => (seen[b] ?? 0) - (seen[a] ?? 0));
  // past the cap the voter keeps 优秀 for those they think best of, and marks the others down to 称职
  for (const id of excellent.slice(excellentCap(spec, voter._id))) {
    const byDim = ratings[id] ?? {};
    for (const k of Object.keys(byDim)) if (byDim[k] === 'excellent') byDim[k] = 'competent';
  }
  return ratings;
}

function campaign(plan: CampaignPlan, members: MemberDoc[], admin: string, rnd: () => number): DemoVotes {
  const { candidates, roll } = rosterFor(plan.kind, members);
  // the defaults as create copies them: the campaign keeps its own settings
  const rules = { ...DEFAULT_RULES, gradeCutoffs: { ...DEFAULT_RULES.gradeCutoffs } };
  const day = (d: number, time: string) => parkInstant(`${plan.year}-12-${String(d).padStart(2, '0')}`, time);
  const [created, opens, closes] = plan.days;
  const id = `V${plan.year}${makeReceipt(bytes(rnd, 12)).replace(/-/g, '').slice(0, 8)}`;
  const c: CampaignDoc = {
    _id: id,
    title: plan.title,
    kind: plan.kind,
    year: plan.year,
    // opened at its opening time, closed on command the morning after its closing day
    status: 'closed',
    opensAt: day(opens, '08:30'),
    closesAt: day(closes, '18:00'),
    closedAt: day(closes + 1, '09:10'),
    ready: true,
    // the close marked the roll, counted and sealed (below)
    rollClosed: true,
    sealed: true,
    candidates,
    categories: DEFAULT_CATEGORIES.filter((k) => roll.some((r) => r.category === k.key)).map((k) => ({ ...k })),
    dimensions: DEFAULT_DIMENSIONS.map((d) => ({ ...d })),
    scale: { type: 'grades', points: { ...DEFAULT_GRADE_POINTS } },
    rules,
    rollByCategory: rollCounts(roll),
    createdBy: admin,
    createdAt: day(created, '09:30'),
  };
  const groups = groupOf(roll, rules.minGroupSize);
  const byId = new Map(members.map((m) => [m._id, m]));
  const voted = new Set<string>();
  const cast: CountedBallot[] = [];
  roll.forEach((r, i) => {
    const voter = byId.get(r.memberId);
    if (!voter?.bound || (i !== plan.lazy && rnd() >= DEMO_VOTE_TURNOUT)) return;
    const ratings: Ratings =
      i === plan.lazy
        ? Object.fromEntries(candidatesFor(c, voter._id).map((x) => [x, Object.fromEntries(c.dimensions.map((d) => [d.key, 'competent']))]))
        : ballotOf(c, plan, voter, rnd);
    voted.add(r.memberId);
    cast.push({ receipt: makeReceipt(bytes(rnd, 12)), category: r.category, voterSectionId: groups.get(r.memberId) ?? null, ratings });
  });
  const { result, sealed } = countDemoCampaign(c, cast);
  return {
    voteCampaigns: [c],
    voteRolls: roll.map((r) => ({
      _id: rollId(id, r.memberId),
      campaignId: id,
      memberId: r.memberId,
      category: r.category,
      group: groups.get(r.memberId) ?? null,
      voted: voted.has(r.memberId),
      // close marks every unvoted entry
      closed: !voted.has(r.memberId),
    })),
    voteBallots: sealed.map((b) => ({
      _id: b.receipt,
      campaignId: id,
      category: b.category,
      voterSectionId: b.voterSectionId,
      ratings: b.ratings,
      void: isVoid(c, b.ratings),
    })),
    voteResults: [result],
  };
}

/** The year-end campaigns of the year before `now`'s. `standing`: each cadre's form over that year (history.ts). */
export function demoVotes(now: number, members: MemberDoc[], standing: Map<string, number>, rnd: () => number): DemoVotes {
  const year = inPark(now).year() - 1;
  const admin = members.find((m) => m.roles.includes('admin'))?._id ?? 'M002';
  const sectionOf = new Map(members.map((m) => [m._id, m.sectionId]));
  // among those who could vote themselves (bound): the weakest of the year is marked down by many of their
  // colleagues (诫勉); one of middling results by more than a third of them as not up to the job (调整) — what the
  // numbers did not show, and what the annual veto caps
  const ranked = [...standing]
    .filter(([id]) => members.find((m) => m._id === id)?.bound)
    .sort((a, b) => a[1] - b[1])
    .map(([id]) => id);
  const admonish = ranked[0];
  const adjust = ranked[Math.floor(ranked.length / 2)];
  const peerSeen = (id: string, voter: MemberDoc) => {
    if (id === adjust) return -2;
    if (id === admonish) return -1.15;
    // a little warmer towards one's own section
    return 0.45 * Math.max(-1, standing.get(id) ?? 0) + (sectionOf.get(id) === voter.sectionId ? 0.25 : 0);
  };
  const leaderLevel = new Map(members.filter((m) => m.roles.includes('leader')).map((m) => [m._id, 0.5 + 0.5 * normal(rnd)]));
  const plans: CampaignPlan[] = [
    { kind: 'peer', title: `${year}年度干部互评`, year, days: [8, 15, 21], seen: peerSeen, lazy: 17 },
    { kind: 'rate_leadership', title: `${year}年度领导班子民主测评`, year, days: [9, 15, 21], seen: (id) => leaderLevel.get(id) ?? 0, lazy: -1 },
  ];
  const out: DemoVotes = { voteCampaigns: [], voteRolls: [], voteBallots: [], voteResults: [] };
  for (const plan of plans) {
    const v = campaign(plan, members, admin, rnd);
    out.voteCampaigns.push(...v.voteCampaigns);
    out.voteRolls.push(...v.voteRolls);
    out.voteBallots.push(...v.voteBallots);
    out.voteResults.push(...v.voteResults);
  }
  return out;
}

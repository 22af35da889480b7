/**
 * Counting the ballots of a closed campaign (民主测评计票).
 *
 * For each candidate and dimension: within each voter category, the mean of the valid ballots' points, after
 * dropping the single highest and lowest when the category has more than `trimAbove` raters; then the categories'
 * means weighted by category weight (over the categories that rated the candidate at all); the overall score is the
 * dimension scores weighted by dimension weight. Each valid ballot also gives the candidate an overall grade (from
 * its weighted points and the cut-offs); the shares of those grades raise the admonition / adjustment flags.
 */
import { gradeOfPoints, isVoid, pointsOf, weightedPoints } from './ballot';
import { competitionRanks } from '../common/rank';
import { GRADES, type CampaignSpec, type Grade, type Ratings } from './config';

export interface CountedBallot {
  receipt: string;
  category: string;
  /** Stored only when the voter's (category, section) group is at least `minGroupSize` on the roll. */
  voterSectionId: string | null;
  ratings: Ratings;
}

export interface CategoryScore {
  category: string;
  /** The category's label; merged categories (shared/votes/secrecy.ts) are named together. */
  label: string;
  raters: number;
  /** null when the category has fewer than `minGroupSize` raters: no breakdown is shown for it. */
  overall: number | null;
}

export interface CandidateResult {
  id: string;
  name: string;
  sectionId: string | null;
  /** Weighted score per dimension, two decimals. */
  dimensions: Record<string, number>;
  overall: number;
  rank: number;
  grades: Record<Grade, number>;
  /** 优秀+称职 over valid ballots that rated the candidate. */
  shareExcellentCompetent: number;
  shareIncompetent: number;
  admonish: boolean;
  adjust: boolean;
  byCategory: CategoryScore[];
}

export interface Turnout {
  category: string;
  roll: number;
  voted: number;
}

export interface TallyResult {
  ballots: number;
  valid: number;
  void: number;
  roll: number;
  turnout: number;
  belowTurnoutFloor: boolean;
  candidates: CandidateResult[];
  /** Receipts of every ballot counted (void ones included: they were received), sorted: the published list. */
  receipts: string[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Mean after dropping one highest and one lowest when there are more than `trimAbove` values. */
export function trimmedMean(values: number[], trimAbove: number): number | null {
  if (values.length === 0) return null;
  const xs = values.length > trimAbove ? [...values].sort((a, b) => a - b).slice(1, -1) : values;
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

/** Mean of category means weighted by category weight, over the categories present. */
function weightedAcross(spec: CampaignSpec, means: Map<string, number>): number | null {
  let sum = 0;
  let w = 0;
  for (const c of spec.categories) {
    const m = means.get(c.key);
    if (m === undefined) continue;
    sum += m * c.weight;
    w += c.weight;
  }
  return w > 0 ? sum / w : null;
}

/** Competition ranking (1, 2, 2, 4) on the rounded overall score, best first. */
export function withRanks<T extends { overall: number }>(rows: T[]): (T & { rank: number })[] {
  const ranks = competitionRanks(rows.map((r) => r.overall));
  return rows.map((r, i) => ({ ...r, rank: ranks[i] ?? 0 })).sort((a, b) => a.rank - b.rank);
}

export function tally(spec: CampaignSpec, ballots: CountedBallot[], roll: Turnout[]): TallyResult {
  const valid = ballots.filter((b) => !isVoid(spec, b.ratings));
  const rollSize = roll.reduce((s, r) => s + r.roll, 0);
  const turnout = rollSize > 0 ? ballots.length / rollSize : 0;
  const { rules } = spec;

  const rows = spec.candidates.map((cand) => {
    // category → dimension → values
    const values = new Map<string, Map<string, number[]>>();
    const grades: Record<Grade, number> = { excellent: 0, competent: 0, basic: 0, incompetent: 0 };
    const ratersByCategory = new Map<string, number>();
    for (const b of valid) {
      const byDim = b.ratings[cand.id];
      if (!byDim) continue;
      ratersByCategory.set(b.category, (ratersByCategory.get(b.category) ?? 0) + 1);
      const perDim = values.get(b.category) ?? new Map<string, number[]>();
      values.set(b.category, perDim);
      for (const d of spec.dimensions) {
        const v = byDim[d.key];
        const p = v === undefined ? null : pointsOf(spec.scale, v);
        if (p === null) continue;
        const list = perDim.get(d.key) ?? [];
        list.push(p);
        perDim.set(d.key, list);
      }
      const wp = weightedPoints(spec, byDim);
      if (wp !== null) grades[gradeOfPoints(wp, rules.gradeCutoffs)] += 1;
    }

    const dimensions: Record<string, number> = {};
    let overallSum = 0;
    let overallW = 0;
    for (const d of spec.dimensions) {
      const means = new Map<string, number>();
      for (const [cat, perDim] of values) {
        const m = trimmedMean(perDim.get(d.key) ?? [], rules.trimAbove);
        if (m !== null) means.set(cat, m);
      }
      const score = weightedAcross(spec, means);
      if (score === null) continue;
      dimensions[d.key] = round2(score);
      overallSum += score * d.weight;
      overallW += d.weight;
    }

    const byCategory: CategoryScore[] = spec.categories.map((c) => {
      const raters = ratersByCategory.get(c.key) ?? 0;
      if (raters < rules.minGroupSize) return { category: c.key, label: c.label, raters, overall: null };
      const perDim = values.get(c.key);
      let s = 0;
      let w = 0;
      for (const d of spec.dimensions) {
        const m = trimmedMean(perDim?.get(d.key) ?? [], rules.trimAbove);
        if (m === null) continue;
        s += m * d.weight;
        w += d.weight;
      }
      return { category: c.key, label: c.label, raters, overall: w > 0 ? round2(s / w) : null };
    });

    const rated = GRADES.reduce((s, g) => s + grades[g], 0);
    const shareExcellentCompetent = rated > 0 ? (grades.excellent + grades.competent) / rated : 0;
    const shareIncompetent = rated > 0 ? grades.incompetent / rated : 0;
    return {
      id: cand.id,
      name: cand.name,
      sectionId: cand.sectionId,
      dimensions,
      overall: overallW > 0 ? round2(overallSum / overallW) : 0,
      grades,
      shareExcellentCompetent,
      shareIncompetent,
      admonish: rated > 0 && shareExcellentCompetent < rules.admonishBelow,
      adjust: rated > 0 && shareIncompetent > rules.adjustAbove,
      byCategory,
    };
  });

  return {
    ballots: ballots.length,
    valid: valid.length,
    void: ballots.length - valid.length,
    roll: rollSize,
    turnout,
    belowTurnoutFloor: turnout < rules.turnoutFloor,
    candidates: withRanks(rows).sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN')),
    receipts: ballots.map((b) => b.receipt).sort(),
  };
}

/**
 * Scoring rules of a quantitative indicator (定量指标) and the grading of a qualitative one (定性指标).
 * An indicator scores 0–100 (more with a bonus rule), and counts towards the checklist by its weight.
 *
 * Rules (each a setting of the indicator):
 * - proportional: reach / target × 100, capped (default cap 100). For "lower is better" (e.g. days to approve),
 *   target / actual × 100.
 * - tiers: the points of the highest tier whose threshold is reached (thresholds in the indicator's unit).
 * - deduction: 100 minus `perUnit` points for each unit short of the target, not below `floor` (default 0).
 * - bonus: 100 when the target is met, plus `perUnit` points for each unit beyond it up to `cap` extra points;
 *   below target, proportional.
 */
import { TREE } from './config';
import type { Direction, QualitativeGrade, QuantRule } from './contract';

export interface QuantSpec {
  target: number;
  direction: Direction;
  rule: QuantRule;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** How far `actual` is from the target in the good direction: positive = beyond target, negative = short. */
function surplus(spec: QuantSpec, actual: number): number {
  return spec.direction === 'higher' ? actual - spec.target : spec.target - actual;
}

/** Reach as a share of target, in the good direction (lower-is-better inverts). */
function reach(spec: QuantSpec, actual: number): number {
  if (spec.direction === 'higher') return spec.target <= 0 ? 1 : Math.max(0, actual) / spec.target;
  if (actual <= 0) return Number.POSITIVE_INFINITY;
  return spec.target / actual;
}

export function scoreQuantitative(spec: QuantSpec, actual: number): number {
  const r = spec.rule;
  switch (r.type) {
    case 'proportional':
      return round2(Math.min(r.cap, reach(spec, actual) * 100));
    case 'tiers': {
      const sorted = [...r.tiers].sort((a, b) => (spec.direction === 'higher' ? b.atLeast - a.atLeast : a.atLeast - b.atLeast));
      const hit = sorted.find((t) => (spec.direction === 'higher' ? actual >= t.atLeast : actual <= t.atLeast));
      return hit ? hit.points : 0;
    }
    case 'deduction': {
      const short = Math.max(0, -surplus(spec, actual));
      return round2(Math.max(r.floor, 100 - short * r.perUnit));
    }
    case 'bonus': {
      const extra = surplus(spec, actual);
      if (extra < 0) return round2(Math.min(100, reach(spec, actual) * 100));
      return round2(100 + Math.min(r.cap, extra * r.perUnit));
    }
  }
}

/** Grades a rater gives a qualitative indicator, and their points. */
export const QUALITATIVE_POINTS = { A: 100, B: 85, C: 70, D: 50 } as const;
export const QUALITATIVE_LABELS: Record<QualitativeGrade, string> = { A: '优', B: '良', C: '中', D: '差' };

export interface WeightedScore {
  weight: number;
  score: number;
}

/** Weighted mean of indicator scores by weight; 0 when nothing is weighted. */
export function weightedScore(items: WeightedScore[]): number {
  const w = items.reduce((s, i) => s + i.weight, 0);
  if (w <= 0) return 0;
  return round2(items.reduce((s, i) => s + i.weight * i.score, 0) / w);
}

/**
 * Weights in each group of the indicator tree must add up to 100: the park's goals; a section's indicators; a
 * post's; a cadre's checklist. Returns the groups that do not, with their sum, for the UI to point at.
 */
export function weightProblems(nodes: { group: string; weight: number }[], total: number = TREE.groupTotal): { group: string; sum: number }[] {
  const sums = new Map<string, number>();
  for (const n of nodes) sums.set(n.group, round2((sums.get(n.group) ?? 0) + n.weight));
  return [...sums].filter(([, sum]) => Math.abs(sum - total) > 1e-6).map(([group, sum]) => ({ group, sum }));
}

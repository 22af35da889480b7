/**
 * What the leaders' charts show beside an annual total: the quarter trend of a cadre or a section against the park's
 * mean that quarter, and a cadre's five-dimension profile (德能勤绩廉) from the democratic evaluation against the mean
 * of everyone evaluated. Pure: the annual compute calls these and stores the result with the run.
 *
 * Only aggregates of everyone are set beside a person's figures: the park's mean of a quarter or of a dimension is a
 * mean over every cadre (or section) assessed, never over a group small enough to tell someone's figure from it.
 */
import type { VoteRecord } from './score';

export interface TrendPoint {
  periodId: string;
  score: number;
  /** Rank that quarter, of `of` ranked. */
  rank: number;
  of: number;
  /** The mean score of all ranked that quarter (two decimals). */
  mean: number;
}

export interface ProfileAxis {
  key: string;
  label: string;
  /** The cadre's points in this dimension: the mean over the year's closed democratic evaluations, two decimals. */
  value: number;
  /** The mean of every evaluated cadre's points in it (two decimals). */
  mean: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const meanOf = (xs: number[]) => round2(xs.reduce((s, x) => s + x, 0) / xs.length);

/**
 * Each quarter's mean and count from every score ranked in it: `scores` are (periodId, score) pairs.
 * E.g. 2025Q1 with 80 and 91 → { mean: 85.5, of: 2 }.
 */
export function quarterStats(scores: { periodId: string; score: number }[]): Map<string, { mean: number; of: number }> {
  const by = new Map<string, number[]>();
  for (const s of scores) by.set(s.periodId, [...(by.get(s.periodId) ?? []), s.score]);
  return new Map([...by].map(([periodId, xs]) => [periodId, { mean: meanOf(xs), of: xs.length }]));
}

/** One cadre's or section's quarters, in quarter order, with the quarter's mean and count beside each. */
export function quarterTrend(
  own: { periodId: string; score: number; rank: number }[],
  stats: Map<string, { mean: number; of: number }>,
): TrendPoint[] {
  return [...own]
    .sort((a, b) => a.periodId.localeCompare(b.periodId))
    .map((q) => ({
      periodId: q.periodId,
      score: q.score,
      rank: q.rank,
      of: stats.get(q.periodId)?.of ?? 0,
      mean: stats.get(q.periodId)?.mean ?? q.score,
    }));
}

/**
 * A cadre's points per dimension: the mean over their campaigns of the year, by dimension key in the order the
 * first campaign lists them (a dimension only some campaigns have is the mean over those).
 * E.g. 德 90 in one campaign and 86 in another → 88.
 */
export function dimensionPoints(votes: VoteRecord[]): { key: string; label: string; value: number }[] {
  const by = new Map<string, { label: string; values: number[] }>();
  for (const v of votes)
    for (const d of v.dimensions) {
      const at = by.get(d.key) ?? { label: d.label, values: [] };
      at.values.push(d.value);
      by.set(d.key, at);
    }
  return [...by].map(([key, { label, values }]) => ({ key, label, value: meanOf(values) }));
}

/** Every evaluated cadre's dimension points → each cadre's profile with the mean of all beside each dimension. */
export function profiles(points: Map<string, { key: string; label: string; value: number }[]>): Map<string, ProfileAxis[]> {
  const all = new Map<string, number[]>();
  for (const dims of points.values()) for (const d of dims) all.set(d.key, [...(all.get(d.key) ?? []), d.value]);
  const means = new Map([...all].map(([key, xs]) => [key, meanOf(xs)]));
  return new Map([...points].map(([id, dims]) => [id, dims.map((d) => ({ ...d, mean: means.get(d.key) ?? d.value }))]));
}

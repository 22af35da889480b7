/**
 * What the count may keep and publish without revealing a group smaller than the minimum (民主测评 is anonymous:
 * 不记名). The rule holds on the ballots cast, never on the roll: a category or a section of twenty people on the
 * roll of whom two voted is a group of two.
 *
 * - Voter categories (班子成员, 股室负责人, 干部) are weighted; a category whose ballots could make a group smaller than
 *   `minGroupSize` for some candidate (a voter does not rate themself, so n ballots give n − 1 raters) is merged
 *   with its neighbour in the campaign's order, their weights added, until every counting category is big enough.
 *   Weighting a lone leader's ballot at the leaders' 40 % would publish that leader's rating; merging trades the
 *   weighting for the secret, and the results say which categories were merged.
 * - A ballot keeps its voter's section only when its (counting category, section) group of cast ballots has at
 *   least `minGroupSize` ballots; the others lose it before anything is counted or published.
 * - Live turnout groups categories the same way by the roll, so a one-person category's vote does not show.
 * - When: at the close, whether or not anyone reads the results (campaign.ts `closeSteps`: by the close action, or
 *   the votes function's timer for a campaign that closes on its time), so a copy of the store taken after the close
 *   holds only sealed ballots.
 */
import type { VoterCategory } from './config';

export interface CategoryMerge {
  /** The categories counted, in the campaign's order; a merged one has the first member's key and summed weight. */
  categories: VoterCategory[];
  /** Original category key → the key it is counted under. */
  countedAs: Record<string, string>;
}

/**
 * Merge categories whose size (ballots cast, or roll entries for live turnout) is under `enough` with a neighbour:
 * the smallest such category first, into the smaller of its neighbours, until each counted category is big enough
 * or only one is left. Deterministic: the same sizes give the same merge.
 */
export function mergeSmallCategories(categories: VoterCategory[], size: Record<string, number>, enough: number): CategoryMerge {
  let groups = categories.map((c) => ({ keys: [c.key], cat: { ...c }, n: size[c.key] ?? 0 }));
  // an empty category rates nobody: drop it from the counting (it would otherwise hide nothing and merge nothing)
  const nonEmpty = groups.filter((g) => g.n > 0);
  groups = nonEmpty.length > 0 ? nonEmpty : groups.slice(0, 1);
  for (;;) {
    const small = groups.map((g, i) => ({ g, i })).filter((x) => x.g.n < enough);
    if (small.length === 0 || groups.length === 1) break;
    const { i } = small.reduce((a, b) => (b.g.n < a.g.n ? b : a));
    const left = groups[i - 1];
    const right = groups[i + 1];
    const j = !left ? i + 1 : !right ? i - 1 : left.n <= right.n ? i - 1 : i + 1;
    const [a, b] = i < j ? [i, j] : [j, i];
    const ga = groups[a];
    const gb = groups[b];
    if (!ga || !gb) break;
    const merged = {
      keys: [...ga.keys, ...gb.keys],
      cat: { key: ga.cat.key, label: `${ga.cat.label}、${gb.cat.label}`, weight: ga.cat.weight + gb.cat.weight },
      n: ga.n + gb.n,
    };
    groups = [...groups.slice(0, a), merged, ...groups.slice(b + 1)];
  }
  const countedAs: Record<string, string> = {};
  for (const c of categories) countedAs[c.key] = (groups.find((g) => g.keys.includes(c.key)) ?? groups[0])?.cat.key ?? c.key;
  return { categories: groups.map((g) => g.cat), countedAs };
}

/** Ballots are big enough as a category when even the candidate who voted in it keeps `minGroupSize` raters. */
export function enoughBallots(minGroupSize: number): number {
  return minGroupSize + 1;
}

export interface SealedBallot {
  category: string;
  voterSectionId: string | null;
}

/**
 * The ballots as they may be kept and counted: each in its counting category, its voter's section kept only
 * where its (category, section) group has at least `minGroupSize` ballots.
 */
export function sealBallots<T extends SealedBallot>(ballots: T[], merge: CategoryMerge, minGroupSize: number): T[] {
  const inCategory = ballots.map((b) => ({ ...b, category: merge.countedAs[b.category] ?? b.category }));
  const groupKey = (b: SealedBallot) => `${b.category}\u0000${b.voterSectionId ?? ''}`;
  const size = new Map<string, number>();
  for (const b of inCategory) if (b.voterSectionId !== null) size.set(groupKey(b), (size.get(groupKey(b)) ?? 0) + 1);
  return inCategory.map((b) => (b.voterSectionId !== null && (size.get(groupKey(b)) ?? 0) < minGroupSize ? { ...b, voterSectionId: null } : b));
}

/**
 * The satisfaction campaign's ratings (企业评) and how they become scores.
 *
 * Threat model — what must not be learnt: which enterprise gave which rating (the standard protects the rater).
 * - A code (`ratingCodes/{code}`) knows its enterprise and only whether it was used, never when. A submission is
 *   not stored whole: each of its answers — one dimension's level, or one cadre's — is a document of its own
 *   (`ratings/{random id}`) holding its campaign and that one level, nothing else, so no stored document names the
 *   set of cadres one enterprise rated (a set can point at the enterprise: one cadre served only it) and nothing ties
 *   one answer to another. The submission flips the code and adds its answers in one transaction; the responses are
 *   the used codes.
 * - What is published is aggregated: a cadre's or a section's score only from MIN_RATERS ratings or more (fewer
 *   would let someone who knows who served whom read an enterprise's rating off the figure); the campaign's
 *   satisfaction rate and response count. An enterprise's own levels are shown to nobody, the admin included.
 * - And no withheld figure comes back by subtraction (complementary suppression, as statistical offices do): a
 *   section's score and count are the sum of its cadres', so the cadres withheld in a published section are known
 *   together — their count and mean are the section's less the cadres shown. That remainder must itself hold
 *   MIN_RATERS ratings or none: while it holds fewer, the section's shown cadre with the fewest ratings is withheld
 *   too, and when none is left to withhold, the section. A withheld row shows neither its score nor its count.
 * - What remains: a cadre whom a single enterprise could rate has that one answer stored (withheld from every
 *   view, but in the database); and while a submission's writes are in the store's write-ahead log they sit
 *   together (folded within seconds: localcloud/src/store.ts).
 * Formula (documented for the cadres it scores): each level is worth (level − 1) × 25 points — 非常满意 100,
 * 满意 75, 基本满意 50, 不满意 25, 非常不满意 0; a cadre's score is the mean over the ratings naming them, a section's
 * the mean over all ratings of its cadres; satisfied means 基本满意 or better, the satisfaction rate is the share
 * of satisfied answers over all business-environment dimensions.
 */
import { sceneWith } from '../common/codes';
import { RATING_LEVELS } from '../appeals/appeal';

export { RATING_LEVELS };

/** The business-environment dimensions rated (营商环境满意度). */
export const RATING_DIMENSIONS = [
  { key: 'efficiency', label: '政务服务效率' },
  { key: 'policy', label: '惠企政策落实' },
  { key: 'support', label: '要素保障' },
  { key: 'conduct', label: '干部作风' },
] as const;
export type RatingDimension = (typeof RATING_DIMENSIONS)[number]['key'];

/** Published scores need at least this many ratings behind them. */
export const MIN_RATERS = 3;

export const levelPoints = (level: number): number => (level - 1) * 25;
export const isSatisfied = (level: number): boolean => level >= 3;

/** `ratingCodes/{code}`: a sampled enterprise's one-time code. No time, no link to its rating. */
export interface RatingCodeDoc {
  _id: string;
  campaignId: string;
  enterpriseId: string;
  used: boolean;
}

/**
 * `ratings/{random}`: ONE answer of a submission — a dimension's level or a cadre's — so exactly one entry across the
 * two maps. No enterprise, no code, no time, nothing shared with the submission's other answers.
 */
export interface RatingDoc {
  _id: string;
  campaignId: string;
  dimensions: Record<string, number>;
  /** member id → level. */
  cadres: Record<string, number>;
}

/** A submission as the documents it is stored as: one per answer, each with its own id (`idOf(i)`). */
export function splitRating(
  campaignId: string,
  dimensions: Record<string, number>,
  cadres: Record<string, number>,
  idOf: (i: number) => string,
): RatingDoc[] {
  const answers: Pick<RatingDoc, 'dimensions' | 'cadres'>[] = [
    ...Object.entries(dimensions).map(([k, level]) => ({ dimensions: { [k]: level }, cadres: {} })),
    ...Object.entries(cadres).map(([id, level]) => ({ dimensions: {}, cadres: { [id]: level } })),
  ];
  return answers.map((a, i) => ({ _id: idOf(i), campaignId, ...a }));
}

// The one-time codes are shared/common/codes.ts; a rating's scene is `r=<code>`.
export { CODE_LENGTH, CODE_PATTERN, makeCode } from '../common/codes';
export const sceneOf = (code: string): string => sceneWith('r', code);

/** What is wrong with a submission, in words for the enterprise; null when it may be counted. */
export function submissionProblem(dimensions: Record<string, number>, cadres: Record<string, number>, served: ReadonlySet<string>): string | null {
  const missing = RATING_DIMENSIONS.find((d) => dimensions[d.key] === undefined);
  if (missing) return `请评价「${missing.label}」`;
  if (Object.keys(dimensions).some((k) => !RATING_DIMENSIONS.some((d) => d.key === k))) return '评价项目不正确';
  const outsider = Object.keys(cadres).find((id) => !served.has(id));
  if (outsider) return '只能评价为本企业服务过的干部';
  return null;
}

export interface ScoreRow {
  id: string;
  /** null when withheld. */
  raters: number | null;
  /** null when withheld: fewer than MIN_RATERS ratings, or (complementary) it would give a withheld one back. */
  score: number | null;
}

export interface CampaignResults {
  responses: number;
  /** Satisfied answers over all dimension answers, 0–1; null with no responses. */
  satisfaction: number | null;
  dimensions: { key: string; label: string; satisfaction: number | null; score: number | null }[];
  cadres: ScoreRow[];
  sections: ScoreRow[];
}

const mean = (xs: number[]) => (xs.length ? Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10 : null);
const share = (xs: number[]) => (xs.length ? Math.round((xs.filter(isSatisfied).length / xs.length) * 1000) / 1000 : null);

/**
 * The cadres and sections whose scores may be published (ids of both): each with MIN_RATERS ratings or more, and in
 * each published section the ratings of its withheld cadres together none or at least MIN_RATERS (see the header).
 */
export function publishable(
  byCadre: ReadonlyMap<string, readonly number[]>,
  bySection: ReadonlyMap<string, readonly number[]>,
  sectionOf: (memberId: string) => string | null,
): Set<string> {
  const shown = new Set<string>();
  for (const [id, levels] of byCadre) if (levels.length >= MIN_RATERS) shown.add(id);
  for (const [sectionId, levels] of bySection) {
    if (levels.length < MIN_RATERS) continue;
    const cadres = [...byCadre].filter(([id]) => sectionOf(id) === sectionId).map(([id, l]) => ({ id, n: l.length }));
    const hidden = () => cadres.filter((c) => !shown.has(c.id)).reduce((s, c) => s + c.n, 0);
    while (hidden() > 0 && hidden() < MIN_RATERS) {
      const next = cadres.filter((c) => shown.has(c.id)).sort((a, b) => a.n - b.n || (a.id < b.id ? -1 : 1))[0];
      if (!next) break;
      shown.delete(next.id);
    }
    // nothing left to hide the remainder behind: the section's own figure would give it back
    if (hidden() === 0 || hidden() >= MIN_RATERS) shown.add(sectionId);
  }
  return shown;
}

/**
 * The campaign's published figures from its stored answers (whole submissions work as well); `sectionOf` places each
 * cadre; `responses` is how many submissions there were (the used codes).
 */
export function results(
  ratings: Pick<RatingDoc, 'dimensions' | 'cadres'>[],
  sectionOf: (memberId: string) => string | null,
  responses: number = ratings.length,
): CampaignResults {
  const all = ratings.flatMap((r) => Object.values(r.dimensions));
  const byCadre = new Map<string, number[]>();
  const bySection = new Map<string, number[]>();
  for (const r of ratings) {
    for (const [id, level] of Object.entries(r.cadres)) {
      byCadre.set(id, [...(byCadre.get(id) ?? []), level]);
      const s = sectionOf(id);
      if (s) bySection.set(s, [...(bySection.get(s) ?? []), level]);
    }
  }
  const shown = publishable(byCadre, bySection, sectionOf);
  const rows = (m: Map<string, number[]>): ScoreRow[] =>
    [...m.entries()]
      .map(([id, levels]) =>
        shown.has(id) ? { id, raters: levels.length, score: mean(levels.map(levelPoints)) } : { id, raters: null, score: null },
      )
      .sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.id < b.id ? -1 : 1));
  return {
    responses,
    satisfaction: responses >= MIN_RATERS ? share(all) : null,
    dimensions: RATING_DIMENSIONS.map((d) => {
      const xs = ratings.map((r) => r.dimensions[d.key]).filter((x): x is number => typeof x === 'number');
      const enough = xs.length >= MIN_RATERS;
      return { key: d.key, label: d.label, satisfaction: enough ? share(xs) : null, score: enough ? mean(xs.map(levelPoints)) : null };
    }),
    cadres: rows(byCadre),
    sections: rows(bySection),
  };
}

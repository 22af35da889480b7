import {
  DEFAULT_CATEGORIES,
  DEFAULT_DIMENSIONS,
  DEFAULT_GRADE_POINTS,
  DEFAULT_RULES,
  type CampaignSpec,
  type Grade,
  type Ratings,
} from '../../../shared/votes/config';
import type { CountedBallot } from '../../../shared/votes/tally';

/** A campaign of `n` candidates C1…Cn in sections S1/S2 alternately, default rules, the grades scale. */
export function spec(n: number, overrides: Partial<CampaignSpec> = {}): CampaignSpec {
  return {
    candidates: Array.from({ length: n }, (_, i) => ({ id: `C${i + 1}`, name: `候选人${i + 1}`, sectionId: i % 2 ? 'S2' : 'S1' })),
    categories: DEFAULT_CATEGORIES,
    dimensions: DEFAULT_DIMENSIONS,
    scale: { type: 'grades', points: DEFAULT_GRADE_POINTS },
    rules: DEFAULT_RULES,
    ...overrides,
  };
}

/** The same grade on every dimension for each listed candidate. */
export function grades(byCandidate: Record<string, Grade>, s: CampaignSpec = spec(1)): Ratings {
  const out: Ratings = {};
  for (const [id, g] of Object.entries(byCandidate)) {
    out[id] = Object.fromEntries(s.dimensions.map((d) => [d.key, g]));
  }
  return out;
}

/** Points on every dimension for each listed candidate. */
export function points(byCandidate: Record<string, number>, s: CampaignSpec): Ratings {
  const out: Ratings = {};
  for (const [id, p] of Object.entries(byCandidate)) out[id] = Object.fromEntries(s.dimensions.map((d) => [d.key, p]));
  return out;
}

let n = 0;
export function ballot(category: string, ratings: Ratings, voterSectionId: string | null = null): CountedBallot {
  n += 1;
  return { receipt: `R${String(n).padStart(4, '0')}`, category, voterSectionId, ratings };
}

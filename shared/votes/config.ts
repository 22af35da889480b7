/**
 * Year-end democratic evaluation (民主测评): the settings of a campaign and their defaults.
 * Sources: the civil-servant assessment rules (grades 优秀/称职/基本称职/不称职; assessment of 德、能、勤、绩、廉;
 * 优秀 normally at most 20%) and common local practice for democratic evaluation (secret ballots, one per voter,
 * no self-rating, weighted voter categories, trimmed mean above 5 raters, void ballots, a 2/3 turnout floor,
 * 优秀+称职 under 2/3 → admonition talk (诫勉), 不称职 over 1/3 → adjustment). Every number is a setting.
 */

export const GRADES = ['excellent', 'competent', 'basic', 'incompetent'] as const;
export type Grade = (typeof GRADES)[number];

export const GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
};

export interface Dimension {
  key: string;
  label: string;
  /** Relative weight in the overall score. */
  weight: number;
}

export interface VoterCategory {
  key: string;
  label: string;
  /** Relative weight of this category's mean in a candidate's score. */
  weight: number;
}

/** A ballot rates with grades (each worth points) or with points on a range. */
export type Scale = { type: 'grades'; points: Record<Grade, number> } | { type: 'points'; min: number; max: number };

export interface VoteRules {
  /** Share of candidates a ballot may rate 优秀 overall; rounded down, at least one. */
  excellentShareMax: number;
  /** Ballots cast over the roll below which the result is flagged as not valid. */
  turnoutFloor: number;
  /** When a category has more than this many raters of a candidate, its highest and lowest are dropped. */
  trimAbove: number;
  /** A ballot whose every value is the same is void. */
  voidIfAllSame: boolean;
  /**
   * The overall grade a ballot gives a candidate follows from its weighted points:
   * at least `excellent` → 优秀, at least `competent` → 称职, at least `basic` → 基本称职, else 不称职.
   */
  gradeCutoffs: { excellent: number; competent: number; basic: number };
  /** 优秀+称职 share of valid ballots under this → flag for an admonition talk (诫勉谈话). */
  admonishBelow: number;
  /** 不称职 share of valid ballots over this → flag for adjustment (组织调整). */
  adjustAbove: number;
  /** No breakdown is shown, and no voter section is stored, for a group smaller than this. */
  minGroupSize: number;
  /** A ballot whose mean is this many standard deviations from the others' is flagged lenient or severe. */
  leniencyZ: number;
  /** A section whose own voters rate its candidates this many points above how others rate them is flagged. */
  blocGap: number;
}

export const DEFAULT_DIMENSIONS: Dimension[] = [
  { key: 'de', label: '德', weight: 25 },
  { key: 'neng', label: '能', weight: 15 },
  { key: 'qin', label: '勤', weight: 15 },
  { key: 'ji', label: '绩', weight: 30 },
  { key: 'lian', label: '廉', weight: 15 },
];

export const DEFAULT_GRADE_POINTS: Record<Grade, number> = {
  excellent: 95,
  competent: 80,
  basic: 65,
  incompetent: 45,
};

export const DEFAULT_CATEGORIES: VoterCategory[] = [
  { key: 'leader', label: '班子成员', weight: 40 },
  { key: 'sectionHead', label: '股室负责人', weight: 30 },
  { key: 'cadre', label: '干部', weight: 30 },
];

export const DEFAULT_RULES: VoteRules = {
  excellentShareMax: 0.2,
  turnoutFloor: 2 / 3,
  trimAbove: 5,
  voidIfAllSame: true,
  gradeCutoffs: { excellent: 90, competent: 75, basic: 60 },
  admonishBelow: 2 / 3,
  adjustAbove: 1 / 3,
  minGroupSize: 5,
  leniencyZ: 2,
  blocGap: 10,
};

export interface Candidate {
  id: string;
  name: string;
  sectionId: string | null;
}

/** What the rules need to know of a campaign. */
export interface CampaignSpec {
  candidates: Candidate[];
  categories: VoterCategory[];
  dimensions: Dimension[];
  scale: Scale;
  rules: VoteRules;
}

/** One value: a grade on a grades scale, a number on a points scale. */
export type RatingValue = Grade | number;
/** candidate id → dimension key → value */
export type Ratings = Record<string, Record<string, RatingValue>>;

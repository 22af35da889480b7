/**
 * The annual formula (年度考核, 三评价一抽查): the defaults the admin starts a year's formula from. Every figure is a
 * setting of the year's formula (`annualFormulas/{year}`, versioned), shown to everyone with the results.
 */
import type { Grade } from '../votes/config';

export interface AnnualFormula {
  year: number;
  /** 1 for the first saved; each change of a saved formula adds one (the results name the version they used). */
  version: number;
  /**
   * The four evaluations' weights, adding up to 1: 指标评价 (the quarters' indicator part), 单位评价 (考人 and 考事 of
   * the quarters), 民主测评 (the year-end campaigns), 企业评价 (the satisfaction campaigns). A source a cadre has no
   * record in (no enterprise rated them) drops out and the others share its weight in proportion.
   */
  weights: { indicators: number; unit: number; democratic: number; enterprise: number };
  /** Within 单位评价: the section head's 考人 and the section's 考事, as the quarter weighs them (30 : 10). */
  unitSplit: { staff: number; section: number };
  /** Points above 100 in a quarter's indicator part (超额加分, incentive indicators): at most this much a year, on average. */
  incentiveBonusMax: number;
  /** A section's annual score: its quarters' 考事 and its enterprise evaluation. */
  sectionWeights: { work: number; enterprise: number };
  /** 第一等次 sections (一类股室): the top this share of the ranked sections (rounded down, at least one); the rest 第二等次. */
  sectionFirstTierShare: number;
  /** Score cut-offs of the grades 优秀 / 称职 / 基本称职 (below: 不称职). */
  cutoffs: { excellent: number; competent: number; basic: number };
  /** 优秀 for at most this share of those assessed (rounded down). */
  excellentShareMax: number;
  /** 优秀 needs 好 in more than half of the year's quarters, and no quarter 一般 or 较差. */
  excellentNeedsGoodQuarters: boolean;
  /**
   * Vetoes: the democratic evaluation's 诫勉 flag bars 优秀; its 调整 flag caps the grade at 基本称职; a red card in
   * force (issued, not lifted: shared/cards/rules.ts) bars 优秀.
   */
  vetoes: { admonishBarsExcellent: boolean; adjustCapsAt: Grade | null; poorQuartersMakeIncompetent: number | null; redCardBarsExcellent: boolean };
  /** Working days results stay up for 公示, and working days after notification a cadre may ask for review (复核). */
  publicityWorkdays: number;
  reviewWorkdays: number;
}

export function defaultFormula(year: number): AnnualFormula {
  return {
    year,
    version: 0,
    weights: { indicators: 0.4, unit: 0.3, democratic: 0.2, enterprise: 0.1 },
    unitSplit: { staff: 0.75, section: 0.25 },
    incentiveBonusMax: 5,
    sectionWeights: { work: 0.8, enterprise: 0.2 },
    sectionFirstTierShare: 0.3,
    cutoffs: { excellent: 90, competent: 70, basic: 60 },
    excellentShareMax: 0.2,
    excellentNeedsGoodQuarters: true,
    vetoes: { admonishBarsExcellent: true, adjustCapsAt: 'basic', poorQuartersMakeIncompetent: 2, redCardBarsExcellent: true },
    publicityWorkdays: 5,
    reviewWorkdays: 5,
  };
}

export const SOURCE_LABELS = {
  indicators: '指标评价',
  unit: '单位评价',
  democratic: '民主测评',
  enterprise: '企业评价',
} as const;
export type SourceKey = keyof typeof SOURCE_LABELS;
export const SOURCES = Object.keys(SOURCE_LABELS) as SourceKey[];

/** A formula's settings without its year and version: what the admin edits (annual.saveFormula). */
export function formulaFields(year: number): Omit<AnnualFormula, 'year' | 'version'> {
  const { year: _year, version: _version, ...fields } = defaultFormula(year);
  return fields;
}

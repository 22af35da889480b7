/**
 * The annual score (年度考核总分) of a cadre and of a section, from the four evaluations of 三评价一抽查, each with the
 * records behind it so that a total explains itself down to the quarter or the campaign.
 *
 * cadre total = Σ source × its weight (over the sources the cadre has a record in, weights rescaled to add up to 1)
 *               − the year's spot-check deductions, clamped to 0–100, two decimals, where
 *   指标评价 = mean of the quarters' indicator part up to 100, plus the mean of what went above 100 (超额加分) up to
 *             `incentiveBonusMax`;
 *   单位评价 = mean over the quarters of 考人 × staff + 考事 × section (the split rescaled to add up to 1);
 *   民主测评 = mean of the cadre's overall points in the year's closed democratic evaluations;
 *   企业评价 = mean of the cadre's scores in the year's closed satisfaction campaigns (those with enough raters).
 * section total = mean of its quarters' 考事 score × work + its enterprise score × enterprise (rescaled the same way).
 *
 * Pure: the function loads the year's records, calls these, and stores the result.
 */
import { quarterLabel } from '../common/time';
import type { QuarterGrade } from '../assessment/contract';
import { SOURCE_LABELS, SOURCES, type AnnualFormula, type SourceKey } from './config';

export interface QuarterRecord {
  periodId: string;
  indicators: number;
  staffEvaluation: number;
  sectionEvaluation: number;
  deductions: number;
  score: number;
  grade: QuarterGrade;
}

export interface VoteRecord {
  campaignId: string;
  title: string;
  /** The candidate's overall points, 0–100. */
  overall: number;
  /** Points per dimension (德能勤绩廉), with the campaign's labels: the profile leaders see (./trend.ts). */
  dimensions: { key: string; label: string; value: number }[];
  admonish: boolean;
  adjust: boolean;
}

export interface RatingRecord {
  campaignId: string;
  title: string;
  /** null: withheld from the campaign's results (a score nobody sees counts for nothing). */
  score: number | null;
  /** null when withheld. */
  raters: number | null;
}

export interface CadreYear {
  memberId: string;
  name: string;
  sectionId: string;
  quarters: QuarterRecord[];
  votes: VoteRecord[];
  ratings: RatingRecord[];
  /** A red card in force when the year is computed (shared/cards/rules.ts hasRedInForce). */
  redCard: boolean;
}

export interface SourceRecord {
  ref: string;
  label: string;
  value: number | null;
}

export interface SourceLine {
  key: SourceKey;
  label: string;
  /** The source's score, 0–100 (指标评价 up to 100 + the bonus cap); null when the cadre has no record in it. */
  value: number | null;
  /** The formula's weight, and the weight it carried for this cadre (0 when it had no record). */
  weight: number;
  effectiveWeight: number;
  /** value × effective weight: what it adds to the total. */
  points: number;
  records: SourceRecord[];
  /** Why, in words the cadre reads. */
  note: string;
}

export interface AnnualScore {
  memberId: string;
  name: string;
  sectionId: string;
  sources: SourceLine[];
  deductions: number;
  total: number;
  /** Closed quarters of the year the cadre was assessed in, and how many were graded 好 / 一般 or 较差. */
  quarters: number;
  quartersGood: number;
  quartersAveragePoor: number;
  quartersPoor: number;
  admonish: boolean;
  adjust: boolean;
  redCard: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : null);
const clamp = (x: number) => Math.max(0, Math.min(100, x));

/** The sources' values with weights rescaled over those present; `weights` in the formula's order. */
function combine(
  values: Record<SourceKey, number | null>,
  weights: Record<SourceKey, number>,
): Record<SourceKey, { value: number | null; weight: number; effectiveWeight: number; points: number }> {
  const present = SOURCES.filter((k) => values[k] !== null && weights[k] > 0);
  const sum = present.reduce((s, k) => s + weights[k], 0);
  const out = {} as Record<SourceKey, { value: number | null; weight: number; effectiveWeight: number; points: number }>;
  for (const k of SOURCES) {
    const effectiveWeight = sum > 0 && present.includes(k) ? weights[k] / sum : 0;
    const value = values[k];
    out[k] = {
      value,
      weight: weights[k],
      effectiveWeight: Math.round(effectiveWeight * 10000) / 10000,
      points: round2((value ?? 0) * effectiveWeight),
    };
  }
  return out;
}

export function annualScore(c: CadreYear, f: AnnualFormula): AnnualScore {
  const q = c.quarters;
  const base = mean(q.map((x) => Math.min(100, x.indicators)));
  const bonus = mean(q.map((x) => Math.max(0, x.indicators - 100)));
  const indicators = base === null ? null : round2(base + Math.min(f.incentiveBonusMax, bonus ?? 0));
  const split = f.unitSplit.staff + f.unitSplit.section;
  const unitOf = (x: QuarterRecord) => (split > 0 ? (x.staffEvaluation * f.unitSplit.staff + x.sectionEvaluation * f.unitSplit.section) / split : 0);
  const unit = mean(q.map(unitOf));
  const democratic = mean(c.votes.map((v) => v.overall));
  const rated = c.ratings.filter((r): r is RatingRecord & { score: number } => r.score !== null);
  const enterprise = mean(rated.map((r) => r.score));
  const values: Record<SourceKey, number | null> = {
    indicators,
    unit: unit === null ? null : round2(unit),
    democratic: democratic === null ? null : round2(democratic),
    enterprise: enterprise === null ? null : round2(enterprise),
  };
  const parts = combine(values, f.weights);
  const records: Record<SourceKey, SourceRecord[]> = {
    indicators: q.map((x) => ({ ref: x.periodId, label: quarterLabel(x.periodId), value: x.indicators })),
    unit: q.map((x) => ({
      ref: x.periodId,
      label: `${quarterLabel(x.periodId)} 考人${x.staffEvaluation} · 考事${x.sectionEvaluation}`,
      value: round2(unitOf(x)),
    })),
    democratic: c.votes.map((v) => ({ ref: v.campaignId, label: v.title, value: v.overall })),
    enterprise: c.ratings.map((r) => ({ ref: r.campaignId, label: r.title, value: r.score })),
  };
  const notes: Record<SourceKey, string> = {
    indicators:
      base === null
        ? '本年度没有已结束的季度'
        : `${q.length}个季度指标得分的平均${(bonus ?? 0) > 0 ? `，超额加分平均${round2(bonus ?? 0)}分（最多计${f.incentiveBonusMax}分）` : ''}`,
    unit: unit === null ? '本年度没有已结束的季度' : `各季度考人×${f.unitSplit.staff}、考事×${f.unitSplit.section}的平均`,
    democratic: democratic === null ? '本年度没有参加民主测评，权重由其他项目按比例分担' : `${c.votes.length}次民主测评得分的平均`,
    enterprise:
      enterprise === null ? '本年度没有足够的企业评价，权重由其他项目按比例分担' : `${rated.length}次企业评的平均（每次至少3家企业评价才计分）`,
  };
  const sources: SourceLine[] = SOURCES.map((k) => ({ key: k, label: SOURCE_LABELS[k], ...parts[k], records: records[k], note: notes[k] }));
  const deductions = round2(q.reduce((s, x) => s + x.deductions, 0));
  const present = SOURCES.filter((k) => values[k] !== null && f.weights[k] > 0);
  const weightSum = present.reduce((s, k) => s + f.weights[k], 0);
  const weighted = weightSum > 0 ? present.reduce((s, k) => s + (values[k] ?? 0) * f.weights[k], 0) / weightSum : 0;
  const total = round2(clamp(weighted - deductions));
  return {
    memberId: c.memberId,
    name: c.name,
    sectionId: c.sectionId,
    sources,
    deductions,
    total,
    quarters: q.length,
    quartersGood: q.filter((x) => x.grade === 'good').length,
    quartersAveragePoor: q.filter((x) => x.grade === 'average' || x.grade === 'poor').length,
    quartersPoor: q.filter((x) => x.grade === 'poor').length,
    admonish: c.votes.some((v) => v.admonish),
    redCard: c.redCard,
    adjust: c.votes.some((v) => v.adjust),
  };
}

export interface SectionYear {
  sectionId: string;
  name: string;
  quarters: { periodId: string; score: number }[];
  ratings: RatingRecord[];
}

export interface SectionScore {
  sectionId: string;
  name: string;
  work: number | null;
  enterprise: number | null;
  workWeight: number;
  enterpriseWeight: number;
  total: number;
  records: SourceRecord[];
}

export function sectionAnnualScore(s: SectionYear, f: AnnualFormula): SectionScore {
  const work = mean(s.quarters.map((x) => x.score));
  const enterprise = mean(s.ratings.flatMap((r) => (r.score === null ? [] : [r.score])));
  const w = { work: work === null ? 0 : f.sectionWeights.work, enterprise: enterprise === null ? 0 : f.sectionWeights.enterprise };
  const sum = w.work + w.enterprise;
  const workWeight = sum > 0 ? w.work / sum : 0;
  const enterpriseWeight = sum > 0 ? w.enterprise / sum : 0;
  return {
    sectionId: s.sectionId,
    name: s.name,
    work: work === null ? null : round2(work),
    enterprise: enterprise === null ? null : round2(enterprise),
    workWeight: Math.round(workWeight * 10000) / 10000,
    enterpriseWeight: Math.round(enterpriseWeight * 10000) / 10000,
    total: round2(clamp((work ?? 0) * workWeight + (enterprise ?? 0) * enterpriseWeight)),
    records: [
      ...s.quarters.map((x) => ({ ref: x.periodId, label: `${quarterLabel(x.periodId)} 考事`, value: x.score })),
      ...s.ratings.map((r) => ({ ref: r.campaignId, label: r.title, value: r.score })),
    ],
  };
}

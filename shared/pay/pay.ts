/**
 * Performance pay (绩效奖金) under total control (总额控制), from the report's 结果运用: the pool floats with the park's
 * provincial assessment and its industrial tax contribution; sections share by their tier; each cadre by their
 * grade; 优秀 at least 50% above 不称职; the first-tier section at least 16% above the average section.
 *
 *   pool          = base × the provincial tier's factor × the tax factor, to the fen;
 *   tax factor    = 1 + elasticity × (this year's industrial tax contribution ÷ last year's − 1), held within
 *                   [taxFactorMin, taxFactorMax];
 *   a cadre's weight = their section's tier coefficient × their grade's coefficient;
 *   a cadre's pay = pool × weight ÷ Σ weights, to the fen by the largest remainder: every amount is first rounded
 *                   down to the fen, and the fens left over go one each to the largest remainders (ties: the higher
 *                   rank first, then the member id), so that the amounts add up to the pool exactly.
 *
 * Checks before any figure is shown (payProblems): 优秀 ≥ 1.5 × 不称职 (a setting), the grade coefficients not
 * rising as the grade falls, the first-tier coefficient at least 16% (a setting) above the average section's, and
 * the figures positive.
 *
 * Pure: no I/O; amounts are integers of fen.
 */
import type { AnnualGrade } from '../annual/grades';
import type { SectionTier } from '../annual/tiers';

export const PROVINCIAL_TIERS = ['excellent', 'good', 'average', 'poor'] as const;
export type ProvincialTier = (typeof PROVINCIAL_TIERS)[number];
export const PROVINCIAL_TIER_LABELS: Record<ProvincialTier, string> = { excellent: '优秀', good: '良好', average: '一般', poor: '较差' };

export interface PaySettings {
  year: number;
  /** The base pool, in yuan. */
  base: number;
  /** The park's tier in the province's assessment of development zones, and each tier's factor. */
  provincialTier: ProvincialTier;
  provincialFactors: Record<ProvincialTier, number>;
  /** Industrial tax contribution (工业税收贡献), this year and last, in 万元. */
  taxThisYear: number;
  taxLastYear: number;
  taxElasticity: number;
  taxFactorMin: number;
  taxFactorMax: number;
  /** Coefficients of the sections' tiers (shared/annual/tiers.ts) and of the annual grades. */
  sectionCoefficients: Record<SectionTier, number>;
  gradeCoefficients: Record<AnnualGrade, number>;
  /** 优秀 at least this many times 不称职 (the report: 50% above). */
  excellentOverIncompetentMin: number;
  /** The first-tier coefficient at least this share above the average section's (the report: 16%). */
  firstTierPremiumMin: number;
}

export function defaultPaySettings(year: number): PaySettings {
  return {
    year,
    base: 3_000_000,
    provincialTier: 'good',
    provincialFactors: { excellent: 1.1, good: 1.0, average: 0.95, poor: 0.9 },
    taxThisYear: 0,
    taxLastYear: 0,
    taxElasticity: 0.5,
    taxFactorMin: 0.9,
    taxFactorMax: 1.1,
    sectionCoefficients: { 1: 1.25, 2: 1.0 },
    gradeCoefficients: { excellent: 1.5, competent: 1.2, basic: 1.0, incompetent: 0.8 },
    excellentOverIncompetentMin: 1.5,
    firstTierPremiumMin: 0.16,
  };
}

const round4 = (x: number) => Math.round(x * 10000) / 10000;

/** The tax factor: no figures (either year 0) → 1. E.g. 12 000 against 10 000, elasticity 0.5 → 1 + 0.5 × 0.2 = 1.1. */
export function taxFactor(s: Pick<PaySettings, 'taxThisYear' | 'taxLastYear' | 'taxElasticity' | 'taxFactorMin' | 'taxFactorMax'>): number {
  if (s.taxThisYear <= 0 || s.taxLastYear <= 0) return 1;
  const f = 1 + s.taxElasticity * (s.taxThisYear / s.taxLastYear - 1);
  return round4(Math.min(s.taxFactorMax, Math.max(s.taxFactorMin, f)));
}

/** The pool in fen: base × tier factor × tax factor. */
export function poolFen(s: PaySettings): number {
  return Math.round(s.base * 100 * s.provincialFactors[s.provincialTier] * taxFactor(s));
}

export interface PayProblem {
  path: string;
  message: string;
}

const ORDER: AnnualGrade[] = ['excellent', 'competent', 'basic', 'incompetent'];

/**
 * What is wrong with the settings for these sections (`tiers`: each section's tier), none when all hold. The
 * average section's coefficient is the mean over the sections: with 3 first-tier sections at 1.25 and 7 at 1.0 the
 * average is (3 × 1.25 + 7 × 1.0) / 10 = 1.075, and 1.25 / 1.075 − 1 = 16.3% ≥ 16%.
 */
export function payProblems(s: PaySettings, tiers: SectionTier[]): PayProblem[] {
  const out: PayProblem[] = [];
  const g = s.gradeCoefficients;
  if (g.excellent < s.excellentOverIncompetentMin * g.incompetent - 1e-9)
    out.push({
      path: 'gradeCoefficients.excellent',
      message: `优秀系数应至少为不称职系数的${s.excellentOverIncompetentMin}倍（现为${round4(g.incompetent > 0 ? g.excellent / g.incompetent : 0)}倍）`,
    });
  for (let i = 1; i < ORDER.length; i += 1) {
    const hi = ORDER[i - 1] as AnnualGrade;
    const lo = ORDER[i] as AnnualGrade;
    if (g[lo] > g[hi]) out.push({ path: `gradeCoefficients.${lo}`, message: '等次越低，系数不能越高' });
  }
  const first = s.sectionCoefficients[1];
  if (tiers.length > 0) {
    const avg = tiers.reduce((sum, t) => sum + s.sectionCoefficients[t], 0) / tiers.length;
    if (first < (1 + s.firstTierPremiumMin) * avg - 1e-9)
      out.push({
        path: 'sectionCoefficients.1',
        message: `第一等次股室系数应比股室平均高${Math.round(s.firstTierPremiumMin * 100)}%以上（现高${Math.round((first / avg - 1) * 1000) / 10}%）`,
      });
  }
  if (s.sectionCoefficients[2] > first) out.push({ path: 'sectionCoefficients.2', message: '第二等次股室系数不能高于第一等次' });
  if (poolFen(s) <= 0) out.push({ path: 'base', message: '奖金总额应大于0' });
  return out;
}

export interface PayCadre {
  memberId: string;
  sectionId: string;
  rank: number;
  grade: AnnualGrade;
  tier: SectionTier;
}

export interface PayRow extends PayCadre {
  weight: number;
  fen: number;
}

/**
 * Share `pool` fen among the cadres by weight, to the fen, by the largest remainder. E.g. 1000 fen over weights
 * 1, 1, 1: 333.33 each → 333 each, 1 fen left, to the first by rank → 334, 333, 333.
 */
export function distribute(pool: number, cadres: PayCadre[], s: PaySettings): PayRow[] {
  const weighted = cadres.map((c) => ({ ...c, weight: round4(s.sectionCoefficients[c.tier] * s.gradeCoefficients[c.grade]) }));
  const total = weighted.reduce((sum, c) => sum + c.weight, 0);
  if (total <= 0) return weighted.map((c) => ({ ...c, fen: 0 }));
  const exact = weighted.map((c) => (pool * c.weight) / total);
  const rows = weighted.map((c, i) => ({ ...c, fen: Math.floor(exact[i] ?? 0) }));
  let left = pool - rows.reduce((sum, r) => sum + r.fen, 0);
  const order = rows
    .map((r, i) => ({ i, rem: (exact[i] ?? 0) - r.fen, rank: r.rank, id: r.memberId }))
    .sort((a, b) => b.rem - a.rem || a.rank - b.rank || (a.id < b.id ? -1 : 1));
  for (const o of order) {
    if (left <= 0) break;
    const row = rows[o.i];
    if (row) row.fen += 1;
    left -= 1;
  }
  return rows;
}

export interface PayGroup {
  tier: SectionTier;
  grade: AnnualGrade;
  count: number;
  /** Smallest and largest amount in the group (they differ by the fen of the rounding at most). */
  minFen: number;
  maxFen: number;
  totalFen: number;
}

/** The simulator's table: for each section tier and grade, how many and what they get. */
export function payGroups(rows: PayRow[]): PayGroup[] {
  const out: PayGroup[] = [];
  for (const tier of [1, 2] as SectionTier[])
    for (const grade of ORDER) {
      const g = rows.filter((r) => r.tier === tier && r.grade === grade);
      if (g.length === 0) continue;
      const fens = g.map((r) => r.fen);
      out.push({ tier, grade, count: g.length, minFen: Math.min(...fens), maxFen: Math.max(...fens), totalFen: fens.reduce((a, b) => a + b, 0) });
    }
  return out;
}

/** Fen as yuan for people: 12345 → "123.45". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100).toLocaleString('en-US')}.${String(a % 100).padStart(2, '0')}`;
}

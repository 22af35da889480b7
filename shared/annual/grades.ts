/**
 * Annual grades 优秀 / 称职 / 基本称职 / 不称职: proposed by the rules, then adjusted by the leadership with a reason.
 *
 * 1. By score: 优秀 from cutoffs.excellent, 称职 from competent, 基本称职 from basic, else 不称职.
 * 2. Eligibility for 优秀 (a setting): 好 in more than half of the year's quarters and none 一般 or 较差.
 * 3. Vetoes (settings): the democratic evaluation's 诫勉 bars 优秀; its 调整 caps the grade (基本称职); so many
 *    quarters 较差 make 不称职.
 * 4. The quota: 优秀 for at most excellentShareMax of those assessed (rounded down). Past it, the higher total keeps
 *    优秀, then the higher 指标评价, then the higher 单位评价; people still tied at the edge all drop to 称职, as the
 *    quarter's 好 quota does, so the quota is never exceeded and equals are treated alike.
 */
import { GRADES, GRADE_LABELS, type Grade } from '../votes/config';
import type { AnnualFormula } from './config';
import type { AnnualScore } from './score';

export type AnnualGrade = Grade;
export const ANNUAL_GRADES = GRADES;
export const ANNUAL_GRADE_LABELS = GRADE_LABELS;

export interface GradeProposal {
  memberId: string;
  grade: AnnualGrade;
  /** The grade the score alone gives. */
  byScore: AnnualGrade;
  /** Why the grade is below what the score gives, in words the cadre reads; empty when it is not. */
  reasons: string[];
  cappedByQuota: boolean;
}

const rank = (g: AnnualGrade) => GRADES.indexOf(g);
/** The lower (worse) of two grades. */
const lower = (a: AnnualGrade, b: AnnualGrade): AnnualGrade => (rank(a) >= rank(b) ? a : b);

export function gradeOfTotal(total: number, f: AnnualFormula): AnnualGrade {
  if (total >= f.cutoffs.excellent) return 'excellent';
  if (total >= f.cutoffs.competent) return 'competent';
  if (total >= f.cutoffs.basic) return 'basic';
  return 'incompetent';
}

export function excellentQuota(assessed: number, f: AnnualFormula): number {
  return Math.floor(assessed * f.excellentShareMax + 1e-9);
}

const source = (s: AnnualScore, key: 'indicators' | 'unit') => s.sources.find((x) => x.key === key)?.value ?? 0;
function byMerit(a: AnnualScore, b: AnnualScore): number {
  return b.total - a.total || source(b, 'indicators') - source(a, 'indicators') || source(b, 'unit') - source(a, 'unit');
}

export function proposeGrades(scores: AnnualScore[], f: AnnualFormula): GradeProposal[] {
  const out = new Map<string, GradeProposal>();
  for (const s of scores) {
    const byScore = gradeOfTotal(s.total, f);
    let grade = byScore;
    const reasons: string[] = [];
    const cap = (to: AnnualGrade, why: string) => {
      if (rank(to) > rank(grade)) {
        grade = lower(grade, to);
        reasons.push(why);
      }
    };
    if (f.excellentNeedsGoodQuarters && (s.quartersGood * 2 <= s.quarters || s.quartersAveragePoor > 0)) {
      cap('competent', `优秀需半数以上季度为“好”且无“一般”“较差”（本年度${s.quarters}个季度中“好”${s.quartersGood}个）`);
    }
    if (f.vetoes.admonishBarsExcellent && s.admonish) cap('competent', '民主测评达到诫勉情形，不能评为优秀');
    if (f.vetoes.redCardBarsExcellent && s.redCard) cap('competent', '有未解除的红牌，不能评为优秀');
    if (f.vetoes.adjustCapsAt && s.adjust) cap(f.vetoes.adjustCapsAt, `民主测评达到调整情形，最高评为${GRADE_LABELS[f.vetoes.adjustCapsAt]}`);
    const poorMax = f.vetoes.poorQuartersMakeIncompetent;
    if (poorMax !== null && s.quartersPoor >= poorMax) cap('incompetent', `本年度${s.quartersPoor}个季度为“较差”`);
    out.set(s.memberId, { memberId: s.memberId, grade, byScore, reasons, cappedByQuota: false });
  }
  const quota = excellentQuota(scores.length, f);
  const excellent = scores.filter((s) => out.get(s.memberId)?.grade === 'excellent').sort(byMerit);
  if (excellent.length > quota) {
    let cut = quota;
    const edge = excellent[quota];
    while (edge && cut > 0 && byMerit(excellent[cut - 1] as AnnualScore, edge) === 0) cut -= 1;
    for (const s of excellent.slice(cut)) {
      const p = out.get(s.memberId) as GradeProposal;
      p.grade = 'competent';
      p.cappedByQuota = true;
      p.reasons.push(`优秀名额为参评人数的${Math.round(f.excellentShareMax * 100)}%（${quota}名），按总分排序未进入名额`);
    }
  }
  return scores.map((s) => out.get(s.memberId) as GradeProposal);
}

export interface Adjustment {
  memberId: string;
  grade: AnnualGrade;
  reason: string;
}

export interface AdjustmentProblem {
  code: 'INVALID_INPUT' | 'CONFLICT';
  message: string;
}

/**
 * The leadership's adjustments of the proposal: each with a reason, for a cadre assessed, and the 优秀 quota kept
 * after all of them.
 */
export function adjustmentProblem(proposals: GradeProposal[], adjustments: Adjustment[], f: AnnualFormula): AdjustmentProblem | null {
  const known = new Set(proposals.map((p) => p.memberId));
  for (const a of adjustments) {
    if (!known.has(a.memberId)) return { code: 'INVALID_INPUT', message: '调整的人员不在本年度参评名单中' };
    if (a.reason.trim().length < 2) return { code: 'INVALID_INPUT', message: '调整等次须说明理由' };
  }
  const final = finalGrades(proposals, adjustments);
  const quota = excellentQuota(proposals.length, f);
  const excellent = [...final.values()].filter((g) => g === 'excellent').length;
  if (excellent > quota) return { code: 'CONFLICT', message: `优秀人数（${excellent}人）超出名额（${quota}人）` };
  return null;
}

/** The grade each cadre ends with: the last adjustment, else the proposal. */
export function finalGrades(proposals: GradeProposal[], adjustments: Adjustment[]): Map<string, AnnualGrade> {
  const out = new Map(proposals.map((p) => [p.memberId, p.grade]));
  for (const a of adjustments) out.set(a.memberId, a.grade);
  return out;
}

/**
 * What a year's formula must be before it is saved: weights that add up to 1 (within a hundredth of a percent),
 * cut-offs that go down from 优秀 to 基本称职, shares and day counts in their ranges. Messages as the admin reads them.
 */
import { SOURCE_LABELS, SOURCES, type AnnualFormula } from './config';

export interface FormulaProblem {
  path: string;
  message: string;
}

const sumOf = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
const near = (a: number, b: number) => Math.abs(a - b) < 1e-4;

export function formulaProblems(f: Omit<AnnualFormula, 'version'>): FormulaProblem[] {
  const out: FormulaProblem[] = [];
  const w = SOURCES.map((k) => f.weights[k]);
  if (!near(sumOf(w), 1)) {
    const shown = SOURCES.map((k) => `${SOURCE_LABELS[k]}${Math.round(f.weights[k] * 100)}%`).join('、');
    out.push({ path: 'weights', message: `四项评价的权重合计应为100%（现为${Math.round(sumOf(w) * 10000) / 100}%：${shown}）` });
  }
  if (f.weights.indicators <= 0) out.push({ path: 'weights.indicators', message: '指标评价的权重应大于0' });
  if (f.unitSplit.staff + f.unitSplit.section <= 0) out.push({ path: 'unitSplit', message: '考人、考事的比例不能都为0' });
  if (f.sectionWeights.work <= 0) out.push({ path: 'sectionWeights.work', message: '股室考事的权重应大于0' });
  if (!near(f.sectionWeights.work + f.sectionWeights.enterprise, 1)) {
    out.push({ path: 'sectionWeights', message: '股室年度得分的两项权重合计应为100%' });
  }
  const c = f.cutoffs;
  if (!(c.excellent > c.competent && c.competent > c.basic)) {
    out.push({ path: 'cutoffs', message: '等次分数线应依次降低：优秀 > 称职 > 基本称职' });
  }
  return out;
}

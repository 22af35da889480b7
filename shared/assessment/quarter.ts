/**
 * The quarterly ordinary assessment (平时考核): a score per cadre and a grade 好 / 较好 / 一般 / 较差.
 *
 * score = indicators × w₁ + section head's evaluation (考人) × w₂ + the section's evaluation by the party committee
 *         (考事) × w₃ − spot-check deductions (不定期抽查), clamped to 0–100 (local practice; weights are settings).
 * grade by cut-offs 90 / 80 / 60; 好 for at most 40% of those assessed (rounded down): when more reach 90, the
 * highest scores keep 好 and the rest get 较好.
 * Ties at the quota edge: the indicator part (work results, 工作实绩) decides, then the section head's evaluation;
 * people still tied all stay below the edge, so the quota is never exceeded and equals are treated alike.
 */
import type { QuarterGrade } from './contract';

export const QUARTER_GRADE_LABELS: Record<QuarterGrade, string> = { good: '好', fair: '较好', average: '一般', poor: '较差' };

export interface QuarterSettings {
  weights: { indicators: number; staffEvaluation: number; sectionEvaluation: number };
  cutoffs: { good: number; fair: number; average: number };
  goodShareMax: number;
}

export const DEFAULT_QUARTER_SETTINGS: QuarterSettings = {
  weights: { indicators: 0.6, staffEvaluation: 0.3, sectionEvaluation: 0.1 },
  cutoffs: { good: 90, fair: 80, average: 60 },
  goodShareMax: 0.4,
};

export interface QuarterInput {
  memberId: string;
  indicators: number;
  staffEvaluation: number;
  sectionEvaluation: number;
  deductions: number;
}

export interface QuarterOutcome extends QuarterInput {
  score: number;
  grade: QuarterGrade;
  /** True when the score reached 好 but the quota gave 较好. */
  cappedByQuota: boolean;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

export function quarterScore(i: QuarterInput, s: QuarterSettings = DEFAULT_QUARTER_SETTINGS): number {
  const w = s.weights;
  const raw = i.indicators * w.indicators + i.staffEvaluation * w.staffEvaluation + i.sectionEvaluation * w.sectionEvaluation - i.deductions;
  return round2(Math.max(0, Math.min(100, raw)));
}

export function gradeOfScore(score: number, s: QuarterSettings = DEFAULT_QUARTER_SETTINGS): QuarterGrade {
  if (score >= s.cutoffs.good) return 'good';
  if (score >= s.cutoffs.fair) return 'fair';
  if (score >= s.cutoffs.average) return 'average';
  return 'poor';
}

/** Compare for the 好 quota: higher score first, then indicators, then the section head's evaluation. */
function byMerit(a: QuarterOutcome, b: QuarterOutcome): number {
  return b.score - a.score || b.indicators - a.indicators || b.staffEvaluation - a.staffEvaluation;
}
const sameMerit = (a: QuarterOutcome, b: QuarterOutcome) => byMerit(a, b) === 0;

export function assessQuarter(inputs: QuarterInput[], s: QuarterSettings = DEFAULT_QUARTER_SETTINGS): QuarterOutcome[] {
  const out: QuarterOutcome[] = inputs.map((i) => {
    const score = quarterScore(i, s);
    return { ...i, score, grade: gradeOfScore(score, s), cappedByQuota: false };
  });
  const quota = Math.floor(inputs.length * s.goodShareMax + 1e-9);
  const good = out.filter((o) => o.grade === 'good').sort(byMerit);
  if (good.length > quota) {
    // The quota edge: everyone from the first person past the quota — and whoever ties with them — drops.
    let cut = quota;
    const edge = good[quota];
    while (edge && cut > 0 && sameMerit(good[cut - 1] as QuarterOutcome, edge)) cut -= 1;
    for (const o of good.slice(cut)) {
      o.grade = 'fair';
      o.cappedByQuota = true;
    }
  }
  return out;
}

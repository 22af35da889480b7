/**
 * Unit evaluations and spot checks (单位评 + 不定期抽查), as stored.
 * - 考人: the section head evaluates each staff member: an overall score, grades of the qualitative checklist items,
 *   actual values of quantitative items that no report counts.
 * - 考事: each leader (the party committee) scores each section's work.
 * - spot checks: a leader or the admin records findings and a deduction on a section or a cadre; targets may be
 *   drawn at random from a recorded seed, so anyone can redo the draw and get the same names.
 */
import { seededRandom } from '../../random';
import type { QualitativeGrade } from './rules';

/** `staffEvaluations/{periodId}_{memberId}` */
export interface StaffEvaluationDoc {
  _id: string;
  periodId: string;
  memberId: string;
  sectionId: string;
  score: number;
  grades: Record<string, QualitativeGrade>;
  actuals: Record<string, number>;
  comment: string;
  by: string;
  at: number;
}

/** `sectionEvaluations/{periodId}_{sectionId}_{leaderId}` */
export interface SectionEvaluationDoc {
  _id: string;
  periodId: string;
  sectionId: string;
  leaderId: string;
  score: number;
  comment: string;
  at: number;
}

/** `spotChecks/{id}` */
export interface SpotCheckDoc {
  _id: string;
  periodId: string;
  targetType: 'section' | 'member';
  targetId: string;
  findings: string;
  /** Points taken off the target's quarter score. */
  deduction: number;
  drawId: string | null;
  by: string;
  at: number;
}

/** `spotDraws/{id}`: a random draw of spot-check targets, reproducible from its seed. */
export interface SpotDrawDoc {
  _id: string;
  periodId: string;
  pool: 'section' | 'member';
  /** The candidates, sorted: the draw depends on the pool and the seed only. */
  candidates: string[];
  count: number;
  seed: number;
  picked: string[];
  by: string;
  at: number;
}

/** Draw `count` of `candidates` (sorted first) with a seeded Fisher–Yates shuffle. Same inputs, same draw. */
export function drawTargets(candidates: string[], count: number, seed: number): string[] {
  const pool = [...candidates].sort();
  const rnd = seededRandom(seed);
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rnd() * (i + 1));
    [pool[i], pool[j]] = [pool[j] as string, pool[i] as string];
  }
  return pool.slice(0, Math.max(0, Math.min(count, pool.length)));
}

/** `quarterResults/{periodId}_{memberId}` and `sectionResults/{periodId}_{sectionId}` are written at close. */
export const MAX_DEDUCTION = 20;

/**
 * Unit evaluations and spot checks (单位评 + 不定期抽查), as stored.
 * - 考人: the section head evaluates each staff member: an overall score, grades of the qualitative checklist items,
 *   actual values of quantitative items that no report counts.
 * - 考事: each leader (the party committee) scores each section's work.
 * - spot checks: a leader or the admin records findings and a deduction on a section or a cadre; targets may be
 *   drawn at random (draw.ts: from the quarter's committed seed, checkable by anyone once it is revealed).
 */
import type { QualitativeGrade } from '../indicators/contract';
import { hasRole, type MemberDoc } from '../members/member';

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

/** `corrections/{id}`: a change to a closed quarter's score — who, when, why, old and new. */
export interface CorrectionDoc {
  _id: string;
  periodId: string;
  memberId: string;
  field: 'staffEvaluation' | 'deductions';
  old: number;
  new: number;
  reason: string;
  by: string;
  byName: string;
  at: number;
  /** Its entry in the audit trail (shared/audit/chain.ts); absent from corrections made before the trail began. */
  auditSeq?: number;
}

/** Points a section or a cadre loses in a quarter through spot checks (不定期抽查): the sum of their deductions. */
export function spotDeductions(
  spots: Pick<SpotCheckDoc, 'targetType' | 'targetId' | 'deduction'>[],
  type: SpotCheckDoc['targetType'],
  id: string,
): number {
  return spots.filter((s) => s.targetType === type && s.targetId === id).reduce((sum, s) => sum + s.deduction, 0);
}

/**
 * A cadre's deductions in a quarter: their spot checks', moved by every recorded correction of the deductions
 * (new − old, in order), and never below zero.
 */
export function memberDeductions(
  spots: Pick<SpotCheckDoc, 'targetType' | 'targetId' | 'deduction'>[],
  corrections: Pick<CorrectionDoc, 'memberId' | 'field' | 'old' | 'new'>[],
  memberId: string,
): number {
  const corrected = corrections.filter((c) => c.memberId === memberId && c.field === 'deductions').reduce((sum, c) => sum + (c.new - c.old), 0);
  return Math.max(0, spotDeductions(spots, 'member', memberId) + corrected);
}

/** Who oversees a head's section (分管领导) and the park's rule for who scores heads (ParkSettings.headScoring). */
export interface Oversight {
  leaderId: string | null;
  rule: 'overseeing' | 'anyLeader';
}

/**
 * Who evaluates whom (考人): a section head their section's staff; a section head themself is evaluated by the
 * leader who oversees their section (分管领导) — or by any leader, when the park's setting says so or the section
 * has no overseeing leader set. Nobody evaluates themself. Returns why not, or null when allowed.
 */
export function staffEvaluationProblem(
  evaluator: Pick<MemberDoc, '_id' | 'roles' | 'sectionId'>,
  target: Pick<MemberDoc, '_id' | 'roles' | 'sectionId'>,
  oversight: Oversight | null = null,
): string | null {
  if (evaluator._id === target._id) return '不能给自己评分';
  if (hasRole(target, 'sectionHead')) {
    if (!hasRole(evaluator, 'leader')) return '股室负责人由班子成员评价';
    const only = oversight?.rule === 'overseeing' ? oversight.leaderId : null;
    return only && only !== evaluator._id ? '股室负责人由分管该股室的领导评价' : null;
  }
  if (hasRole(evaluator, 'sectionHead') && evaluator.sectionId !== null && evaluator.sectionId === target.sectionId) return null;
  return '只能评价本股室的工作人员';
}

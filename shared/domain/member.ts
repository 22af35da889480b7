/** People of the park and the roles they hold. A person may hold several roles (a section head is also a cadre). */
import type { Role } from '../api/model';

/** `members/{memberId}` */
export interface MemberDoc {
  _id: string;
  name: string;
  roles: Role[];
  sectionId: string | null;
  post: string | null;
  enterpriseId: string | null;
  active: boolean;
  /** Whether a WeChat identity is bound; the OPENID itself lives only in `bindings`. */
  bound: boolean;
}

/** `bindings/{OPENID}`: which person a WeChat identity is. Keyed by OPENID so that one identity binds once. */
export interface BindingDoc {
  _id: string;
  memberId: string;
  boundAt: number;
}

export function hasRole(m: Pick<MemberDoc, 'roles'>, ...roles: Role[]): boolean {
  return m.roles.some((r) => roles.includes(r));
}

/**
 * Which section's staff a person may see: a section head only their own; leaders and admins any.
 * Returns the section to show, or null when not allowed.
 */
export function staffScope(
  m: Pick<MemberDoc, 'roles' | 'sectionId'>,
  requested: string | undefined,
): string | null {
  if (hasRole(m, 'leader', 'admin')) return requested ?? m.sectionId;
  if (hasRole(m, 'sectionHead')) {
    if (requested === undefined || requested === m.sectionId) return m.sectionId;
    return null;
  }
  return null;
}

/**
 * Who evaluates whom (考人): a section head their section's staff; a section head themself is evaluated by a
 * leader (分管领导). Nobody evaluates themself. Returns why not, or null when allowed.
 */
export function staffEvaluationProblem(
  evaluator: Pick<MemberDoc, '_id' | 'roles' | 'sectionId'>,
  target: Pick<MemberDoc, '_id' | 'roles' | 'sectionId'>,
): string | null {
  if (evaluator._id === target._id) return '不能给自己评分';
  if (hasRole(target, 'sectionHead')) return hasRole(evaluator, 'leader') ? null : '股室负责人由班子成员评价';
  if (hasRole(evaluator, 'sectionHead') && evaluator.sectionId !== null && evaluator.sectionId === target.sectionId) return null;
  return '只能评价本股室的工作人员';
}

/** People of the park and the roles they hold. A person may hold several roles (a section head is also a cadre). */
import type { Role } from './contract';

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
  /** The office's staff number (工号) or another key it uses: the roster import matches people by it. */
  staffNo?: string | null;
  /** The day they joined the committee (入职/调入), when known. */
  joinedOn?: string | null;
  /** The day they left and why (离职、调离、退休), set when they leave; `active` is then false. */
  leftOn?: string | null;
  leftReason?: string | null;
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

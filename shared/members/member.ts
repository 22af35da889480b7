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

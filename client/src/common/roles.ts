import type { Role } from '../../../shared/members/contract';
import { PAGES } from './pages';

/** Which role's home a person lands on, most senior first (a section head is also a cadre). */
export const ROLE_ORDER: Role[] = ['admin', 'leader', 'sectionHead', 'cadre', 'enterprise'];

export function primaryRole(roles: Role[]): Role | null {
  return ROLE_ORDER.find((r) => roles.includes(r)) ?? null;
}

export const HOME_OF: Record<Role, string> = {
  cadre: PAGES.dossier.mine,
  sectionHead: PAGES.dossier.staff(true),
  leader: PAGES.dossier.staff(),
  enterprise: PAGES.members.enterprise,
  admin: PAGES.members.invites,
};

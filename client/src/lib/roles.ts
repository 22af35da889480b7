import type { Role } from "../../../shared/members/contract";

/** Which role's home a person lands on, most senior first (a section head is also a cadre). */
export const ROLE_ORDER: Role[] = ['admin', 'leader', 'sectionHead', 'cadre', 'enterprise'];

export function primaryRole(roles: Role[]): Role | null {
  return ROLE_ORDER.find((r) => roles.includes(r)) ?? null;
}

export const HOME_OF: Record<Role, string> = {
  cadre: '/cadre/dossier/index',
  sectionHead: '/section/staff/index?own=1',
  leader: '/section/staff/index',
  enterprise: '/enterprise/home/index',
  admin: '/admin/invites/index',
};

export const INDEX_PAGE = '/pages/index/index';
export const LOGIN_PAGE = '/pages/login/index';
export const BIND_PAGE_URL = '/pages/bind/index';

/** The year-end democratic evaluation (年度测评): linked from cadres', section heads', leaders' and the admin's homes. */
export const VOTE_LIST_PAGE = '/vote/list/index';

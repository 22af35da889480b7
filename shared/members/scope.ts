/**
 * What a person may see of others' records — the one statement of it. Everyone sees their own; a section head
 * (股室负责人) sees the staff of their own section; leaders (班子成员) and the admin (组织员) see everyone.
 * The router applies it to every action whose scope in shared/access.ts is 'member' or 'section'.
 */
import { hasRole, type MemberDoc } from './member';

type Viewer = Pick<MemberDoc, '_id' | 'roles' | 'sectionId'>;

/** Whether `viewer` may see the records of the people of `sectionId`. */
export function sectionInView(viewer: Pick<MemberDoc, 'roles' | 'sectionId'>, sectionId: string): boolean {
  if (hasRole(viewer, 'leader', 'admin')) return true;
  return hasRole(viewer, 'sectionHead') && viewer.sectionId !== null && viewer.sectionId === sectionId;
}

/**
 * Whether `viewer` may see `other`'s dossier, checklist and results. A section head's view is their section's
 * staff: a leader or the admin placed in that section is not their staff.
 */
export function mayViewMember(viewer: Viewer, other: Pick<MemberDoc, '_id' | 'sectionId' | 'roles'>): boolean {
  if (viewer._id === other._id || hasRole(viewer, 'leader', 'admin')) return true;
  if (hasRole(other, 'leader', 'admin')) return false;
  return other.sectionId !== null && sectionInView(viewer, other.sectionId);
}

/**
 * Which section's staff list to show: the requested one if in view, else (nothing requested) the viewer's own.
 * Returns null when the request is not allowed or the viewer has no section to default to.
 */
export function staffScope(m: Pick<MemberDoc, 'roles' | 'sectionId'>, requested: string | undefined): string | null {
  if (requested !== undefined) return sectionInView(m, requested) ? requested : null;
  return hasRole(m, 'leader', 'admin', 'sectionHead') ? m.sectionId : null;
}

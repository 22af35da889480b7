import { hasRole, MemberDoc } from "./member";
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

/** What the admin's search boxes share. */

/** User text made literal inside a regular expression (a search box is hostile input too). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

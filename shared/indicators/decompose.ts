/**
 * Whose indicators a cadre is assessed on (指标分解 → 个人绩效考核清单): their own personal nodes in the tree, kept
 * while they stay in the section those nodes belong to; for someone new to a section — joined this year, moved in
 * from another, or on a post the tree has not reached down to yet — the decomposition of their post (the post-level
 * nodes of their section for their post), else the section's own indicators. So a person added to the roster, or
 * moved, is assessed from the next quarter opened (or at once, when added while a quarter is open) on what their
 * section and post carry, without anyone re-entering their checklist; the admin refines it in the tree as before.
 */
import type { TreeNodeDoc } from './indicator';

export function nodesForMember(m: { _id: string; sectionId: string | null; post: string | null }, nodes: readonly TreeNodeDoc[]): TreeNodeDoc[] {
  if (!m.sectionId) return [];
  const own = nodes.filter((n) => n.level === 'personal' && n.memberId === m._id && n.sectionId === m.sectionId);
  if (own.length > 0) return own;
  const post = nodes.filter((n) => n.level === 'post' && n.sectionId === m.sectionId && (n.post ?? '') === (m.post ?? ''));
  if (post.length > 0) return post;
  return nodes.filter((n) => n.level === 'section' && n.sectionId === m.sectionId);
}

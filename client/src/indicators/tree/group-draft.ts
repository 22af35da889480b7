/**
 * The weight group editor's draft (numbers kept as typed, parsed on save), the parents a node may hang under, and
 * what the group's check (shared/indicators/tree-group.ts) needs to run on the phone before anything is sent. Pure.
 */
import type { InputOf, OutputOf } from '../../../../shared/contracts';
import { weightGroup, type TreeNodeDoc } from '../../../../shared/indicators/indicator';
import { groupTitle, postText, type GroupFacts, type GroupKey } from '../../../../shared/indicators/tree-group';

export type Tree = OutputOf<'indicators', 'tree'>;
export type TreeNode = Tree['nodes'][number];
export type Indicator = OutputOf<'indicators', 'library'>[number];
export type SaveGroup = InputOf<'indicators', 'saveGroup'>;

/** The group being edited: the park's goals, a section's indicators, a post's, or a cadre's own list. */
export type GroupTarget =
  | { level: 'goal' }
  | { level: 'section'; sectionId: string }
  | { level: 'post'; sectionId: string; post: string }
  | { level: 'personal'; memberId: string; sectionId: string; post: string | null };

/** One node as the admin edits it. `key` tells rows apart while they are added and removed. */
export interface RowDraft {
  key: number;
  nodeId: string | null;
  indicatorId: string | null;
  label: string;
  parentId: string | null;
  weight: string;
  target: string;
}

export function keyOf(t: GroupTarget): GroupKey {
  switch (t.level) {
    case 'goal':
      return { level: 'goal', sectionId: null, post: null, memberId: null };
    case 'section':
      return { level: 'section', sectionId: t.sectionId, post: null, memberId: null };
    case 'post':
      return { level: 'post', sectionId: t.sectionId, post: t.post, memberId: null };
    case 'personal':
      return { level: 'personal', sectionId: t.sectionId, post: t.post, memberId: t.memberId };
  }
}

export const groupOf = (t: GroupTarget): string => weightGroup(keyOf(t));

/** Names of sections and people, for the group's title and the check's messages. */
export function namesOf(tree: Tree, sections: readonly { id: string; name: string }[]): GroupFacts['names'] {
  return { sections: new Map(sections.map((s) => [s.id, s.name])), members: new Map(tree.people.map((p) => [p.id, p.name])) };
}

export const titleOf = (t: GroupTarget, names: GroupFacts['names']): string => groupTitle(keyOf(t), names);

/** The group's nodes as loaded, in the tree's order. */
export const nodesOf = (t: GroupTarget, tree: Tree): TreeNode[] => tree.nodes.filter((n) => n.group === groupOf(t));

const text = (n: number | null) => (n === null ? '' : String(n));

export function rowsOf(t: GroupTarget, tree: Tree): RowDraft[] {
  return nodesOf(t, tree).map((n, i) => ({
    key: i,
    nodeId: n.id,
    indicatorId: n.indicatorId,
    label: n.level === 'goal' ? n.label : '',
    parentId: n.parentId,
    weight: String(n.weight),
    target: text(n.target),
  }));
}

/** A weight as typed: empty or not a number is NaN (the contract says 请填写权重). */
export const weightOf = (s: string): number => (s.trim() === '' ? Number.NaN : Number(s));
/** A target as typed: empty is none (the indicator's own). */
const targetOf = (s: string): number | null => (s.trim() === '' ? null : Number(s));

/** The sum the rows add up to now (what is not a number counts 0), in two decimals. */
export function sumOf(rows: RowDraft[]): number {
  const sum = rows.reduce((s, r) => s + (Number.isFinite(weightOf(r.weight)) ? weightOf(r.weight) : 0), 0);
  return Math.round(sum * 100) / 100;
}

export function inputOf(t: GroupTarget, rows: RowDraft[]): SaveGroup {
  const nodes = rows.map((r) => ({
    nodeId: r.nodeId,
    indicatorId: t.level === 'goal' ? null : r.indicatorId,
    label: t.level === 'goal' ? r.label : null,
    parentId: r.parentId,
    weight: weightOf(r.weight),
    target: t.level === 'goal' ? null : targetOf(r.target),
  }));
  switch (t.level) {
    case 'goal':
      return { level: 'goal', nodes };
    case 'section':
      return { level: 'section', sectionId: t.sectionId, nodes };
    case 'post':
      return { level: 'post', sectionId: t.sectionId, post: t.post, nodes };
    case 'personal':
      return { level: 'personal', memberId: t.memberId, nodes };
  }
}

export interface ParentChoice {
  id: string | null;
  label: string;
  /** The indicator the parent carries: a new node picks the parent of its own indicator by itself. */
  indicatorId: string | null;
}

/** Where a node of the group may hang: the level above, in the same section (none, for a cadre's own indicator). */
export function parentChoices(t: GroupTarget, tree: Tree): ParentChoice[] {
  const of = (n: TreeNode, tail = '') => ({ id: n.id, label: `${n.label}${tail}`, indicatorId: n.indicatorId });
  switch (t.level) {
    case 'goal':
      return [];
    case 'section':
      return tree.nodes.filter((n) => n.level === 'goal').map((n) => of(n));
    case 'post':
      return tree.nodes.filter((n) => n.level === 'section' && n.sectionId === t.sectionId).map((n) => of(n));
    case 'personal':
      return [
        { id: null, label: '无（本人自有指标）', indicatorId: null },
        ...tree.nodes
          .filter((n) => n.level === 'post' && n.sectionId === t.sectionId && (n.post ?? '') === (t.post ?? ''))
          .map((n) => of(n, '（岗位指标）')),
        ...tree.nodes.filter((n) => n.level === 'section' && n.sectionId === t.sectionId).map((n) => of(n, '（股室指标）')),
      ];
  }
}

const docOf = (n: TreeNode, order: number): TreeNodeDoc => ({
  _id: n.id,
  level: n.level,
  parentId: n.parentId,
  label: n.label,
  indicatorId: n.indicatorId,
  sectionId: n.sectionId,
  post: n.post,
  memberId: n.memberId,
  weight: n.weight,
  target: n.target,
  order,
});

/**
 * What the check knows on the phone: the tree as loaded (the nodes under this group's only where they were loaded
 * too — the server checks them all), the library, and the section and cadre the page offered (the server checks
 * that they still exist).
 */
export function factsOf(t: GroupTarget, tree: Tree, library: Indicator[], names: GroupFacts['names']): GroupFacts {
  const group = groupOf(t);
  const docs = tree.nodes.map((n, i) => docOf(n, i));
  const current = docs.filter((_, i) => tree.nodes[i]?.group === group);
  const mine = new Set(current.map((n) => n._id));
  const person = t.level === 'personal' ? tree.people.find((p) => p.id === t.memberId) : undefined;
  return {
    current,
    known: new Map(docs.filter((n) => !mine.has(n._id)).map((n) => [n._id, n])),
    children: docs.filter((n) => n.parentId !== null && mine.has(n.parentId)),
    indicators: new Map(library.map((i) => [i.id, { name: i.name, active: i.active, kind: i.kind }])),
    section: t.level === 'section' || t.level === 'post' ? { name: names.sections.get(t.sectionId) ?? t.sectionId, active: true } : null,
    member:
      t.level === 'personal'
        ? { name: person?.name ?? t.memberId, active: true, sectionId: t.sectionId, post: person?.post ?? t.post, cadre: true }
        : null,
    names,
  };
}

/** A message's place on the form: a node's row (`nodes.2`) or the group's own field. */
export function placeOf(path: string | readonly PropertyKey[]): string {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  return parts[0] === 'nodes' && parts.length > 1 ? `nodes.${parts[1] ?? ''}` : (parts[0] ?? 'form') || 'form';
}

/** The groups a section offers to edit: its own, each post its people hold or the tree has, each cadre's list. */
export function sectionTargets(sectionId: string, tree: Tree): GroupTarget[] {
  const posts = [
    ...new Set([
      ...tree.people.map((p) => p.post ?? ''),
      ...tree.nodes.filter((n) => n.level === 'post' && n.sectionId === sectionId).map((n) => n.post ?? ''),
    ]),
  ];
  return [
    { level: 'section', sectionId },
    ...posts.map((post): GroupTarget => ({ level: 'post', sectionId, post })),
    ...tree.people.map((p): GroupTarget => ({ level: 'personal', memberId: p.id, sectionId, post: p.post })),
  ];
}

/** How a cadre is assessed while their list or their post's is empty (shared/indicators/decompose.ts). */
export function fallbackText(t: GroupTarget, tree: Tree): string {
  if (t.level === 'post') return '尚未分解：该岗位人员按股室指标考核';
  if (t.level !== 'personal') return '尚未设置';
  const post = nodesOf({ level: 'post', sectionId: t.sectionId, post: t.post ?? '' }, tree);
  return post.length > 0 ? `未单独设置：按“${postText(t.post)}”岗位指标考核` : '未单独设置：按股室指标考核';
}

/**
 * Building the decomposition tree (指标分解) one weight group at a time: the park's goals, a section's indicators, a
 * post's, or a cadre's own checklist. The admin sends the whole group as it is to be; nodes are added, changed and
 * removed together, so the group adds up to 100 after every save (not only after the last of several).
 *
 * A group is refused, with the reason by field, when:
 * - its section does not exist or is retired (撤销); its cadre does not exist, has left, is in no section or is not
 *   assessed as a cadre;
 * - its weights do not add up to 100 (an empty group — nothing decomposed here — is allowed: a cadre then takes
 *   their post's indicators, a post its section's: shared/indicators/decompose.ts);
 * - an indicator is missing, retired (停用) or twice in the group; a qualitative one is given a target;
 * - a park goal names an indicator, a parent or a target, or has no wording; two goals have the same wording;
 * - a parent is not of the level above in the same section: a section indicator under a park goal, a post's under
 *   its section's indicator, a cadre's own under their post's or their section's indicator, or none (an indicator
 *   of their own, such as an approved application);
 * - a node named is of another group, or no longer exists;
 * - a node left out — to be removed — still has nodes under it. They are not moved elsewhere: the admin removes or
 *   re-parents them first, each in its own group, so that no group changes without being looked at.
 *
 * Pure: the function loads what `GroupFacts` asks and calls `planGroup`; the page runs the same check before it sends.
 */
import type { FieldIssue } from '../common/errors';
import { TREE } from './config';
import type { IndicatorKind, SaveGroupInput } from './contract';
import type { TreeLevel, TreeNodeDoc } from './indicator';
import { weightProblems } from './rules';

/** Which group: its level and what it belongs to (a personal group's section and post are its cadre's). */
export interface GroupKey {
  level: TreeLevel;
  sectionId: string | null;
  post: string | null;
  memberId: string | null;
}

export interface GroupFacts {
  /** The group's nodes as stored now. */
  current: readonly TreeNodeDoc[];
  /** Every other node the input names (as a node or a parent) that exists. */
  known: ReadonlyMap<string, TreeNodeDoc>;
  /** The nodes under the group's nodes (whose parent is one of them). */
  children: readonly TreeNodeDoc[];
  indicators: ReadonlyMap<string, { name: string; active: boolean; kind: IndicatorKind }>;
  /** The section of a section or post group; null: no section of that id. */
  section: { name: string; active: boolean } | null;
  /** The cadre of a personal group; null: nobody of that id. */
  member: { name: string; active: boolean; sectionId: string | null; post: string | null; cadre: boolean } | null;
  /** Names to write messages with: sections and people by id (an id stands in for a name not given). */
  names: { sections: ReadonlyMap<string, string>; members: ReadonlyMap<string, string> };
}

export interface GroupPlan {
  key: GroupKey;
  /** The group in words: 园区目标, 招商服务部 股室指标, 招商服务部 · 一级主办 岗位指标, 张敏 个人清单. */
  title: string;
  /** Every node of the group as it is to be, in the order given. */
  nodes: TreeNodeDoc[];
  added: TreeNodeDoc[];
  /** Nodes kept whose stored fields change. */
  changed: TreeNodeDoc[];
  removed: TreeNodeDoc[];
}

export type GroupOutcome = { ok: true; plan: GroupPlan } | { ok: false; issues: FieldIssue[] };

/** A post as people read it: the roster's post, or 未填岗位 for people with none. */
export const postText = (post: string | null): string => (post ? post : '未填岗位');

/** A group in words, from its key: what the page's headings and the messages call it. */
export function groupTitle(key: GroupKey, names: GroupFacts['names']): string {
  const section = key.sectionId ? (names.sections.get(key.sectionId) ?? key.sectionId) : '';
  switch (key.level) {
    case 'goal':
      return '园区目标';
    case 'section':
      return `${section} 股室指标`;
    case 'post':
      return `${section} · ${postText(key.post)} 岗位指标`;
    case 'personal':
      return `${key.memberId ? (names.members.get(key.memberId) ?? key.memberId) : ''} 个人清单`;
  }
}

/** The key of the group a stored node is in. */
export function keyOfNode(n: Pick<TreeNodeDoc, 'level' | 'sectionId' | 'post' | 'memberId'>): GroupKey {
  return { level: n.level, sectionId: n.sectionId, post: n.post ?? '', memberId: n.memberId };
}

/** The input's group, its section and post taken from the cadre for a personal one. */
export function keyOfInput(input: SaveGroupInput, member: GroupFacts['member']): GroupKey {
  switch (input.level) {
    case 'goal':
      return { level: 'goal', sectionId: null, post: null, memberId: null };
    case 'section':
      return { level: 'section', sectionId: input.sectionId, post: null, memberId: null };
    case 'post':
      return { level: 'post', sectionId: input.sectionId, post: input.post, memberId: null };
    case 'personal':
      return { level: 'personal', sectionId: member?.sectionId ?? null, post: member?.post ?? null, memberId: input.memberId };
  }
}

const LEVEL_ABOVE: Record<Exclude<TreeLevel, 'goal'>, string> = {
  section: '请选择所属的园区目标',
  post: '请选择上级股室指标',
  personal: '',
};

/** What is wrong with the group's own key (its section or its cadre), or null. */
function keyProblem(input: SaveGroupInput, facts: GroupFacts): FieldIssue | null {
  if (input.level === 'section' || input.level === 'post') {
    if (!facts.section) return { path: 'sectionId', message: '股室不存在' };
    if (!facts.section.active) return { path: 'sectionId', message: `“${facts.section.name}”已撤销，不能再分解指标` };
  }
  if (input.level === 'personal') {
    const m = facts.member;
    if (!m) return { path: 'memberId', message: '人员不存在' };
    if (!m.active) return { path: 'memberId', message: `${m.name}已离开，不能再设个人清单` };
    if (!m.cadre) return { path: 'memberId', message: `${m.name}不参加干部考核，没有个人清单` };
    if (!m.sectionId) return { path: 'memberId', message: `${m.name}不在任何股室，请先为其办理调动` };
  }
  return null;
}

/** Why `parent` cannot be the parent of a node of the group `key`, or null when it can. */
function parentProblem(key: GroupKey, parentId: string | null, parent: TreeNodeDoc | undefined): string | null {
  if (key.level === 'goal') return parentId === null ? null : '园区目标没有上级';
  if (parentId === null) return key.level === 'personal' ? null : LEVEL_ABOVE[key.level];
  if (!parent) return '上级指标不存在，请刷新后重试';
  const sameSection = parent.sectionId === key.sectionId;
  switch (key.level) {
    case 'section':
      return parent.level === 'goal' ? null : '上级应为园区目标';
    case 'post':
      return parent.level === 'section' && sameSection ? null : '上级应为本股室的股室指标';
    case 'personal': {
      const ok = sameSection && (parent.level === 'section' || (parent.level === 'post' && (parent.post ?? '') === (key.post ?? '')));
      return ok ? null : '上级应为本人股室的股室指标或本岗位的岗位指标';
    }
  }
}

type NodeInput = SaveGroupInput['nodes'][number];
type Say = (field: string, message: string) => void;

/** A node's id: listed once, and of this group. */
function nodeIdIssue(node: NodeInput, i: number, listed: Map<string, number>, facts: GroupFacts, mine: ReadonlySet<string>, say: Say): void {
  if (node.nodeId === null) return;
  const seen = listed.get(node.nodeId);
  if (seen !== undefined) say('nodeId', `与第${seen + 1}项是同一个节点`);
  else if (!mine.has(node.nodeId))
    say('nodeId', facts.known.has(node.nodeId) ? '该节点属于其他分组，不能在这里保存' : '该节点已不存在，请刷新后重试');
  if (seen === undefined) listed.set(node.nodeId, i);
}

/** A park goal: its wording only, once in the group. Returns what it is, to tell two alike apart. */
function goalIssues(node: NodeInput, twice: (what: string) => number | undefined, say: Say): string {
  const label = (node.label ?? '').trim();
  if (node.indicatorId !== null) say('indicatorId', '园区目标不挂具体指标，请只填写目标名称');
  if (label.length < 2) say('label', '请填写目标名称（至少2个字）');
  if (node.target !== null) say('target', '园区目标不设目标值');
  const first = twice(`goal:${label}`);
  if (label.length >= 2 && first !== undefined) say('label', `与第${first + 1}项重名`);
  return `goal:${label}`;
}

/** Any other node: an active indicator, once in the group, a target only where the indicator is quantitative. */
function indicatorIssues(node: NodeInput, facts: GroupFacts, twice: (what: string) => number | undefined, say: Say): string {
  const what = `indicator:${node.indicatorId ?? ''}`;
  const ind = node.indicatorId ? facts.indicators.get(node.indicatorId) : undefined;
  const first = twice(what);
  if (node.indicatorId === null) say('indicatorId', '请选择指标');
  else if (!ind) say('indicatorId', '指标不存在，请刷新后重试');
  else if (!ind.active) say('indicatorId', `“${ind.name}”已停用`);
  else if (first !== undefined) say('indicatorId', `“${ind.name}”与第${first + 1}项重复`);
  if (ind && ind.kind === 'qualitative' && node.target !== null) say('target', `“${ind.name}”是定性指标，不设目标值`);
  return what;
}

/** Each node's own problems: its id, what it carries, its parent, its target; each message names its row. */
function rowIssues(key: GroupKey, nodes: readonly NodeInput[], facts: GroupFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const mine = new Map(facts.current.map((n) => [n._id, n]));
  const ids = new Set(mine.keys());
  const listed = new Map<string, number>();
  const firstWhat = new Map<string, number>();
  nodes.forEach((node, i) => {
    const say: Say = (field, message) => issues.push({ path: `nodes.${i}.${field}`, message: `第${i + 1}项：${message}` });
    nodeIdIssue(node, i, listed, facts, ids, say);
    const twice = (what: string) => firstWhat.get(what);
    const what = key.level === 'goal' ? goalIssues(node, twice, say) : indicatorIssues(node, facts, twice, say);
    if (!firstWhat.has(what)) firstWhat.set(what, i);
    const parent = node.parentId ? (facts.known.get(node.parentId) ?? mine.get(node.parentId)) : undefined;
    const p = parentProblem(key, node.parentId, parent);
    if (p) say('parentId', p);
  });
  return issues;
}

/** Nodes to remove that still have nodes under them: each named, with where its children are. */
function removalIssues(removed: TreeNodeDoc[], facts: GroupFacts): FieldIssue[] {
  return removed.flatMap((n) => {
    const under = facts.children.filter((c) => c.parentId === n._id);
    if (under.length === 0) return [];
    const where = [...new Set(under.map((c) => groupTitle(keyOfNode(c), facts.names)))];
    const named = where.slice(0, TREE.childrenNamed).join('、');
    const more = where.length > TREE.childrenNamed ? '等' : '';
    return [
      {
        path: 'nodes',
        message: `“${n.label}”下还有${under.length}项下级指标（${named}${more}），不能删除：请先删除或改挂这些下级指标`,
      },
    ];
  });
}

const FIELDS = ['level', 'parentId', 'label', 'indicatorId', 'sectionId', 'post', 'memberId', 'weight', 'target', 'order'] as const;
const differs = (a: TreeNodeDoc, b: TreeNodeDoc) => FIELDS.some((f) => (a[f] ?? null) !== (b[f] ?? null));

/**
 * The group as it is to be, or why not. `make.newId(i)` names the node added at position i; `make.nextOrder` is
 * past every node's `order` in the tree. The places the kept nodes hold now, and one after the whole tree for each
 * node added, are given out in the order the nodes are listed: the group reads in that order, among its siblings.
 */
export function planGroup(input: SaveGroupInput, facts: GroupFacts, make: { newId: (i: number) => string; nextOrder: number }): GroupOutcome {
  const own = keyProblem(input, facts);
  if (own) return { ok: false, issues: [own] };
  const key = keyOfInput(input, facts.member);
  const title = groupTitle(key, facts.names);
  const issues = rowIssues(key, input.nodes, facts);
  if (input.nodes.length > 0) {
    for (const p of weightProblems(input.nodes.map((n) => ({ group: 'g', weight: n.weight }))))
      issues.push({ path: 'nodes', message: `${title}权重合计 ${p.sum}，应为 ${TREE.groupTotal}` });
  }
  const listed = new Set(input.nodes.flatMap((n) => (n.nodeId ? [n.nodeId] : [])));
  const removed = facts.current.filter((n) => !listed.has(n._id));
  issues.push(...removalIssues(removed, facts));
  if (issues.length > 0) return { ok: false, issues };

  const stored = new Map(facts.current.map((n) => [n._id, n]));
  const keptOrders = input.nodes.flatMap((n) => (n.nodeId ? [stored.get(n.nodeId)?.order ?? 0] : []));
  let nextNew = make.nextOrder;
  const slots = [...keptOrders, ...input.nodes.filter((n) => n.nodeId === null).map(() => nextNew++)].sort((a, b) => a - b);
  const nodes = input.nodes.map((n, i): TreeNodeDoc => {
    const ind = n.indicatorId ? facts.indicators.get(n.indicatorId) : undefined;
    return {
      _id: n.nodeId ?? make.newId(i),
      level: key.level,
      parentId: n.parentId,
      label: key.level === 'goal' ? (n.label ?? '').trim() : (ind?.name ?? ''),
      indicatorId: key.level === 'goal' ? null : n.indicatorId,
      sectionId: key.sectionId,
      post: key.post,
      memberId: key.memberId,
      weight: n.weight,
      target: key.level === 'goal' ? null : n.target,
      order: slots[i] ?? nextNew + i,
    };
  });
  const added = nodes.filter((n) => !stored.has(n._id));
  const changed = nodes.filter((n) => {
    const before = stored.get(n._id);
    return before !== undefined && differs(before, n);
  });
  return { ok: true, plan: { key, title, nodes, added, changed, removed } };
}

/** The change in a line for the audit trail: 招商服务部 股室指标：新增“…”，删除“…”，修改2项，现共5项. */
export function groupChangeText(plan: GroupPlan): string {
  const quoted = (ns: TreeNodeDoc[]) => ns.map((n) => `“${n.label}”`).join('、');
  const parts = [
    ...(plan.added.length ? [`新增${quoted(plan.added)}`] : []),
    ...(plan.removed.length ? [`删除${quoted(plan.removed)}`] : []),
    ...(plan.changed.length ? [`修改${plan.changed.length}项`] : []),
  ];
  return `${plan.title}：${parts.join('，') || '未变'}，现共${plan.nodes.length}项`;
}

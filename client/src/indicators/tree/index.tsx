import { Button, Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { canCall } from '../../../../shared/access';
import type { OutputOf } from '../../../../shared/contracts';
import { weightProblems } from '../../../../shared/indicators/rules';
import { call } from '../../common/call';
import { EntryCell } from '../../common/cells';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { GroupEditor } from './GroupEditor';
import { fallbackText, groupOf, namesOf, nodesOf, sectionTargets, titleOf, type GroupTarget } from './group-draft';

type Tree = OutputOf<'indicators', 'tree'>;
type Node = Tree['nodes'][number];

const LEVEL_LABELS: Record<Node['level'], string> = { goal: '园区目标', section: '股室指标', post: '岗位指标', personal: '个人清单' };

/** Depth-first order under each parent, with the depth for indenting. */
function ordered(nodes: Node[]): { node: Node; depth: number }[] {
  const ids = new Set(nodes.map((x) => x.id));
  const children = new Map<string | null, Node[]>();
  for (const x of nodes) {
    const p = x.parentId && ids.has(x.parentId) ? x.parentId : null;
    children.set(p, [...(children.get(p) ?? []), x]);
  }
  const out: { node: Node; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const c of children.get(parent) ?? []) {
      out.push({ node: c, depth });
      walk(c.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** A node's weight as it stands on the phone: as edited (what is not a number counts 0), else as loaded. */
function weightOf(x: Node, edits: Record<string, string>): number {
  const e = edits[x.id];
  if (e === undefined) return x.weight;
  const v = Number(e);
  return e.trim() === '' || Number.isNaN(v) ? 0 : v;
}

const safeId = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '_');

/** Where each group's entry is: ids the tests use (`tree-edit-goal`, `tree-edit-section`, `tree-edit-post-0`, `tree-edit-person-M009`). */
function entryId(t: GroupTarget, postIndex: number): string {
  switch (t.level) {
    case 'goal':
      return 'tree-edit-goal';
    case 'section':
      return 'tree-edit-section';
    case 'post':
      return `tree-edit-post-${postIndex}`;
    case 'personal':
      return `tree-edit-person-${safeId(t.memberId)}`;
  }
}

/** The groups the admin may build: the park's goals, and those of the section picked, each with what it holds. */
function GroupEntries(p: { tree: Tree; sections: { id: string; name: string }[]; sectionId: string | undefined; onEdit: (g: GroupTarget) => void }) {
  const { tree, sectionId } = p;
  const targets: GroupTarget[] = [{ level: 'goal' }, ...(sectionId ? sectionTargets(sectionId, tree) : [])];
  const names = namesOf(tree, p.sections);
  return (
    <View id='tree-groups'>
      <View className='cells-title'>编辑分组（增删指标、调整上级与权重）</View>
      <View className='cells'>
        {targets.map((g, i) => {
          const id = entryId(g, targets.slice(0, i).filter((x) => x.level === 'post').length);
          const n = nodesOf(g, tree).length;
          return <EntryCell key={id} id={id} title={titleOf(g, names)} sub={n > 0 ? `${n} 项` : fallbackText(g, tree)} onClick={() => p.onEdit(g)} />;
        })}
      </View>
      {!sectionId && p.sections.length > 0 && (
        <View className='tips' id='tree-edit-hint'>
          在上方选择股室，可编辑该股室的股室指标、岗位指标和个人清单。
        </View>
      )}
    </View>
  );
}

/**
 * The decomposition (指标分解): park goals → section indicators, and for a picked section its post and personal
 * nodes. Each group's weights must add up to 100: groups that do not are marked in red. The admin edits weights
 * inline; the server refuses a save that leaves any touched group off 100, and nothing is written. The admin also
 * builds the tree a group at a time (编辑分组: add, remove, re-parent nodes — GroupEditor), which a new park starts
 * with: until the tree reaches a section, its cadres' checklists are empty.
 */
export default function TreePage() {
  const [sectionId, setSectionId] = useState<string | undefined>(undefined);
  const [editing, setEditingState] = useState<GroupTarget | null>(null);
  const setEditing = (g: GroupTarget | null) => {
    setEditingState(g);
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const [edits, setEdits] = useState<Record<string, string>>({});
  const [saveErrors, setSaveErrors] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const me = usePageData('members', 'me', {}).data;
  // Weights are edited, and groups built, here by whoever the access table lets save them (the admin); others read.
  const [editor, builder] = me ? [canCall(me.roles, 'indicators', 'saveWeights'), canCall(me.roles, 'indicators', 'saveGroup')] : [false, false];
  const sections = usePageData('park', 'sections', {}).data ?? [];
  const page = usePageData('indicators', 'tree', sectionId ? { sectionId } : {}, {
    onData: () => {
      setEdits({});
      setSaveErrors([]);
    },
  });
  const tree = page.data;

  const rows = useMemo(() => (tree ? ordered(tree.nodes) : []), [tree]);
  const dirty = Object.keys(edits).length > 0;
  // The server's problems as loaded; while editing, the sums as they now stand on the phone.
  const problems = useMemo(() => {
    if (!tree) return new Map<string, { label: string; sum: number }>();
    const labels = new Map(tree.problems.map((p) => [p.group, p.label]));
    const list = dirty ? weightProblems(tree.nodes.map((x) => ({ group: x.group, weight: weightOf(x, edits) }))) : tree.problems;
    return new Map(list.map((p) => [p.group, { label: labels.get(p.group) ?? groupLabel(p.group, tree.nodes), sum: p.sum }]));
  }, [tree, edits, dirty]);
  const firstOfGroup = useMemo(() => {
    const seen = new Set<string>();
    const first = new Set<string>();
    for (const { node } of rows) {
      if (!seen.has(node.group)) {
        seen.add(node.group);
        first.add(node.id);
      }
    }
    return first;
  }, [rows]);

  const save = async () => {
    if (!tree || saving) return;
    const changes = tree.nodes.flatMap((x) => {
      const e = edits[x.id];
      if (e === undefined) return [];
      const w = Number(e);
      return Number.isNaN(w) || e.trim() === '' || w === x.weight ? [] : [{ nodeId: x.id, weight: w }];
    });
    if (changes.length === 0) {
      setSaveErrors(['没有修改的权重']);
      return;
    }
    if (changes.some((c) => c.weight < 0 || c.weight > 100)) {
      setSaveErrors(['权重应在0到100之间']);
      return;
    }
    setSaving(true);
    const r = await call('indicators', 'saveWeights', { changes });
    setSaving(false);
    if (r.code === 0) {
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void page.reload();
    } else setSaveErrors(r.code === 'INVALID_INPUT' && r.details?.length ? r.details.map((d) => d.message) : [r.message]);
  };

  const sectionIndex = sections.findIndex((x) => x.id === sectionId);
  const sectionName = (id: string | null) => sections.find((x) => x.id === id)?.name ?? id ?? '';

  if (editing && tree) {
    return (
      <GroupEditor
        key={groupOf(editing)}
        target={editing}
        tree={tree}
        sections={sections}
        onCancel={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          void page.reload();
        }}
      />
    );
  }

  return (
    <View className='page' id='tree-page'>
      <View className='page-hd'>
        <View className='page-title'>指标分解</View>
        <View className='page-desc'>园区目标 → 股室指标 → 岗位指标 → 个人清单；每组权重合计应为 100。</View>
        <View className='page-desc' id='tree-note'>
          修改只影响之后开启的季度：已开启季度的考核清单保持开启时的内容。
        </View>
      </View>
      {sections.length > 0 && (
        <Picker
          mode='selector'
          range={['（仅园区目标与股室指标）', ...sections.map((x) => x.name)]}
          value={sectionIndex + 1}
          onChange={(e) => setSectionId(sections[Number(e.detail.value) - 1]?.id)}
        >
          <View className='cells'>
            <View className='cell cell-access' id='tree-section-picker'>
              <View className='cell-bd'>展开股室的岗位与个人指标</View>
              <View className='cell-ft' id='tree-section'>
                {sections[sectionIndex]?.name ?? '未选择'}
              </View>
            </View>
          </View>
        </Picker>
      )}
      <LoadStatus page={page} />
      {builder && tree && <GroupEntries tree={tree} sections={sections} sectionId={sectionId} onEdit={setEditing} />}
      {tree && problems.size > 0 && (
        <View className='problems' id='tree-problems'>
          <View className='problems-title'>权重不合规的分组</View>
          {[...problems].map(([g, p]) => (
            <View className='problem' key={g}>
              {p.label}：权重合计 {p.sum}，应为 100
            </View>
          ))}
        </View>
      )}
      {tree && (
        <View className='cells' id='tree-nodes' style={{ marginTop: '16px' }}>
          {rows.map(({ node, depth }) => {
            const p = firstOfGroup.has(node.id) ? problems.get(node.group) : undefined;
            return (
              <View key={node.id}>
                {firstOfGroup.has(node.id) && (
                  <View className='tree-group' id={`group-${safeId(node.group)}`} style={{ paddingLeft: `${32 + depth * 32}px` }}>
                    <Text>{heading(node, sectionName, tree.people)}</Text>
                    {p && (
                      <Text className='text-red' id={`problem-${node.id}`}>
                        　权重合计 {p.sum}，应为 100
                      </Text>
                    )}
                  </View>
                )}
                <View className='cell tree-node' id={`node-${node.id}`} style={{ paddingLeft: `${32 + depth * 32}px` }}>
                  <View className='cell-bd'>
                    {node.level === 'section' && !sectionId && <Text className='small'>{sectionName(node.sectionId)} · </Text>}
                    <Text className={`tree-label tree-${node.level}`}>{node.label}</Text>
                    {node.target !== null && <Text className='small'>　目标 {node.target}</Text>}
                  </View>
                  {editor ? (
                    <Input
                      id={`w-${node.id}`}
                      className={`input weight-input${edits[node.id] !== undefined ? ' weight-edited' : ''}`}
                      type='digit'
                      value={edits[node.id] ?? String(node.weight)}
                      onInput={(e) => {
                        const v = e.detail.value;
                        setEdits((old) => ({ ...old, [node.id]: v }));
                        setSaveErrors([]);
                      }}
                    />
                  ) : (
                    <Text className='cell-ft' id={`w-${node.id}`}>
                      {node.weight}
                    </Text>
                  )}
                </View>
              </View>
            );
          })}
        </View>
      )}
      {saveErrors.length > 0 && (
        <View className='problems' id='tree-error'>
          <View className='problems-title'>未保存</View>
          {saveErrors.map((m, i) => (
            <View className='problem' key={i}>
              {m}
            </View>
          ))}
        </View>
      )}
      {editor && tree && (
        <View className='btn-area'>
          <Button
            id='tree-save'
            className={`btn btn-primary${!dirty || saving ? ' btn-disabled' : ''}`}
            disabled={saving}
            onClick={() => void save()}
          >
            {saving ? '正在保存…' : '保存权重'}
          </Button>
          <View style={{ height: '12px' }} />
          <Button id='tree-reset' className='btn btn-default' onClick={() => void page.reload()}>
            放弃修改
          </Button>
        </View>
      )}
    </View>
  );
}

/** A group's heading in the list: its level, and whose it is (the section, the post, the cadre). */
function heading(node: Node, sectionName: (id: string | null) => string, people: Tree['people']): string {
  const person = () => people.find((x) => x.id === node.memberId)?.name ?? node.memberId ?? '';
  const whose = node.level === 'section' ? sectionName(node.sectionId) : node.level === 'personal' ? person() : (node.post ?? '');
  return whose ? `${LEVEL_LABELS[node.level]} · ${whose}` : LEVEL_LABELS[node.level];
}

function groupLabel(group: string, nodes: Node[]): string {
  const n = nodes.find((x) => x.group === group);
  if (!n) return group;
  return `${LEVEL_LABELS[n.level]}${n.post ? ` · ${n.post}` : ''}`;
}

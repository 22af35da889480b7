import { TREE } from '../../../shared/indicators/config';
import type { SaveGroupInput } from '../../../shared/indicators/contract';
import type { TreeNodeDoc } from '../../../shared/indicators/indicator';
import { groupChangeText, groupTitle, planGroup, type GroupFacts } from '../../../shared/indicators/tree-group';

/** A node as stored, with what a test does not care about filled in. */
function node(n: Partial<TreeNodeDoc> & Pick<TreeNodeDoc, '_id' | 'level'>): TreeNodeDoc {
  return { parentId: null, label: n._id, indicatorId: null, sectionId: null, post: null, memberId: null, weight: 0, target: null, order: 0, ...n };
}

const G1 = node({ _id: 'G1', level: 'goal', label: '综合考核第一等次', weight: 60, order: 0 });
const G2 = node({ _id: 'G2', level: 'goal', label: '营商环境最优', weight: 40, order: 1 });
const VISIT = node({
  _id: 'N-S1-VISIT',
  level: 'section',
  parentId: 'G2',
  indicatorId: 'VISIT',
  label: '走访企业',
  sectionId: 'S1',
  weight: 60,
  order: 2,
});
const APPEAL = node({
  _id: 'N-S1-APPEAL',
  level: 'section',
  parentId: 'G2',
  indicatorId: 'APPEAL',
  label: '诉求办结',
  sectionId: 'S1',
  weight: 40,
  order: 3,
});
const OTHER = node({
  _id: 'N-S2-VISIT',
  level: 'section',
  parentId: 'G2',
  indicatorId: 'VISIT',
  label: '走访企业',
  sectionId: 'S2',
  weight: 100,
  order: 4,
});
const POST = node({
  _id: 'N-S1-P1-VISIT',
  level: 'post',
  parentId: 'N-S1-VISIT',
  indicatorId: 'VISIT',
  label: '走访企业',
  sectionId: 'S1',
  post: '一级主办',
  weight: 100,
  order: 5,
});
const ALL = [G1, G2, VISIT, APPEAL, OTHER, POST];

const INDICATORS: GroupFacts['indicators'] = new Map([
  ['VISIT', { name: '走访企业', active: true, kind: 'quantitative' as const }],
  ['APPEAL', { name: '诉求办结', active: true, kind: 'quantitative' as const }],
  ['STYLE', { name: '工作作风', active: true, kind: 'qualitative' as const }],
  ['OLD', { name: '旧指标', active: false, kind: 'quantitative' as const }],
]);
const NAMES: GroupFacts['names'] = {
  sections: new Map([
    ['S1', '企业服务中心'],
    ['S2', '项目推进部'],
  ]),
  members: new Map([['C1', '张敏']]),
};
const ZHANG = { name: '张敏', active: true, sectionId: 'S1', post: '一级主办', cadre: true };

/** The facts the function would load for `input`: the group, the nodes it names, the children of those it drops. */
function factsFor(input: SaveGroupInput, over: Partial<GroupFacts> = {}): GroupFacts {
  const inGroup = (n: TreeNodeDoc) =>
    n.level === input.level &&
    (input.level === 'goal' ||
      (input.level === 'section' && n.sectionId === input.sectionId) ||
      (input.level === 'post' && n.sectionId === input.sectionId && n.post === input.post) ||
      (input.level === 'personal' && n.memberId === input.memberId));
  const current = ALL.filter(inGroup);
  const listed = new Set(input.nodes.map((x) => x.nodeId));
  const dropped = new Set(current.filter((n) => !listed.has(n._id)).map((n) => n._id));
  return {
    current,
    known: new Map(ALL.filter((n) => !inGroup(n)).map((n) => [n._id, n])),
    children: ALL.filter((n) => n.parentId !== null && dropped.has(n.parentId)),
    indicators: INDICATORS,
    section: { name: '企业服务中心', active: true },
    member: ZHANG,
    names: NAMES,
    ...over,
  };
}

const make = { newId: (i: number) => `NEW${i}`, nextOrder: 100 };
const row = (r: Partial<SaveGroupInput['nodes'][number]>): SaveGroupInput['nodes'][number] => ({
  nodeId: null,
  indicatorId: null,
  label: null,
  parentId: null,
  weight: 0,
  target: null,
  ...r,
});
const kept = (n: TreeNodeDoc, weight = n.weight) =>
  row({ nodeId: n._id, indicatorId: n.indicatorId, label: n.level === 'goal' ? n.label : null, parentId: n.parentId, weight });
const messages = (input: SaveGroupInput, over: Partial<GroupFacts> = {}) => {
  const out = planGroup(input, factsFor(input, over), make);
  return out.ok ? [] : out.issues.map((i) => i.message);
};
const planOf = (input: SaveGroupInput) => {
  const out = planGroup(input, factsFor(input), make);
  if (!out.ok) throw new Error(out.issues.map((i) => i.message).join('; '));
  return out.plan;
};

describe('a weight group adds up to 100 after every save', () => {
  it('adds a node, changes one and keeps one in a single save', () => {
    // 50 + 30 + 20 = 100
    const plan = planOf({
      level: 'section',
      sectionId: 'S1',
      nodes: [kept(VISIT, 50), kept(APPEAL, 30), row({ indicatorId: 'STYLE', parentId: 'G1', weight: 20 })],
    });
    expect(plan.title).toBe('企业服务中心 股室指标');
    expect(plan.added).toEqual([expect.objectContaining({ _id: 'NEW2', label: '工作作风', sectionId: 'S1', level: 'section', order: 100 })]);
    expect(plan.changed.map((n) => [n._id, n.weight])).toEqual([
      ['N-S1-VISIT', 50],
      ['N-S1-APPEAL', 30],
    ]);
    expect(plan.removed).toEqual([]);
    expect(groupChangeText(plan)).toBe('企业服务中心 股室指标：新增“工作作风”，修改2项，现共3项');
  });

  it('refuses 99.99 and 100.01, takes 100 in two decimals', () => {
    const group = (a: number, b: number): SaveGroupInput => ({ level: 'goal', nodes: [kept(G1, a), kept(G2, b)] });
    expect(messages(group(60, 39.99))).toEqual([`园区目标权重合计 99.99，应为 ${TREE.groupTotal}`]);
    expect(messages(group(60, 40.01))).toEqual([`园区目标权重合计 100.01，应为 ${TREE.groupTotal}`]);
    expect(messages(group(33.33, 66.67))).toEqual([]);
  });

  it('takes an empty group (nothing decomposed here): the level above counts instead', () => {
    const plan = planOf({ level: 'post', sectionId: 'S1', post: '一级主办', nodes: [] });
    expect(plan.removed.map((n) => n._id)).toEqual(['N-S1-P1-VISIT']);
    expect(plan.nodes).toEqual([]);
  });

  it('saves the group as it was with nothing to write', () => {
    const plan = planOf({ level: 'goal', nodes: [kept(G1), kept(G2)] });
    expect([plan.added, plan.changed, plan.removed]).toEqual([[], [], []]);
  });
});

describe('what a node may carry', () => {
  it('refuses an indicator missing, retired or twice in the group, saying which row', () => {
    const input: SaveGroupInput = {
      level: 'section',
      sectionId: 'S1',
      nodes: [
        kept(VISIT, 40),
        row({ indicatorId: 'VISIT', parentId: 'G2', weight: 20 }),
        row({ indicatorId: 'OLD', parentId: 'G2', weight: 20 }),
        row({ indicatorId: 'NOPE', parentId: 'G2', weight: 10 }),
        row({ parentId: 'G2', weight: 10 }),
      ],
    };
    expect(messages(input)).toEqual([
      '第2项：“走访企业”与第1项重复',
      '第3项：“旧指标”已停用',
      '第4项：指标不存在，请刷新后重试',
      '第5项：请选择指标',
      // N-S1-APPEAL is left out and has nothing under it: removed, no message
    ]);
  });

  it('refuses a target on a qualitative indicator, takes one on a quantitative', () => {
    const input = (target: number): SaveGroupInput => ({
      level: 'section',
      sectionId: 'S1',
      nodes: [kept(VISIT, 50), kept(APPEAL, 30), row({ indicatorId: 'STYLE', parentId: 'G1', weight: 20, target })],
    });
    expect(messages(input(5))).toEqual(['第3项：“工作作风”是定性指标，不设目标值']);
    const ok = planOf({ level: 'section', sectionId: 'S1', nodes: [{ ...kept(VISIT, 60), target: 40 }, kept(APPEAL, 40)] });
    expect(ok.nodes[0]?.target).toBe(40);
  });

  it('names a park goal by its wording: no indicator, no parent, no target, no two alike', () => {
    const input: SaveGroupInput = {
      level: 'goal',
      nodes: [
        kept(G1, 50),
        row({ label: '综合考核第一等次', weight: 20 }),
        row({ label: '创', weight: 10 }),
        row({ label: '招商引资', indicatorId: 'VISIT', parentId: 'G1', target: 3, weight: 20 }),
      ],
    };
    expect(messages(input)).toEqual([
      '第2项：与第1项重名',
      '第3项：请填写目标名称（至少2个字）',
      '第4项：园区目标不挂具体指标，请只填写目标名称',
      '第4项：园区目标不设目标值',
      '第4项：园区目标没有上级',
      // G2 is left out, and has section indicators under it
      '“营商环境最优”下还有3项下级指标（企业服务中心 股室指标、项目推进部 股室指标），不能删除：请先删除或改挂这些下级指标',
    ]);
  });
});

describe('a parent is of the level above, in the same section', () => {
  it('puts a section indicator under a park goal', () => {
    const input = (parentId: string | null): SaveGroupInput => ({
      level: 'section',
      sectionId: 'S1',
      nodes: [kept(VISIT), row({ nodeId: APPEAL._id, indicatorId: 'APPEAL', parentId, weight: 40 })],
    });
    expect(messages(input('G1'))).toEqual([]);
    expect(messages(input(null))).toEqual(['第2项：请选择所属的园区目标']);
    expect(messages(input('N-S2-VISIT'))).toEqual(['第2项：上级应为园区目标']);
    expect(messages(input('GONE'))).toEqual(['第2项：上级指标不存在，请刷新后重试']);
  });

  it('puts a post indicator under its own section’s indicator, not another section’s', () => {
    const input = (parentId: string): SaveGroupInput => ({
      level: 'post',
      sectionId: 'S1',
      post: '一级主办',
      nodes: [row({ nodeId: POST._id, indicatorId: 'VISIT', parentId, weight: 100 })],
    });
    expect(messages(input('N-S1-APPEAL'))).toEqual([]);
    expect(messages(input('N-S2-VISIT'))).toEqual(['第1项：上级应为本股室的股室指标']);
    expect(messages(input('G1'))).toEqual(['第1项：上级应为本股室的股室指标']);
  });

  it('puts a cadre’s own indicator under their post’s, their section’s, or none — not another post’s', () => {
    const input = (parentId: string | null, member = ZHANG): [SaveGroupInput, Partial<GroupFacts>] => [
      { level: 'personal', memberId: 'C1', nodes: [row({ indicatorId: 'VISIT', parentId, weight: 100 })] },
      { member },
    ];
    expect(messages(...input('N-S1-P1-VISIT'))).toEqual([]);
    expect(messages(...input('N-S1-VISIT'))).toEqual([]);
    expect(messages(...input(null))).toEqual([]);
    expect(messages(...input('N-S1-P1-VISIT', { ...ZHANG, post: '二级主办' }))).toEqual(['第1项：上级应为本人股室的股室指标或本岗位的岗位指标']);
    expect(messages(...input('N-S2-VISIT'))).toEqual(['第1项：上级应为本人股室的股室指标或本岗位的岗位指标']);
    // the nodes take the cadre's section and post as they are now
    const [own, facts] = input(null);
    const plan = planGroup(own, factsFor(own, facts), make);
    expect(plan.ok && plan.plan.nodes[0]).toMatchObject({ sectionId: 'S1', post: '一级主办', memberId: 'C1', level: 'personal' });
  });
});

describe('whose group it is', () => {
  const personal: SaveGroupInput = { level: 'personal', memberId: 'C1', nodes: [] };
  it('refuses a section that does not exist or is retired', () => {
    const s: SaveGroupInput = { level: 'section', sectionId: 'S9', nodes: [] };
    expect(messages(s, { section: null })).toEqual(['股室不存在']);
    expect(messages(s, { section: { name: '综合办', active: false } })).toEqual(['“综合办”已撤销，不能再分解指标']);
  });

  it('refuses a cadre who does not exist, has left, is in no section or is not assessed as a cadre', () => {
    expect(messages(personal, { member: null })).toEqual(['人员不存在']);
    expect(messages(personal, { member: { ...ZHANG, active: false } })).toEqual(['张敏已离开，不能再设个人清单']);
    expect(messages(personal, { member: { ...ZHANG, sectionId: null } })).toEqual(['张敏不在任何股室，请先为其办理调动']);
    expect(messages(personal, { member: { ...ZHANG, cadre: false } })).toEqual(['张敏不参加干部考核，没有个人清单']);
  });

  it('refuses a node of another group, and one that no longer exists', () => {
    const input: SaveGroupInput = {
      level: 'section',
      sectionId: 'S1',
      nodes: [
        kept(VISIT, 50),
        kept(APPEAL, 30),
        { ...kept(OTHER, 10), parentId: 'G2' },
        row({ nodeId: 'GONE', indicatorId: 'STYLE', parentId: 'G1', weight: 10 }),
      ],
    };
    expect(messages(input)).toEqual([
      '第3项：该节点属于其他分组，不能在这里保存',
      '第3项：“走访企业”与第1项重复',
      '第4项：该节点已不存在，请刷新后重试',
    ]);
  });
});

describe('removing a node that has nodes under it', () => {
  it('is refused, naming where its children are; removing them first lets it go', () => {
    const without: SaveGroupInput = { level: 'section', sectionId: 'S1', nodes: [kept(APPEAL, 100)] };
    expect(messages(without)).toEqual(['“走访企业”下还有1项下级指标（企业服务中心 · 一级主办 岗位指标），不能删除：请先删除或改挂这些下级指标']);
    // once the post's node is gone, nothing is under it
    const plan = planGroup(without, { ...factsFor(without), children: [] }, make);
    expect(plan.ok && plan.plan.removed.map((n) => n._id)).toEqual(['N-S1-VISIT']);
  });

  it('names at most three groups, then 等', () => {
    const children = ['C1', 'C2', 'C3', 'C4'].map((m, i) =>
      node({ _id: `P${i}`, level: 'personal', parentId: 'N-S1-VISIT', memberId: m, sectionId: 'S1', indicatorId: 'VISIT' }),
    );
    const without: SaveGroupInput = { level: 'section', sectionId: 'S1', nodes: [kept(APPEAL, 100)] };
    expect(messages(without, { children })).toEqual([
      '“走访企业”下还有4项下级指标（张敏 个人清单、C2 个人清单、C3 个人清单等），不能删除：请先删除或改挂这些下级指标',
    ]);
  });
});

describe('order', () => {
  it('keeps the group’s places in the order given and puts new nodes after the whole tree', () => {
    const plan = planOf({ level: 'goal', nodes: [kept(G2, 30), row({ label: '作风建设', weight: 10 }), kept(G1, 60)] });
    expect(plan.nodes.map((n) => [n._id, n.order])).toEqual([
      ['G2', 0],
      ['NEW1', 1],
      ['G1', 100],
    ]);
  });

  it('calls each group by what it is', () => {
    expect(groupTitle({ level: 'post', sectionId: 'S1', post: '', memberId: null }, NAMES)).toBe('企业服务中心 · 未填岗位 岗位指标');
    expect(groupTitle({ level: 'personal', sectionId: 'S1', post: null, memberId: 'C1' }, NAMES)).toBe('张敏 个人清单');
  });
});

/**
 * Building the decomposition tree (指标分解) in a park of its own, through the functions only, from an empty cloud: the
 * 组织员 adds indicators to the library, then the park's goals, a section's indicators, a post's and a cadre's own
 * list, each a whole weight group (indicators.saveGroup); a quarter opened then fixes each cadre's checklist from
 * them. A group that does not add up to 100, or that would drop a node with nodes under it, writes nothing; a
 * quarter already opened keeps its checklists when the tree changes, and the next one takes the tree as it is then.
 */
import { quarterOf, shiftQuarter } from '../../shared/common/time';
import type { InputOf } from '../../shared/contracts';
import type { ChecklistDoc } from '../../shared/indicators/checklist';
import { TREE } from '../../shared/indicators/config';
import type { TreeNodeDoc } from '../../shared/indicators/indicator';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

const CODE = 'tree-first-quarter-code-1';
const current = quarterOf(Date.now());
const next = shiftQuarter(current, 1);
let t: TestCloud;
let admin = '';
const ids = { s1: '', s2: '', c1: '', c2: '', c3: '', visit: '', style: '', appeal: '' };

beforeAll(async () => {
  t = await startTestCloud({ seed: false, functionEnv: { park: { YARDSTICK_SETUP_CODE: CODE } } });
}, 60_000);
afterAll(() => t.stop());

const find = <T>(coll: string, query: object = {}) => t.cloud.store.find(coll, query) as unknown as T[];
const treeNodes = () => find<TreeNodeDoc>('treeNodes').sort((a, b) => a.order - b.order);
const byId = (id: string) => find<TreeNodeDoc>('treeNodes', { _id: id })[0];
const save = (input: InputOf<'indicators', 'saveGroup'>) => t.call(admin, 'indicators', 'saveGroup', input);
type Row = InputOf<'indicators', 'saveGroup'>['nodes'][number];
const row = (r: Partial<Row>): Row => ({ nodeId: null, indicatorId: null, label: null, parentId: null, weight: 0, target: null, ...r });
/** A group's nodes as stored, listed back (to keep them) with new weights. */
const keep = (nodes: TreeNodeDoc[], weights: number[]) =>
  nodes.map((n, i) =>
    row({
      nodeId: n._id,
      indicatorId: n.indicatorId,
      label: n.level === 'goal' ? n.label : null,
      parentId: n.parentId,
      weight: weights[i] ?? n.weight,
      target: n.target,
    }),
  );

describe('a park builds its own tree', () => {
  it('sets up the park, its sections, people and indicators: no tree yet, and nothing to check a cadre on', async () => {
    admin = (await t.newUser()).token;
    data(await t.call(admin, 'park', 'setup', { code: CODE, parkName: '白鹭洲工业园区', adminName: '周组织', staffNo: 'A1' }));
    ids.s1 = data(await t.call(admin, 'park', 'saveSection', { name: '企业服务中心' })).id;
    ids.s2 = data(await t.call(admin, 'park', 'saveSection', { name: '项目推进部' })).id;
    const person = async (name: string, staffNo: string, sectionId: string, post: string) =>
      data(await t.call(admin, 'members', 'savePerson', { name, staffNo, sectionId, post, roles: ['cadre'] })).memberId;
    ids.c1 = await person('张敏', 'C1', ids.s1, '一级主办');
    ids.c2 = await person('李华', 'C2', ids.s1, '一级主办');
    ids.c3 = await person('赵强', 'C3', ids.s2, '二级主办');
    const indicator = async (name: string, kind: 'quantitative' | 'qualitative') =>
      data(
        await t.call(admin, 'indicators', 'save', {
          name,
          class: 'key',
          kind,
          group: '入企服务',
          unit: kind === 'quantitative' ? '家' : null,
          direction: 'higher',
          target: kind === 'quantitative' ? 30 : null,
          rule: kind === 'quantitative' ? { type: 'proportional', cap: 100 } : null,
          owner: 'park',
          source: '园区自定',
        }),
      ).id;
    ids.visit = await indicator('走访服务企业', 'quantitative');
    ids.appeal = await indicator('协调解决企业诉求', 'quantitative');
    ids.style = await indicator('工作作风', 'qualitative');
    const tree = data(await t.call(admin, 'indicators', 'tree', { sectionId: ids.s1 }));
    expect(tree.nodes).toEqual([]);
    expect(tree.people.map((p) => p.name).sort()).toEqual(['张敏', '李华'].sort());
  }, 60_000);

  it('adds the goals, the section’s indicators, a post’s and a cadre’s own, each group whole', async () => {
    const goals = data(
      await save({
        level: 'goal',
        nodes: [row({ label: '全省开发区综合考核保持第一等次', weight: 60 }), row({ label: '企业满意、营商环境最优', weight: 40 })],
      }),
    );
    expect(goals).toMatchObject({ group: 'park', label: '园区目标', added: 2, updated: 0, removed: 0 });
    const [g1, g2] = goals.nodes;
    const section = data(
      await save({
        level: 'section',
        sectionId: ids.s1,
        nodes: [
          row({ indicatorId: ids.visit, parentId: g2?.id ?? null, weight: 50 }),
          row({ indicatorId: ids.appeal, parentId: g2?.id ?? null, weight: 30 }),
          row({ indicatorId: ids.style, parentId: g1?.id ?? null, weight: 20 }),
        ],
      }),
    );
    expect(section.label).toBe('企业服务中心 股室指标');
    expect(section.nodes.map((n) => [n.label, n.weight])).toEqual([
      ['走访服务企业', 50],
      ['协调解决企业诉求', 30],
      ['工作作风', 20],
    ]);
    const [sVisit, sAppeal, sStyle] = section.nodes;
    // the post's: visits with a target of its own (40 enterprises, not the indicator's 30)
    data(
      await save({
        level: 'post',
        sectionId: ids.s1,
        post: '一级主办',
        nodes: [
          row({ indicatorId: ids.visit, parentId: sVisit?.id ?? null, weight: 70, target: 40 }),
          row({ indicatorId: ids.style, parentId: sStyle?.id ?? null, weight: 30 }),
        ],
      }),
    );
    const post = treeNodes().filter((n) => n.level === 'post');
    // 李华's own list: appeals only, under the section's indicator
    data(
      await save({
        level: 'personal',
        memberId: ids.c2,
        nodes: [row({ indicatorId: ids.appeal, parentId: sAppeal?.id ?? null, weight: 100 })],
      }),
    );
    expect(post.map((n) => [n.sectionId, n.post, n.label, n.weight, n.target])).toEqual([
      [ids.s1, '一级主办', '走访服务企业', 70, 40],
      [ids.s1, '一级主办', '工作作风', 30, null],
    ]);
    expect(find<TreeNodeDoc>('treeNodes', { level: 'personal' })).toEqual([
      expect.objectContaining({ memberId: ids.c2, sectionId: ids.s1, post: '一级主办', label: '协调解决企业诉求', weight: 100 }),
    ]);
    const tree = data(await t.call(admin, 'indicators', 'tree', { sectionId: ids.s1 }));
    expect(tree.problems).toEqual([]);
  });

  it('opens a quarter: each cadre’s checklist carries the tree’s items (own list, else the post’s, else the section’s)', async () => {
    const opened = data(await t.call(admin, 'assessment', 'openPeriod', { periodId: current }));
    expect(opened).toMatchObject({ opened: true, checklistsMissing: 0 });
    const zhang = data(await t.call(admin, 'indicators', 'checklist', { memberId: ids.c1 }));
    expect(zhang.items.map((i) => [i.name, i.weight, i.target])).toEqual([
      ['走访服务企业', 70, 40],
      ['工作作风', 30, null],
    ]);
    const li = data(await t.call(admin, 'indicators', 'checklist', { memberId: ids.c2 }));
    expect(li.items.map((i) => [i.name, i.weight, i.target])).toEqual([['协调解决企业诉求', 100, 30]]);
    // 项目推进部 has nothing decomposed yet: an empty checklist, as before this tree existed
    expect(data(await t.call(admin, 'indicators', 'checklist', { memberId: ids.c3 })).items).toEqual([]);
  });

  it('refuses a group that does not add up to 100, and writes nothing', async () => {
    const before = { nodes: JSON.stringify(treeNodes()), audit: find('auditLog').length };
    const post = treeNodes().filter((n) => n.level === 'post');
    // 70 + 25 = 95
    const r = await save({ level: 'post', sectionId: ids.s1, post: '一级主办', nodes: keep(post, [70, 25]) });
    expect(r).toMatchObject({ code: 'INVALID_INPUT', message: `企业服务中心 · 一级主办 岗位指标权重合计 95，应为 ${TREE.groupTotal}` });
    // with a node added under a park goal, not under a section indicator: 70 + 25 + 10 = 105
    const [g1] = treeNodes().filter((n) => n.level === 'goal');
    const r2 = await save({
      level: 'post',
      sectionId: ids.s1,
      post: '一级主办',
      nodes: [...keep(post, [70, 25]), row({ indicatorId: ids.appeal, parentId: g1?._id ?? null, weight: 10 })],
    });
    expect(r2).toMatchObject({ code: 'INVALID_INPUT' });
    expect(r2.code !== 0 && r2.details?.map((d) => d.message)).toEqual([
      '第3项：上级应为本股室的股室指标',
      `企业服务中心 · 一级主办 岗位指标权重合计 105，应为 ${TREE.groupTotal}`,
    ]);
    expect(JSON.stringify(treeNodes())).toBe(before.nodes);
    expect(find('auditLog')).toHaveLength(before.audit);
  });

  it('refuses to drop a node that has nodes under it, naming where they are', async () => {
    const before = JSON.stringify(treeNodes());
    const section = treeNodes().filter((n) => n.level === 'section');
    // the visits indicator left out: the post's visits hang under it
    const r = await save({ level: 'section', sectionId: ids.s1, nodes: keep(section.slice(1), [70, 30]) });
    expect(r).toMatchObject({
      code: 'INVALID_INPUT',
      message: '“走访服务企业”下还有1项下级指标（企业服务中心 · 一级主办 岗位指标），不能删除：请先删除或改挂这些下级指标',
    });
    expect(JSON.stringify(treeNodes())).toBe(before);
  });

  it('keeps the opened quarter’s checklists when the tree changes; the next quarter opened takes the new tree', async () => {
    const fixed = find<ChecklistDoc>('checklists', { periodId: current });
    const post = treeNodes().filter((n) => n.level === 'post');
    const [sVisit, sAppeal] = treeNodes().filter((n) => n.level === 'section');
    // the post's style dropped, appeals added: 60 + 40
    const changed = data(
      await save({
        level: 'post',
        sectionId: ids.s1,
        post: '一级主办',
        nodes: [
          ...keep(post.slice(0, 1), [60]).map((n) => ({ ...n, parentId: sVisit?._id ?? null })),
          row({ indicatorId: ids.appeal, parentId: sAppeal?._id ?? null, weight: 40 }),
        ],
      }),
    );
    expect(changed).toMatchObject({ added: 1, updated: 1, removed: 1 });
    expect(byId(post[1]?._id ?? '')).toBeUndefined();
    // this quarter: as it was opened
    expect(find<ChecklistDoc>('checklists', { periodId: current })).toEqual(fixed);
    const zhang = data(await t.call(admin, 'indicators', 'checklist', { memberId: ids.c1 }));
    expect(zhang.items.map((i) => [i.name, i.weight])).toEqual([
      ['走访服务企业', 70],
      ['工作作风', 30],
    ]);
    // the next quarter: as the tree is now
    data(await t.call(admin, 'assessment', 'openPeriod', { periodId: next }));
    const later = data(await t.call(admin, 'indicators', 'checklist', { memberId: ids.c1, periodId: next }));
    expect(later.items.map((i) => [i.name, i.weight, i.target])).toEqual([
      ['走访服务企业', 60, 40],
      ['协调解决企业诉求', 40, 30],
    ]);
  });

  it('records each save in the audit trail, in words', async () => {
    const log = data(await t.call(admin, 'audit', 'log', {}));
    const tree = log.entries.filter((e) => e.kind === 'indicators.tree');
    expect(tree.map((e) => [e.kindLabel, e.summary])).toEqual([
      ['修改指标分解', '企业服务中心 · 一级主办 岗位指标：新增“协调解决企业诉求”，删除“工作作风”，修改1项，现共2项'],
      ['修改指标分解', '李华 个人清单：新增“协调解决企业诉求”，现共1项'],
      ['修改指标分解', '企业服务中心 · 一级主办 岗位指标：新增“走访服务企业”、“工作作风”，现共2项'],
      ['修改指标分解', '企业服务中心 股室指标：新增“走访服务企业”、“协调解决企业诉求”、“工作作风”，现共3项'],
      ['修改指标分解', '园区目标：新增“全省开发区综合考核保持第一等次”、“企业满意、营商环境最优”，现共2项'],
    ]);
    expect(data(await t.call(admin, 'audit', 'verify', {})).ok).toBe(true);
  });

  it('two saves of one group at once: each lands whole, one after the other', async () => {
    const goals = treeNodes().filter((n) => n.level === 'goal');
    const a = keep(goals, [50, 50]);
    const b = [...keep(goals, [40, 40]), row({ label: '干部作风与创新突破', weight: 20 })];
    const [ra, rb] = await Promise.all([save({ level: 'goal', nodes: a }), save({ level: 'goal', nodes: b })]);
    expect([ra.code, rb.code]).toEqual([0, 0]);
    const now = treeNodes()
      .filter((n) => n.level === 'goal')
      .map((n) => [n.label, n.weight]);
    const asA = goals.map((n, i) => [n.label, a[i]?.weight]);
    const asB = [...goals.map((n, i) => [n.label, b[i]?.weight]), ['干部作风与创新突破', 20]];
    expect([asA, asB]).toContainEqual(now);
  });
});

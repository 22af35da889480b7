import { Id } from '../../shared/common/schema';
import { quarterOf } from '../../shared/common/time';
import type { OutputOf } from '../../shared/contracts';
import type { DossierDoc } from '../../shared/dossier/dossier';
import type { ChecklistDoc } from '../../shared/indicators/checklist';
import type { TreeNodeDoc } from '../../shared/indicators/indicator';
import type { MemberDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let admin: string;
const q = () => quarterOf(Date.now());
const find = <T>(coll: string, query: object) => t.cloud.store.find(coll, query) as T[];

beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as('M002');
});
afterAll(() => t.stop());

describe('the indicator library (47 indicators, versioned)', () => {
  it('lists the 47, with the enterprise-service (8) and project (7) blocks', async () => {
    const lib = data(await t.call(admin, 'indicators', 'library', {}));
    expect(lib).toHaveLength(47);
    expect(lib.filter((i) => i.id.startsWith('IND-ES'))).toHaveLength(8);
    expect(lib.filter((i) => i.id.startsWith('IND-PJ'))).toHaveLength(7);
  });

  it('keeps a closed-over version: changing an indicator makes version 2, the quarter’s checklist keeps version 1', async () => {
    const lib = data(await t.call(admin, 'indicators', 'library', {}));
    const ind = lib.find((i) => i.id === 'IND-S03-2');
    if (!ind) throw new Error('no IND-S03-2');
    const changed = data(
      await t.call(admin, 'indicators', 'save', {
        id: ind.id,
        name: ind.name,
        class: ind.class,
        kind: ind.kind,
        group: ind.group,
        unit: ind.unit,
        direction: ind.direction,
        target: 90,
        rule: { type: 'proportional', cap: 100 },
        owner: ind.owner,
        source: ind.source,
      }),
    );
    expect(changed.version).toBe(ind.version + 1);
    const history = data(await t.call(admin, 'indicators', 'history', { indicatorId: ind.id }));
    expect(history.map((h) => h.version)).toEqual([ind.version + 1, ind.version]);
    const [cl] = find<ChecklistDoc>('checklists', { periodId: q(), 'items.indicatorId': ind.id });
    expect(cl?.items.find((i) => i.indicatorId === ind.id)?.indicatorVersion).toBe(ind.version);
  });

  it('refuses a quantitative indicator without a rule, and any change by a non-admin', async () => {
    const base = {
      name: '新增指标',
      class: 'key',
      kind: 'quantitative',
      group: '股室职能',
      unit: '个',
      direction: 'higher',
      target: 5,
      rule: null,
      owner: 'S01',
      source: '测试',
    } as const;
    expect(await t.call(admin, 'indicators', 'save', base)).toMatchObject({ code: 'INVALID_INPUT', message: '定量指标需要目标值和计分规则' });
    const cadre = await t.as('M009');
    expect(await t.call(cadre, 'indicators', 'save', { ...base, rule: { type: 'proportional', cap: 100 } })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('the tree and its weights', () => {
  it('decomposes park goals into section indicators that each add up to 100', async () => {
    const tree = data(await t.call(admin, 'indicators', 'tree', {}));
    const goals = tree.nodes.filter((n) => n.level === 'goal');
    expect(goals.reduce((s, g) => s + g.weight, 0)).toBe(100);
    expect(tree.nodes.filter((n) => n.level === 'section' && n.sectionId === 'S03').reduce((s, n) => s + n.weight, 0)).toBe(100);
    expect(tree.problems).toEqual([]);
  });

  it('refuses weights that no longer add up, says where, and writes nothing', async () => {
    const tree = data(await t.call(admin, 'indicators', 'tree', { sectionId: 'S05' }));
    const node = tree.nodes.find((n) => n.level === 'section' && n.sectionId === 'S05');
    if (!node) throw new Error('no node');
    const r = await t.call(admin, 'indicators', 'saveWeights', { changes: [{ nodeId: node.id, weight: node.weight - 5 }] });
    expect(r).toMatchObject({ code: 'INVALID_INPUT', message: `招商服务部 股室指标权重合计 95，应为 100` });
    expect(find<TreeNodeDoc>('treeNodes', { _id: node.id })[0]?.weight).toBe(node.weight);
  });

  it('saves a change that keeps the group at 100, all of it at once', async () => {
    const tree: OutputOf<'indicators', 'tree'> = data(await t.call(admin, 'indicators', 'tree', {}));
    const [a, b] = tree.nodes.filter((n) => n.level === 'goal');
    if (!a || !b) throw new Error('no goals');
    const r = data(
      await t.call(admin, 'indicators', 'saveWeights', {
        changes: [
          { nodeId: a.id, weight: a.weight - 5 },
          { nodeId: b.id, weight: b.weight + 5 },
        ],
      }),
    );
    expect(r.problems).toEqual([]);
    expect(find<TreeNodeDoc>('treeNodes', { _id: a.id })[0]?.weight).toBe(a.weight - 5);
    expect(find<TreeNodeDoc>('treeNodes', { _id: b.id })[0]?.weight).toBe(b.weight + 5);
  });

  // Post nodes once had the post's Chinese name in their id, which saveWeights' input refused as 编号格式不正确.
  it('takes back any node the tree shows, post nodes too', async () => {
    const tree = data(await t.call(admin, 'indicators', 'tree', { sectionId: 'S04' }));
    expect(tree.nodes.filter((n) => !Id.safeParse(n.id).success).map((n) => n.id)).toEqual([]);
    const post = tree.nodes.find((n) => n.level === 'post');
    if (!post) throw new Error('no post node');
    const group = tree.nodes.filter((n) => n.level === 'post' && n.sectionId === post.sectionId && n.post === post.post);
    const [a, b] = group;
    if (!a || !b) throw new Error('a post group of one');
    const r = data(
      await t.call(admin, 'indicators', 'saveWeights', {
        changes: [
          { nodeId: a.id, weight: a.weight + b.weight },
          { nodeId: b.id, weight: 0 },
        ],
      }),
    );
    expect(r.problems).toEqual([]);
    expect(find<TreeNodeDoc>('treeNodes', { _id: a.id })[0]?.weight).toBe(a.weight + b.weight);
  });
});

describe('a cadre’s checklist (个人绩效考核清单)', () => {
  it('shows the cadre their items, with counted progress for the dossier indicators', async () => {
    const [hu] = find<MemberDoc>('members', { name: '胡广初' });
    if (!hu) throw new Error('no 胡广初');
    const cl = data(await t.call(await t.as(hu._id), 'indicators', 'checklist', {}));
    const [d] = find<DossierDoc>('dossiers', { _id: `${q()}_${hu._id}` });
    expect(cl.items.reduce((s, i) => s + i.weight, 0)).toBe(100);
    expect(cl.items.find((i) => i.metric === 'enterprise_visit')?.done).toBe(d?.progress.enterprise_visit);
  });

  it('is visible to the cadre’s own section head, not to another section’s', async () => {
    const [hu] = find<MemberDoc>('members', { name: '胡广初' });
    const [ownHead] = find<MemberDoc>('members', { sectionId: 'S03', roles: 'sectionHead' });
    const [otherHead] = find<MemberDoc>('members', { sectionId: 'S04', roles: 'sectionHead' });
    if (!hu || !ownHead || !otherHead) throw new Error('demo park changed');
    expect((await t.call(await t.as(ownHead._id), 'indicators', 'checklist', { memberId: hu._id })).code).toBe(0);
    expect(await t.call(await t.as(otherHead._id), 'indicators', 'checklist', { memberId: hu._id })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

import { quarterOf } from '../../shared/common/time';
import type { ChecklistDoc } from '../../shared/indicators/checklist';
import type { IndicatorDoc, TreeNodeDoc } from '../../shared/indicators/indicator';
import type { MemberDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
const find = <T>(coll: string, query: object) => t.cloud.store.find(coll, query) as T[];
const one = <T>(coll: string, query: object): T => {
  const [x] = find<T>(coll, query);
  if (!x) throw new Error(`nothing in ${coll}`);
  return x;
};

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

describe('applying for a new indicator (申报)', () => {
  it('goes cadre → section head → admin, and joins the cadre’s checklist with the others scaled to 100', async () => {
    const hu = one<MemberDoc>('members', { name: '胡广初' });
    const head = one<MemberDoc>('members', { sectionId: hu.sectionId, roles: 'sectionHead' });
    const cadre = await t.as(hu._id);
    const app = data(
      await t.call(cadre, 'applications', 'apply', {
        name: '跟踪服务落地企业数',
        reason: '主动跟踪服务已认领的企业项目',
        kind: 'quantitative',
        unit: '家',
        target: 5,
      }),
    );
    expect(app.status).toBe('pending_head');

    // Nobody approves their own; the admin may not skip the section head.
    expect(await t.call(cadre, 'applications', 'review', { applicationId: app.id, decision: 'approve' })).toMatchObject({ code: 'FORBIDDEN' });
    const admin = await t.as('M002');
    expect(await t.call(admin, 'applications', 'review', { applicationId: app.id, decision: 'approve' })).toMatchObject({ code: 'FORBIDDEN' });
    const otherHead = one<MemberDoc>('members', { sectionId: 'S09', roles: 'sectionHead' });
    expect(await t.call(await t.as(otherHead._id), 'applications', 'review', { applicationId: app.id, decision: 'approve' })).toMatchObject({
      code: 'FORBIDDEN',
    });

    const headToken = await t.as(head._id);
    expect(data(await t.call(headToken, 'applications', 'list', { scope: 'review' })).map((a) => a.id)).toContain(app.id);
    expect(data(await t.call(headToken, 'applications', 'review', { applicationId: app.id, decision: 'approve', reason: '同意' })).status).toBe(
      'pending_admin',
    );
    const done = data(await t.call(admin, 'applications', 'review', { applicationId: app.id, decision: 'approve', weight: 10 }));
    expect(done.status).toBe('approved');
    expect(done.history.map((h) => h.action)).toEqual(['apply', 'approve_head', 'approve_admin']);

    const indicator = one<IndicatorDoc>('indicators', { _id: done.indicatorId });
    expect(indicator).toMatchObject({ name: '跟踪服务落地企业数', class: 'personal', target: 5 });
    const cl = one<ChecklistDoc>('checklists', { _id: `${quarterOf(Date.now())}_${hu._id}` });
    expect(cl.items.find((i) => i.indicatorId === done.indicatorId)?.weight).toBe(10);
    expect(cl.items.reduce((s, i) => s + i.weight, 0)).toBe(100);
    const nodes = find<TreeNodeDoc>('treeNodes', { level: 'personal', memberId: hu._id });
    expect(nodes.reduce((s, n) => s + n.weight, 0)).toBe(100);

    // Decided once only.
    expect(await t.call(admin, 'applications', 'review', { applicationId: app.id, decision: 'reject', reason: '重复' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(data(await t.call(cadre, 'applications', 'list', { scope: 'mine' }))[0]?.status).toBe('approved');
  });

  it('needs a reason to reject, and changes nothing without one', async () => {
    const m = one<MemberDoc>('members', { sectionId: 'S05', roles: ['cadre'], bound: true });
    const head = one<MemberDoc>('members', { sectionId: 'S05', roles: 'sectionHead' });
    const app = data(
      await t.call(await t.as(m._id), 'applications', 'apply', {
        name: '政策宣讲场次',
        reason: '新增政策宣讲任务',
        kind: 'quantitative',
        unit: '场',
        target: 3,
      }),
    );
    const headToken = await t.as(head._id);
    expect(await t.call(headToken, 'applications', 'review', { applicationId: app.id, decision: 'reject' })).toMatchObject({
      code: 'INVALID_INPUT',
      message: '驳回请填写理由',
    });
    const rejected = data(await t.call(headToken, 'applications', 'review', { applicationId: app.id, decision: 'reject', reason: '已在股室指标中' }));
    expect(rejected.status).toBe('rejected');
    expect(find<IndicatorDoc>('indicators', { name: '政策宣讲场次' })).toEqual([]);
  });

  it('asks a target of a quantitative indicator', async () => {
    const r = await t.call(await t.as('M009'), 'applications', 'apply', { name: '走访新增企业', reason: '拓展服务范围', kind: 'quantitative' });
    expect(r).toMatchObject({ code: 'INVALID_INPUT', message: '定量指标请填写目标值' });
  });
});

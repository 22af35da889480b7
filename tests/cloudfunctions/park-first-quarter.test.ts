/**
 * A park's first quarter from an empty cloud, through the functions only — nothing the demo seed wrote: the set-up
 * code makes the 组织员; the office's files bring sections, people and enterprises; invites bind their phones; a
 * quarter opens; a cadre records a visit; an enterprise contact files an appeal; the head and the leaders score;
 * the quarter closes with a result for everyone. (tests/e2e/park-setup.test.ts walks the pages.)
 */
import { quarterOf, dayOf } from '../../shared/common/time';
import type { QuarterResultDoc } from '../../shared/assessment/assessment';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { creditCode, uploadImport, xlsx } from '../support/xlsx';

const CODE = 'first-quarter-setup-code-1';
let t: TestCloud;
let admin = '';
const now = Date.now();
const current = quarterOf(now);

beforeAll(async () => {
  t = await startTestCloud({ seed: false, functionEnv: { park: { YARDSTICK_SETUP_CODE: CODE } } });
}, 60_000);
afterAll(() => t.stop());

/** A phone that binds with an invite code the admin issues for `memberId`. */
async function phoneOf(memberId: string): Promise<string> {
  const invite = data(await t.call(admin, 'members', 'issueInvite', { memberId }));
  const phone = await t.newUser();
  data(await t.call(phone.token, 'members', 'bind', { code: invite.code }));
  return phone.token;
}

describe('a park’s first quarter, from an empty cloud', () => {
  it('set-up, the three files, invites, a quarter opened, a visit, an appeal, the scores, the close', async () => {
    admin = (await t.newUser()).token;
    data(await t.call(admin, 'park', 'setup', { code: CODE, parkName: '白鹭洲工业园区', adminName: '周组织', staffNo: 'A1' }));
    const upload = async (kind: 'sections' | 'people' | 'enterprises', rows: string[][]) => {
      let plan = data(await t.call(admin, 'imports', 'preview', { kind, fileId: await uploadImport(t, admin, 'A1', await xlsx(rows)) }));
      expect(plan.problems).toEqual([]);
      while (plan.status !== 'done') plan = data(await t.call(admin, 'imports', 'commit', { planId: plan.planId }));
    };
    await upload('sections', [
      ['股室名称', '编号'],
      ['企业服务中心', 'S1'],
      ['项目推进部', 'S2'],
    ]);
    await upload('people', [
      ['姓名', '工号', '股室', '岗位', '角色'],
      ['周组织', 'A1', '企业服务中心', '组织员', '干部、组织员'],
      ['彭主任', 'L1', '', '管委会主任', '班子成员'],
      ['王股长', 'H1', '企业服务中心', '股室负责人', '股室负责人'],
      ['张敏', 'C1', '企业服务中心', '一级主办', '干部'],
      ['赵股长', 'H2', '项目推进部', '股室负责人', '股室负责人'],
    ]);
    await upload('sections', [
      ['股室名称', '编号', '分管领导'],
      ['企业服务中心', 'S1', 'L1'],
      ['项目推进部', 'S2', 'L1'],
    ]);
    await upload('enterprises', [
      ['企业名称', '统一社会信用代码', '所属行业', '是否规上', '包联干部'],
      ['白鹭洲精密制造有限公司', creditCode(11), '智能装备', '是', 'C1'],
    ]);
    const enterprise = data(await t.call(admin, 'park', 'enterprisesAdmin', {})).items[0];
    if (!enterprise) throw new Error('no enterprise imported');
    const contact = data(await t.call(admin, 'members', 'addContact', { enterpriseId: enterprise.id, name: '李经理', post: '行政经理' }));

    const [leader, head1, cadre, head2, boss] = await Promise.all(['L1', 'H1', 'C1', 'H2', contact.memberId].map(phoneOf));
    const opened = data(await t.call(admin, 'assessment', 'openPeriod', { periodId: current }));
    expect(opened).toMatchObject({ opened: true, checklistsMissing: 0, cadres: 4 });

    const visit = data(
      await t.call(cadre ?? '', 'dossier', 'recordVisit', { enterpriseId: enterprise.id, date: dayOf(now), note: '了解企业用工需求' }),
    );
    expect(visit).toBeTruthy();
    const appeal = data(await t.call(boss ?? '', 'appeals', 'file', { category: 'labour', text: '急需招聘数控操作工十名' }));
    // the appeal goes to the enterprise's liaison cadre, named in the directory file
    expect(t.cloud.store.peek('appeals', appeal.id)).toMatchObject({ assigneeId: 'C1' });

    for (const [by, whom] of [
      [head1, 'C1'],
      [head1, 'A1'],
      [leader, 'H1'],
      [leader, 'H2'],
    ] as const) {
      expect((await t.call(by ?? '', 'assessment', 'evaluateStaff', { memberId: whom, score: 85 })).code).toBe(0);
    }
    for (const s of ['S1', 'S2']) expect((await t.call(leader ?? '', 'assessment', 'evaluateSection', { sectionId: s, score: 90 })).code).toBe(0);
    void head2;
    const closed = data(await t.call(admin, 'assessment', 'close', { periodId: current }));
    expect(closed.status).toBe('closed');
    const results = t.cloud.store.find('quarterResults', { periodId: current }) as unknown as QuarterResultDoc[];
    expect(results.flatMap((r) => r.members.map((m) => m.memberId)).sort()).toEqual(['A1', 'C1', 'H1', 'H2']);
  }, 120_000);
});

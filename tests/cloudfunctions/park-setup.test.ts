/**
 * A park from an empty cloud: the deployer's one-time code makes the first 组织员, once and for ever; then the
 * directory is kept by hand — sections in their order with their overseeing leaders, people, enterprises — each
 * change checked and in the audit trail, nothing deleted that history points to.
 */
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { creditCode } from '../support/xlsx';

const CODE = 'setup-code-for-the-tests-42';
let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ seed: false, functionEnv: { park: { YARDSTICK_SETUP_CODE: CODE } } });
}, 60_000);
afterAll(() => t.stop());

const SETUP = { code: CODE, parkName: '青原工业园区', adminName: '周组织', staffNo: 'A001' };
let admin = '';

describe('first start, with nothing in the store', () => {
  it('the park says it is not set up, to anyone', async () => {
    const { token } = await t.newUser();
    expect(data(await t.call(token, 'park', 'status', {}))).toEqual({ name: null, setUp: false });
  });

  it('a wrong code is refused at the code field, and nothing is written', async () => {
    const { token } = await t.newUser();
    const r = await t.call(token, 'park', 'setup', { ...SETUP, code: 'not-the-code-000000' });
    expect(r).toMatchObject({ code: 'INVALID_INPUT', details: [{ path: 'code', message: '设置码不正确' }] });
    expect(t.cloud.store.count('members')).toBe(0);
    expect(t.cloud.store.count('park')).toBe(0);
  });

  it('the right code makes the caller the first 组织员, bound to their WeChat, in the audit trail', async () => {
    const u = await t.newUser();
    admin = u.token;
    expect(data(await t.call(admin, 'park', 'setup', SETUP))).toEqual({ memberId: 'A001', parkName: '青原工业园区' });
    const me = data(await t.call(admin, 'members', 'me', {}));
    expect(me).toMatchObject({ memberId: 'A001', name: '周组织', roles: ['admin'] });
    expect(data(await t.call(admin, 'park', 'status', {}))).toEqual({ name: '青原工业园区', setUp: true });
    expect(t.cloud.store.find('auditLog')).toEqual([expect.objectContaining({ kind: 'park.setup', actorId: 'A001', seq: 1 })]);
  });

  it('a second set-up is refused for ever, with the right code too, and changes nothing', async () => {
    const { token } = await t.newUser();
    const before = t.cloud.store.count('members');
    const r = await t.call(token, 'park', 'setup', { ...SETUP, adminName: '冒名者', staffNo: 'A002' });
    expect(r).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/园区已有组织员|已完成初始设置/) });
    expect(t.cloud.store.count('members')).toBe(before);
    expect(t.cloud.store.count('auditLog')).toBe(1);
  });
});

describe('the directory by hand', () => {
  let leader = '';
  let s1 = '';
  let s2 = '';
  it('sections are added in order, with their overseeing leader', async () => {
    leader = data(await t.call(admin, 'members', 'savePerson', { name: '彭主任', staffNo: 'L01', roles: ['leader'] })).memberId;
    s1 = data(await t.call(admin, 'park', 'saveSection', { name: '党政办公室', code: 'S01', leaderId: leader })).id;
    s2 = data(await t.call(admin, 'park', 'saveSection', { name: '企业服务中心' })).id;
    expect(s1).toBe('S01');
    const list = data(await t.call(admin, 'park', 'sectionsAdmin', {}));
    expect(list.items.map((s) => [s.name, s.order, s.leaderName])).toEqual([
      ['党政办公室', 1, '彭主任'],
      ['企业服务中心', 2, null],
    ]);
    expect(list.settings.headScoring).toBe('overseeing');
  });

  it('a second section of the same name, or a leader who is not one, is refused', async () => {
    expect(await t.call(admin, 'park', 'saveSection', { name: '党政办公室' })).toMatchObject({ code: 'CONFLICT', details: [{ path: 'name' }] });
    expect(await t.call(admin, 'park', 'saveSection', { name: '招商部', leaderId: 'A001' })).toMatchObject({
      code: 'INVALID_INPUT',
      details: [{ path: 'leaderId' }],
    });
  });

  it('the order is the admin’s: all sections listed once, or refused', async () => {
    expect(data(await t.call(admin, 'park', 'orderSections', { ids: [s2, s1] }))).toEqual({ count: 2 });
    expect(data(await t.call(admin, 'park', 'sections', {})).map((s) => s.id)).toEqual([s2, s1]);
    expect(await t.call(admin, 'park', 'orderSections', { ids: [s2] })).toMatchObject({ code: 'CONFLICT' });
  });

  it('a cadre needs a section; a section gets one head; 工号 are unique', async () => {
    expect(await t.call(admin, 'members', 'savePerson', { name: '无股室', roles: ['cadre'] })).toMatchObject({
      code: 'INVALID_INPUT',
      details: [{ path: 'sectionId' }],
    });
    const head = data(await t.call(admin, 'members', 'savePerson', { name: '王股长', staffNo: 'M010', roles: ['sectionHead'], sectionId: s2 }));
    expect(head.roles).toEqual(['cadre', 'sectionHead']);
    expect(await t.call(admin, 'members', 'savePerson', { name: '李股长', roles: ['sectionHead'], sectionId: s2 })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/该股室已有负责人王股长/),
    });
    expect(await t.call(admin, 'members', 'savePerson', { name: '重号人', staffNo: 'M010', roles: ['cadre'], sectionId: s2 })).toMatchObject({
      code: 'CONFLICT',
      details: [{ path: 'staffNo' }],
    });
  });

  it('an edit corrects a record; a move or a new role is not an edit', async () => {
    const c = data(
      await t.call(admin, 'members', 'savePerson', { name: '张敏', staffNo: 'M011', roles: ['cadre'], sectionId: s2, post: '一级主办' }),
    );
    expect(data(await t.call(admin, 'members', 'savePerson', { memberId: c.memberId, name: '张敏', staffNo: 'M011', post: '二级主办' })).post).toBe(
      '二级主办',
    );
    expect(await t.call(admin, 'members', 'savePerson', { memberId: c.memberId, name: '张敏', sectionId: s1 })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/人员变动/),
    });
  });

  it('a section with people in it is not retired; an empty one is, with a reason, and comes back', async () => {
    expect(await t.call(admin, 'park', 'retireSection', { id: s2, reason: '机构调整' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/还有2人/),
    });
    const empty = data(await t.call(admin, 'park', 'saveSection', { name: '临时专班' })).id;
    expect(data(await t.call(admin, 'park', 'retireSection', { id: empty, reason: '专班任务完成' })).active).toBe(false);
    // a retired section is history: no picker offers it, the admin's list still has it
    expect(data(await t.call(admin, 'park', 'sections', {})).map((s) => s.id)).not.toContain(empty);
    expect(data(await t.call(admin, 'park', 'retireSection', { id: empty, reason: '恢复', restore: true })).active).toBe(true);
  });

  it('an enterprise needs a valid credit code, unique in the park; retiring keeps it for its history', async () => {
    const wrong = `${creditCode(7).slice(0, 17)}${creditCode(7).endsWith('1') ? '2' : '1'}`;
    const bad = await t.call(admin, 'park', 'saveEnterprise', {
      name: '吉安恒达电气有限公司',
      creditCode: wrong,
      industry: '电气机械',
      aboveScale: true,
    });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', details: [{ path: 'creditCode', message: '统一社会信用代码校验位不符，请核对是否抄错' }] });
    const e = data(
      await t.call(admin, 'park', 'saveEnterprise', {
        name: '吉安恒达电气有限公司',
        creditCode: creditCode(7).toLowerCase(),
        industry: '电气机械',
        aboveScale: true,
      }),
    );
    expect(e.creditCode).toBe(creditCode(7));
    expect(
      await t.call(admin, 'park', 'saveEnterprise', { name: '另一家有限公司', creditCode: creditCode(7), industry: '轻工', aboveScale: false }),
    ).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/已属于“吉安恒达电气有限公司”/),
    });
    data(await t.call(admin, 'park', 'retireEnterprise', { id: e.id, reason: '企业迁出园区' }));
    const search = data(await t.call(admin, 'park', 'searchEnterprises', { q: '恒达' }));
    expect(search.items).toEqual([]);
    expect(data(await t.call(admin, 'park', 'enterprisesAdmin', { q: '恒达', retired: true })).items.map((x) => x.name)).toEqual([
      '吉安恒达电气有限公司',
    ]);
  });

  it('the park’s name and who scores section heads are the admin’s settings', async () => {
    expect(data(await t.call(admin, 'park', 'saveSettings', { parkName: '青原区工业园区', headScoring: 'anyLeader' }))).toEqual({
      parkName: '青原区工业园区',
      settings: { headScoring: 'anyLeader', noGrade: { probation: true, leave: true, investigation: true } },
    });
    expect(data(await t.call(admin, 'park', 'status', {})).name).toBe('青原区工业园区');
  });
});

describe('people leave, lose a phone, sign out', () => {
  it('the last 组织员 cannot leave; a leader who oversees sections cannot either', async () => {
    const me = data(await t.call(admin, 'members', 'me', {}));
    expect(await t.call(admin, 'members', 'leave', { memberId: me.memberId, on: '2026-12-01', reason: '调离' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/唯一的组织员/),
    });
    const leader = data(await t.call(admin, 'members', 'people', { q: '彭主任' })).items[0];
    expect(await t.call(admin, 'members', 'leave', { memberId: leader?.memberId ?? '', on: '2026-12-01', reason: '调离' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/仍分管党政办公室/),
    });
  });

  it('someone who leaves is unbound, their invite stops working, and they stay on the list of those who left', async () => {
    const person = data(await t.call(admin, 'members', 'savePerson', { name: '钱七', roles: ['cadre'], sectionId: 'S01' }));
    const invite = data(await t.call(admin, 'members', 'issueInvite', { memberId: person.memberId }));
    const phone = await t.newUser();
    data(await t.call(phone.token, 'members', 'bind', { code: invite.code }));
    const left = data(await t.call(admin, 'members', 'leave', { memberId: person.memberId, on: '2026-12-05', reason: '调往市直单位' }));
    expect(left).toMatchObject({ active: false, bound: false, leftOn: '2026-12-05', leftReason: '调往市直单位' });
    expect(await t.call(phone.token, 'members', 'me', {})).toMatchObject({ code: 'UNBOUND' });
    expect(data(await t.call(admin, 'members', 'people', { left: true })).items.map((p) => p.name)).toContain('钱七');
    expect(data(await t.call(admin, 'members', 'people', {})).items.map((p) => p.name)).not.toContain('钱七');
  });

  it('a lost phone: the admin unbinds it, a new invite binds the new one; a person can sign themself out', async () => {
    const person = data(await t.call(admin, 'members', 'savePerson', { name: '孙八', roles: ['cadre'], sectionId: 'S01' }));
    const first = await t.newUser();
    data(
      await t.call(first.token, 'members', 'bind', { code: data(await t.call(admin, 'members', 'issueInvite', { memberId: person.memberId })).code }),
    );
    expect(data(await t.call(admin, 'members', 'unbind', { memberId: person.memberId, reason: '手机遗失' })).bound).toBe(false);
    expect(await t.call(first.token, 'members', 'me', {})).toMatchObject({ code: 'UNBOUND' });
    const second = await t.newUser();
    data(
      await t.call(second.token, 'members', 'bind', {
        code: data(await t.call(admin, 'members', 'issueInvite', { memberId: person.memberId })).code,
      }),
    );
    expect(data(await t.call(second.token, 'members', 'signOut', {}))).toEqual({ done: true });
    expect(await t.call(second.token, 'members', 'me', {})).toMatchObject({ code: 'UNBOUND' });
    const kinds = (t.cloud.store.find('auditLog') as { kind: string }[]).map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['members.leave', 'members.unbind', 'park.section', 'park.enterprise', 'members.person', 'park.settings']),
    );
  });
});

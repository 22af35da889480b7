/**
 * A park of its own, in a real browser: the admin opens 园区名录 from their home, adds a section with its 分管领导 and
 * moves it up, is told why a section with people cannot be retired, adds a person to the new section and issues
 * their invite, adds an enterprise (a wrong check character of the credit code is said on the device, nothing
 * sent), imports two cadres from an xlsx made here (a file that is not one refused on the device), and a cadre
 * signs out. Then, on a park not set up yet, the deployer's code makes its giver the first 组织员. Screenshots in
 * artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import type { BindingDoc, MemberDoc } from '../../shared/members/member';
import { creditCheckChar } from '../../shared/park/credit-code';
import type { EnterpriseDoc, ParkDoc, SectionDoc } from '../../shared/park/park';
import { expectText, phone, pickOption, shot, signInAs, browserSuite, eventually } from '../support/browser';
import { startTestCloud, type TestCloud } from '../support/cloud';
import { xlsx } from '../support/xlsx';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

const find = <T>(coll: string, query: object = {}) => t.cloud.store.find(coll, query) as T[];

/** A valid 统一社会信用代码 (GB 32100-2015): 91 360802 and an organisation code, then its check character. */
function validCreditCode(org: string): string {
  const first17 = `91360802${org}`;
  return `${first17}${creditCheckChar(first17) ?? ''}`;
}

/** The same code with another check character: the device must say so. */
function wrongCheck(code: string): string {
  const last = code.slice(-1);
  return `${code.slice(0, -1)}${last === '1' ? '2' : '1'}`;
}

const SECTION = '数字经济服务部';
const PERSON = '周明远';
const ENTERPRISE = '江西恒远新材料有限公司';

describe('the admin keeps the park’s directory', () => {
  let admin: Page;

  it('opens 园区名录 from the home and adds a section with its 分管领导, then moves it up', async () => {
    const [leader] = find<MemberDoc>('members', { _id: 'M004' });
    if (!leader?.roles.includes('leader')) throw new Error('demo park lacks the leader M004');
    admin = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#directory-entry');
    // the narrowest phone the pages are made for: rows, labels and buttons are looked at this wide
    await admin.setViewportSize({ width: 360, height: 780 });
    await admin.reload();
    await admin.locator('#directory-entry').waitFor({ timeout: 15_000 });
    await admin.locator('#directory-entry').click();
    await admin.locator('#directory-page').waitFor();
    await expectText(admin.locator('#directory-park'), '吉州工业园区');
    await shot(admin, 'park-setup-01-directory');

    await admin.locator('#directory-sections').click();
    await expectText(admin.locator('#sections-list'), '企业服务中心');
    await admin.locator('#sections-add').click();
    await admin.locator('#section-save').click();
    await expectText(admin.locator('#section-name-error'), '股室名称');
    await admin.locator('#section-name input').fill(SECTION);
    await admin.locator('#section-code input').fill('S13');
    await expectText(admin.locator('#section-leader-value'), '暂不指定');
    await pickOption(admin, '#section-leader', leader.name);
    await expectText(admin.locator('#section-leader-value'), leader.name);
    await shot(admin, 'park-setup-02-section-form');
    await admin.locator('#section-save').click();
    await expectText(admin.locator('#section-S13'), SECTION);
    const [stored] = find<SectionDoc>('sections', { name: SECTION });
    expect(stored).toMatchObject({ _id: 'S13', code: 'S13', leaderId: 'M004', active: true });

    // 调整顺序: one place up, the whole order sent
    const before = stored?.order ?? 0;
    await admin.locator('#sections-order').click();
    await admin.locator('#section-S13-up').click();
    await eventually(() => (find<SectionDoc>('sections', { _id: 'S13' })[0]?.order ?? 0) < before);
    await shot(admin, 'park-setup-03-sections-order');
    await admin.locator('#sections-order').click();

    // a section with people in it is not retired: the server says who is still there
    await admin.locator('#section-S06').click();
    await admin.locator('#section-retire-reason textarea').fill('机构改革，职能并入营商环境办');
    await admin.locator('#section-retire-submit').click();
    await expectText(admin.locator('#section-retire-error'), '请先办理调动');
    expect(find<SectionDoc>('sections', { _id: 'S06' })[0]?.active).not.toBe(false);
    await admin.locator('#section-cancel').click();
    await admin.locator('#sections-back').click();
    await admin.locator('#directory-page').waitFor();
  }, 120_000);

  it('adds a person to the new section and issues their invite', async () => {
    await admin.locator('#directory-people').click();
    await admin.locator('#people-list').waitFor();
    await admin.locator('#people-add').click();
    await admin.locator('#new-name input').fill(PERSON);
    await admin.locator('#new-staffno input').fill('M901');
    await admin.locator('#new-post input').fill('二级主办');
    await pickOption(admin, '#new-section', SECTION);
    await expectText(admin.locator('#new-section-value'), SECTION);
    await shot(admin, 'park-setup-04-new-person');
    await admin.locator('#new-submit').click();

    await expectText(admin.locator('#person-title'), PERSON);
    const [person] = find<MemberDoc>('members', { name: PERSON });
    expect(person).toMatchObject({ _id: 'M901', staffNo: 'M901', sectionId: 'S13', roles: ['cadre'], post: '二级主办', bound: false, active: true });
    await admin.locator('#person-invite').click();
    const code = (await admin.locator('#person-invite-code').innerText({ timeout: 15_000 })).trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await shot(admin, 'park-setup-05-person-invite');

    // found again by 工号 in the list
    await admin.locator('#person-back').click();
    await admin.locator('#people-search input').fill('M901');
    await expectText(admin.locator('#person-M901'), PERSON);
    await expectText(admin.locator('#person-M901-bound'), '未绑定');
    await admin.locator('#people-back').click();
    await admin.locator('#directory-page').waitFor();
  }, 120_000);

  it('adds an enterprise: a wrong check character is said on the device, a valid code is saved', async () => {
    const good = validCreditCode('MA35K7UE2');
    const bad = wrongCheck(good);
    await admin.locator('#directory-enterprises').click();
    await admin.locator('#enterprises-list').waitFor();
    await admin.locator('#enterprises-add').click();
    await admin.locator('#enterprise-name input').fill(ENTERPRISE);
    await admin.locator('#enterprise-industry input').fill('新材料');
    await admin.locator('#enterprise-credit input').fill(bad);
    await expectText(admin.locator('#enterprise-credit-error'), '校验位');
    await admin.locator('#enterprise-save').click();
    await shot(admin, 'park-setup-06-credit-wrong');
    await admin.waitForTimeout(500);
    expect(find<EnterpriseDoc>('enterprises', { name: ENTERPRISE })).toHaveLength(0);

    await admin.locator('#enterprise-credit input').fill(good.toLowerCase());
    await expect(admin.locator('#enterprise-credit-error').count()).resolves.toBe(0);
    await admin.locator('#enterprise-above').click();
    await admin.locator('#enterprise-liaison-search input').fill(PERSON);
    await admin.locator('#enterprise-liaison-M901').click();
    await expectText(admin.locator('#enterprise-liaison-chosen'), PERSON);
    await admin.locator('#enterprise-save').click();
    await admin.locator('#enterprises-page').waitFor({ state: 'visible' });
    await eventually(() => find<EnterpriseDoc>('enterprises', { name: ENTERPRISE }).length === 1);
    const [e] = find<EnterpriseDoc>('enterprises', { name: ENTERPRISE });
    expect(e).toMatchObject({ creditCode: good, industry: '新材料', aboveScale: true, liaisonId: 'M901' });
    await admin.locator('#enterprises-search input').fill(good.slice(0, 12));
    await expectText(admin.locator('#enterprises-list'), ENTERPRISE);
    await admin.locator('#enterprises-back').click();
    await admin.locator('#directory-page').waitFor();
  }, 120_000);

  it('imports two cadres from an xlsx: refused on the device when not one, previewed, confirmed, done', async () => {
    await admin.locator('#directory-imports').click();
    await admin.locator('#import-kind-people').click();
    await admin.locator('#import-file').waitFor({ state: 'attached' });

    await admin.locator('#import-file').setInputFiles({ name: '花名册.txt', mimeType: 'text/plain', buffer: Buffer.from('姓名,工号') });
    await expectText(admin.locator('#import-error'), '.xlsx');

    const file = await xlsx([
      ['姓名', '工号', '股室', '岗位', '角色'],
      ['钱立群', 'M902', '企业服务中心', '一级主办', '干部'],
      ['孙若兰', 'M903', '企业服务中心', '四级主任科员', '干部'],
    ]);
    await admin.locator('#import-file').setInputFiles({
      name: '人员花名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: file,
    });
    await expectText(admin.locator('#import-summary'), '读取 2 行');
    await expectText(admin.locator('#import-summary'), '新增 2');
    await expectText(admin.locator('#import-changes'), '钱立群');
    expect(await admin.locator('#import-problems').count()).toBe(0);
    expect(find<MemberDoc>('members', { staffNo: 'M902' })).toHaveLength(0);
    await shot(admin, 'park-setup-07-import-preview');

    await admin.locator('#import-confirm').click();
    await expectText(admin.locator('#import-done'), '新增 2');
    await shot(admin, 'park-setup-08-import-done');
    for (const [staffNo, name] of [
      ['M902', '钱立群'],
      ['M903', '孙若兰'],
    ]) {
      const [m] = find<MemberDoc>('members', { staffNo });
      expect(m).toMatchObject({ name, sectionId: 'S06', roles: ['cadre'], active: true });
    }
  }, 120_000);

  it('shows the problems of a file by row and column, and nothing to confirm', async () => {
    const file = await xlsx([
      ['姓名', '工号', '股室', '岗位', '角色'],
      ['吴', 'M904', '企业服务中心', '', '干部'],
      ['郑海峰', 'M905', '不存在的股室', '', '干部'],
    ]);
    await admin.locator('#import-file').setInputFiles({ name: 'bad.xlsx', mimeType: 'application/octet-stream', buffer: file });
    await admin.locator('#import-problems').waitFor({ timeout: 15_000 });
    await expectText(admin.locator('#import-problem-0'), /^第\d+行 /);
    expect(await admin.locator('#import-confirm').count()).toBe(0);
    await shot(admin, 'park-setup-09-import-problems');
    await admin.locator('#imports-back').click();
    await admin.locator('#directory-page').waitFor();
  }, 60_000);

  it('moves an imported cadre to the new section from today, with the reason (人员变动)', async () => {
    await admin.locator('#directory-people').click();
    await admin.locator('#people-search input').fill('M902');
    await admin.locator('#person-M902').click();
    await admin.locator('#person-change-submit').click();
    await expectText(admin.locator('#person-change-error'), /理由|原因|至少2个字/);
    const [s13] = find<SectionDoc>('sections', { name: SECTION });
    await pickOption(admin, '#person-change-section', SECTION);
    await admin.locator('#person-change-reason textarea').fill('工作需要，调往新设股室');
    await admin.locator('#person-change-submit').click();
    await expectText(admin.locator('#person-desc'), SECTION);
    expect(find<MemberDoc>('members', { _id: 'M902' })[0]?.sectionId).toBe(s13?._id);
    expect(find('memberChanges', { memberId: 'M902' })).toHaveLength(1);
    await shot(admin, 'park-setup-09b-changed');
    await admin.locator('#person-back').click();
    await admin.locator('#people-back').click();
    await admin.locator('#directory-page').waitFor();
  }, 60_000);

  it('records that an imported cadre left, unbinds a lost phone, and lists those who left', async () => {
    const [bound] = find<MemberDoc>('members', { _id: 'M010' });
    if (!bound?.bound || !bound.roles.includes('cadre')) throw new Error('demo park lacks the bound cadre M010');
    await admin.locator('#directory-people').click();
    await admin.locator('#people-search input').fill('M903');
    await admin.locator('#person-M903').click();
    await admin.locator('#person-leave-reason textarea').fill('调往市商务局');
    await admin.locator('#person-leave-submit').click();
    await admin.locator('.taro-model__confirm').click();
    await admin.locator('#person-left').waitFor({ timeout: 15_000 });
    expect(find<MemberDoc>('members', { _id: 'M903' })[0]).toMatchObject({ active: false, leftReason: '调往市商务局' });
    await admin.locator('#person-back').click();
    await admin.locator('#people-left').click();
    await expectText(admin.locator('#person-M903'), '离开');

    await admin.locator('#people-active').click();
    await admin.locator('#people-search input').fill('M010');
    await admin.locator('#person-M010').click();
    await expectText(admin.locator('#person-bound'), '已绑定微信');
    await admin.locator('#person-unbind-submit').click();
    await expectText(admin.locator('#person-unbind-error'), '至少2个字');
    await admin.locator('#person-unbind-reason textarea').fill('手机丢失，换用新微信号');
    await admin.locator('#person-unbind-submit').click();
    await expectText(admin.locator('#person-bound'), '未绑定');
    await admin.locator('#person-invite').waitFor();
    expect(find<MemberDoc>('members', { _id: 'M010' })[0]?.bound).toBe(false);
    expect(find<BindingDoc>('bindings', { memberId: 'M010' })).toHaveLength(0);
    await shot(admin, 'park-setup-10-unbound');
    await admin.locator('#person-back').click();
    await admin.locator('#people-back').click();
    await admin.locator('#directory-page').waitFor();
  }, 120_000);

  it('sets who scores the section heads in 园区设置', async () => {
    await admin.locator('#directory-settings').click();
    await expect(admin.locator('#settings-park input').inputValue({ timeout: 15_000 })).resolves.toBe('吉州工业园区');
    await admin.locator('#settings-head-anyLeader').click();
    await admin.locator('#settings-save').click();
    await eventually(() => find<ParkDoc>('park')[0]?.settings?.headScoring === 'anyLeader');
    await shot(admin, 'park-setup-11-settings');
  }, 60_000);

  it('a cadre signs out from their home: asked first, then unbound and back at the start', async () => {
    const cadre = await signInAs(browser, t.cloud.url, demoOpenid('M009'), '#sign-out');
    expect(find<BindingDoc>('bindings', { _id: demoOpenid('M009') })).toHaveLength(1);
    await cadre.locator('#sign-out').click();
    await cadre.locator('.taro-model__confirm').click();
    await cadre.locator('#login-page').waitFor({ timeout: 15_000 });
    expect(find<BindingDoc>('bindings', { _id: demoOpenid('M009') })).toHaveLength(0);
    expect(find<MemberDoc>('members', { _id: 'M009' })[0]?.bound).toBe(false);
  }, 60_000);
});

describe('a park not set up yet', () => {
  const CODE = 'e2e-setup-code-0123456789';
  let fresh: TestCloud;
  beforeAll(async () => {
    fresh = await startTestCloud({ seed: false, h5: true, functionEnv: { park: { YARDSTICK_SETUP_CODE: CODE } } });
  }, 60_000);
  afterAll(() => fresh?.stop());

  it('makes whoever gives the deployer’s code its first 组织员', async () => {
    const page = await phone(browser);
    // the address npm run start:empty prints; on the demo the new WeChat user is chosen first, the code kept
    await page.goto(`${fresh.cloud.url}/#/pages/bind/index?setup=${CODE}`);
    await page.locator('#login-new-user').click();
    await page.locator('#setup').waitFor({ timeout: 15_000 });
    expect(await page.locator('#setup-code input').inputValue()).toBe(CODE);

    await page.locator('#setup-code input').fill('not-the-code-000000');
    await page.locator('#setup-park input').fill('测试工业园区');
    await page.locator('#setup-name input').fill('王建设');
    await page.locator('#setup-submit').click();
    await expectText(page.locator('#setup-code-error'), '设置码不正确');
    expect(fresh.cloud.store.count('members')).toBe(0);
    await shot(page, 'park-setup-12-first-setup');

    await page.locator('#setup-code input').fill(CODE);
    await page.locator('#setup-submit').click();
    await page.locator('#directory-entry').waitFor({ timeout: 15_000 });
    const [admin] = fresh.cloud.store.find('members', {}) as MemberDoc[];
    expect(admin).toMatchObject({ name: '王建设', roles: ['admin'], bound: true });
    await page.locator('#directory-entry').click();
    await expectText(page.locator('#directory-park'), '测试工业园区');
  }, 120_000);
});

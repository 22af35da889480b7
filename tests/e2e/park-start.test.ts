/**
 * How a park starts, walked in Chromium on the H5 build from an empty local cloud (what `npm run start:empty`
 * serves): the deployer's set-up code makes the first 组织员; the sections and the office's three files (花名册,
 * 企业名录, 重点项目台账) are imported; invites bind
 * the phones of a leader, a section head, a cadre and an enterprise's contact; the quarter is opened; the cadre
 * records a visit; the contact files an appeal; the head and the leader score; the 组织员 closes the quarter.
 * Nothing here stands on the demo park.
 */
import type { Browser, Page } from 'playwright-core';
import type { QuarterResultDoc } from '../../shared/assessment/assessment';
import { quarterOf } from '../../shared/common/time';
import type { BindingDoc, MemberDoc } from '../../shared/members/member';
import type { EnterpriseDoc } from '../../shared/park/park';
import { expectText, launch, phone, shot } from '../support/browser';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { creditCode, xlsx } from '../support/xlsx';

const CODE = 'park-start-setup-code-2026';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let t: TestCloud;
let browser: Browser;
let admin: Page;
const current = quarterOf(Date.now());

beforeAll(async () => {
  t = await startTestCloud({ seed: false, h5: true, functionEnv: { park: { YARDSTICK_SETUP_CODE: CODE } } });
  browser = await launch();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const find = <T>(coll: string, query: object = {}) => t.cloud.store.find(coll, query) as unknown as T[];

/** A new WeChat user opens the app and binds with an invite code; returns their page at home. */
async function bindPhone(code: string, home: string): Promise<Page> {
  const page = await phone(browser);
  await page.goto(`${t.cloud.url}/`);
  await page.locator('#login-new-user').click();
  await page.locator('#bind-code input').fill(code);
  await page.locator('#bind-submit').click();
  await page.locator(home).waitFor({ timeout: 15_000 });
  return page;
}

/** The session of someone who bound on their phone (the H5 sign-in's stand-in for their WeChat identity). */
async function sessionOf(memberId: string): Promise<string> {
  const [b] = find<BindingDoc>('bindings', { memberId });
  if (!b) throw new Error(`${memberId} is not bound`);
  return t.login(b._id);
}

describe('a park from an empty cloud to its first closed quarter', () => {
  it('the deployer’s code makes the first 组织员', async () => {
    admin = await phone(browser);
    await admin.goto(`${t.cloud.url}/#/pages/bind/index?setup=${CODE}`);
    await admin.locator('#login-new-user').click();
    await admin.locator('#setup').waitFor({ timeout: 15_000 });
    await admin.locator('#setup-park input').fill('白鹭洲工业园区');
    await admin.locator('#setup-name input').fill('周组织');
    await admin.locator('#setup-staffno input').fill('A1');
    await admin.locator('#setup-submit').click();
    await admin.locator('#directory-entry').waitFor({ timeout: 15_000 });
    expect(find<MemberDoc>('members')).toEqual([expect.objectContaining({ _id: 'A1', roles: ['admin'], bound: true })]);
  }, 60_000);

  it('imports the sections and the office’s three files, each previewed and confirmed', async () => {
    await admin.locator('#directory-entry').click();
    await admin.locator('#directory-imports').click();
    const files: [string, (string | number)[][], number][] = [
      [
        'sections',
        [
          ['股室名称', '编号'],
          ['企业服务中心', 'S1'],
          ['项目推进部', 'S2'],
        ],
        2,
      ],
      [
        'people',
        [
          ['姓名', '工号', '股室', '岗位', '角色'],
          ['周组织', 'A1', '企业服务中心', '组织员', '干部、组织员'],
          ['彭主任', 'L1', '', '管委会主任', '班子成员'],
          ['王股长', 'H1', '企业服务中心', '股室负责人', '股室负责人'],
          ['张敏', 'C1', '企业服务中心', '一级主办', '干部'],
          ['赵股长', 'H2', '项目推进部', '股室负责人', '股室负责人'],
        ],
        5,
      ],
      [
        'enterprises',
        [
          ['企业名称', '统一社会信用代码', '所属行业', '是否规上', '包联干部'],
          ['白鹭洲精密制造有限公司', creditCode(11), '智能装备', '是', 'C1'],
          ['白鹭洲新材料有限公司', creditCode(12), '新材料', '否', 'C1'],
        ],
        2,
      ],
      [
        'projects',
        [
          ['项目名称', '项目编号', '所属企业', '责任干部', '签约计划日期', '签约完成日期', '投产计划日期'],
          ['精密制造二期扩产项目', 'P1', creditCode(11), 'C1', '2026-03-01', '2026-03-05', '2028-06-30'],
        ],
        1,
      ],
    ];
    for (const [kind, rows, n] of files) {
      await admin.locator(`#import-kind-${kind}`).click();
      await admin.locator('#import-file').waitFor({ state: 'attached' });
      await admin.locator('#import-file').setInputFiles({ name: `${kind}.xlsx`, mimeType: XLSX, buffer: await xlsx(rows) });
      await expectText(admin.locator('#import-summary'), `读取 ${n} 行`);
      await admin.locator('#import-confirm').click();
      await admin.locator('#import-done').waitFor({ timeout: 30_000 });
    }
    await shot(admin, 'park-start-01-imported');
    expect(find('sections')).toHaveLength(2);
    expect(find('members')).toHaveLength(5);
    expect(find<EnterpriseDoc>('enterprises').map((e) => e.liaisonId)).toEqual(['C1', 'C1']);
    // the project's owner claims it from the import on: its signing, before that, counts for nobody
    expect(find('projects', { code: 'P1' })).toEqual([expect.objectContaining({ name: '精密制造二期扩产项目', active: true })]);
    expect(find('claims')).toEqual([expect.objectContaining({ memberId: 'C1', sectionId: 'S1' })]);
  }, 120_000);

  let cadre: Page;
  let contact: Page;
  it('invites bind the phones of the leader, the heads, the cadre and an enterprise’s contact', async () => {
    const codes = new Map<string, string>();
    await admin.locator('#imports-back').click();
    await admin.locator('#directory-people').click();
    for (const id of ['L1', 'H1', 'H2', 'C1']) {
      await admin.locator('#people-search input').fill(id);
      await admin.locator(`#person-${id}`).click();
      await admin.locator('#person-invite').click();
      codes.set(id, (await admin.locator('#person-invite-code').innerText({ timeout: 15_000 })).trim());
      await admin.locator('#person-back').click();
    }
    await bindPhone(codes.get('L1') ?? '', '#sign-out');
    await bindPhone(codes.get('H1') ?? '', '#sign-out');
    await bindPhone(codes.get('H2') ?? '', '#sign-out');
    cadre = await bindPhone(codes.get('C1') ?? '', '#record-visit');

    await admin.goto(`${t.cloud.url}/`);
    await admin.locator('#contact-add').click();
    const [e] = find<EnterpriseDoc>('enterprises', { name: '白鹭洲精密制造有限公司' });
    if (!e) throw new Error('not imported');
    await admin.locator('#contact-enterprise-search input').fill('白鹭洲精密');
    await admin.locator(`#contact-enterprise-${e._id}`).click();
    await admin.locator('#contact-name input').fill('李经理');
    await admin.locator('#contact-post input').fill('行政经理');
    await admin.locator('#contact-submit').click();
    const code = (await admin.locator('#invite-code').innerText({ timeout: 15_000 })).trim();
    contact = await bindPhone(code, '#enterprise-file');
    expect(find<MemberDoc>('members', { bound: true })).toHaveLength(6);
  }, 120_000);

  it('the quarter is opened, the cadre records a visit, the contact files an appeal', async () => {
    await admin.goto(`${t.cloud.url}/#/assessment/period/index`);
    await admin.locator('#period-open').click();
    await admin.locator('#period-close').waitFor({ timeout: 15_000 });
    expect(find('checklists', { periodId: current })).toHaveLength(4);

    const [e] = find<EnterpriseDoc>('enterprises', { name: '白鹭洲精密制造有限公司' });
    await cadre.locator('#record-visit').click();
    await cadre.locator('#record-enterprise-search input').fill('白鹭洲精密');
    await cadre.locator(`#record-enterprise-${e?._id ?? ''}`).click();
    await cadre.locator('#record-note textarea').fill('了解企业扩产用工需求');
    await cadre.locator('#record-submit').click();
    await cadre.locator('#visit-code-text').waitFor({ timeout: 15_000 });
    await shot(cadre, 'park-start-02-visit');

    await contact.locator('#enterprise-file').click();
    await contact.locator('#file-category-labour').click();
    await contact.locator('#file-text textarea').fill('扩产急需招聘数控操作工十名');
    await contact.locator('#file-submit').click();
    await expectText(contact.locator('#appeal-status'), '待受理');
    // the appeal went to the enterprise's liaison cadre, as the directory file named
    expect(find('appeals')).toEqual([expect.objectContaining({ assigneeId: 'C1' })]);
  }, 120_000);

  it('the head and the leader score; the 组织员 closes the quarter, with a result for everyone', async () => {
    const [head, head2, leader] = await Promise.all(['H1', 'H2', 'L1'].map(sessionOf));
    for (const [by, whom] of [
      [head, 'C1'],
      [head, 'A1'],
      [leader, 'H1'],
      [leader, 'H2'],
    ] as const) {
      data(await t.call(by ?? '', 'assessment', 'evaluateStaff', { memberId: whom, score: 86 }));
    }
    for (const s of ['S1', 'S2']) data(await t.call(leader ?? '', 'assessment', 'evaluateSection', { sectionId: s, score: 90 }));
    void head2;
    await admin.goto(`${t.cloud.url}/#/assessment/period/index`);
    await admin.locator('#period-close').click();
    await admin.locator('.taro-model__confirm').click();
    await expectText(admin.locator('#period-status'), '已结束');
    await shot(admin, 'park-start-03-closed');
    const results = find<QuarterResultDoc>('quarterResults', { periodId: current });
    expect(results.flatMap((r) => r.members.map((m) => m.memberId)).sort()).toEqual(['A1', 'C1', 'H1', 'H2']);
  }, 120_000);
});

/**
 * Enterprise appeals (企业诉求) in a real browser, on the H5 build served by a local cloud running the real cloud
 * functions: an enterprise contact files an appeal; their liaison cadre (包联干部) finds it in 企业诉求, accepts it,
 * reports progress and resolves it; the contact confirms it — the cadre's dossier counts one more appeal resolved —
 * and rates it 非常不满意, which opens the follow-up the cadre is then asked to record. A bad rating the cadre
 * contests (申诉差评) goes to the admin, whose decision (裁定) the cadre then reads; an appeal the admin reassigns
 * with the section-and-cadre picker lands in the new assignee's inbox. Screenshots in artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import type { AppealDoc } from '../../shared/appeals/appeal';
import { quarterOf } from '../../shared/common/time';
import { dossierId, type DossierDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../../shared/park/park';
import { expectText, pickOption, shot, signInAs, browserSuite } from '../support/browser';
import { data, type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

const find = async <T>(coll: string, q: object) => (await t.cloud.store.find(coll, q)) as T[];

const signIn = (memberId: string) => signInAs(browser, t.cloud.url, demoOpenid(memberId));

/** Load more of the list until the appeal's row shows, then open it. */
async function openRow(page: Page, appealId: string): Promise<void> {
  const row = page.locator(`#appeal-${appealId}`);
  await page.locator('#appeals-list').waitFor({ timeout: 15_000 });
  for (let i = 0; i < 20 && !(await row.isVisible()); i += 1) {
    await page.locator('#list-more').click();
    await page.waitForTimeout(300);
  }
  await row.click();
  await page.locator('#appeal-status').waitFor({ timeout: 15_000 });
}

async function liaisonOf(enterpriseId: string): Promise<string> {
  const [enterprise] = await find<EnterpriseDoc>('enterprises', { _id: enterpriseId });
  if (!enterprise?.liaisonId) throw new Error(`demo data lacks ${enterpriseId}’s liaison`);
  return enterprise.liaisonId;
}

/** An action that needs a note: its button, the note, 确认. */
async function withNote(page: Page, act: string, note: string): Promise<void> {
  await page.locator(`#act-${act}`).click();
  await page.locator('#act-note textarea').fill(note);
  await page.locator('#act-submit').click();
}

describe('an enterprise appeal, from filing to a bad rating’s follow-up', () => {
  it('goes from the contact to the liaison and back, and counts in the liaison’s dossier', async () => {
    const [enterprise] = await find<EnterpriseDoc>('enterprises', { _id: 'E002' });
    const liaisonId = enterprise?.liaisonId;
    if (!liaisonId) throw new Error('demo data lacks E002’s liaison');
    const dossierKey = dossierId(quarterOf(Date.now()), liaisonId);
    const resolvedCount = async () => (await find<DossierDoc>('dossiers', { _id: dossierKey }))[0]?.progress.appeal_resolved ?? 0;
    const before = await resolvedCount();

    // The contact files it from the enterprise home.
    const contact = await signIn('C002');
    await contact.locator('#enterprise-file').click();
    await contact.locator('#file-submit').click();
    // Nothing chosen yet: the form says what is missing before anything is sent.
    await expectText(contact.locator('#file-error-category'), '请选择诉求类别');
    await contact.locator('#file-category-labour').click();
    await contact.locator('#file-text textarea').fill('扩产急需招聘50名操作工，希望园区协调劳务资源');
    await shot(contact, 'appeals-01-file');
    await contact.locator('#file-submit').click();
    await expectText(contact.locator('#appeal-status'), '待受理');
    await expectText(contact.locator('#appeal-category'), '用工');
    const appealId = /[?&]id=([^&]+)/.exec(contact.url())?.[1];
    if (!appealId) throw new Error(`no appeal id in ${contact.url()}`);
    await expectText(contact.locator('#appeal-events'), '提交诉求');
    expect(await contact.locator('#act-accept').count()).toBe(0);
    await shot(contact, 'appeals-02-filed');

    // The liaison finds it in 企业诉求, accepts it, reports progress and resolves it.
    const cadre = await signIn(liaisonId);
    await cadre.locator('#assess-entry-appeals').click();
    await openRow(cadre, appealId);
    await expectText(cadre.locator('#appeal-status'), '待受理');
    await cadre.locator('#act-accept').click();
    await expectText(cadre.locator('#appeal-status'), '办理中');
    await withNote(cadre, 'progress', '已联系人社局，本周组织专场招聘会');
    await expectText(cadre.locator('#appeal-events'), '已联系人社局');
    await withNote(cadre, 'resolve', '专场招聘会已举办，企业招到操作工52名');
    await expectText(cadre.locator('#appeal-status'), '待企业确认');
    await expectText(cadre.locator('#appeal-resolution'), '招到操作工52名');
    await shot(cadre, 'appeals-03-resolved');

    // The contact confirms it from 我的诉求, and rates it 非常不满意.
    const back = await signIn('C002');
    await back.locator('#enterprise-appeals').click();
    await openRow(back, appealId);
    await expectText(back.locator('#appeal-status'), '待企业确认');
    await back.locator('#act-confirm').click();
    await expectText(back.locator('#appeal-status'), '已办结');
    await back.locator('#act-rate').click();
    await back.locator('#rate-1').click();
    await back.locator('#act-note textarea').fill('招来的工人大多不符合岗位要求');
    await back.locator('#act-submit').click();
    await expectText(back.locator('#appeal-rating'), '非常不满意');
    await back.locator('#appeal-followup').waitFor({ timeout: 15_000 });
    await expectText(back.locator('#appeal-events'), '评价');
    await shot(back, 'appeals-04-rated');

    // Confirmed: one more appeal resolved in the liaison's dossier this quarter.
    expect(await resolvedCount()).toBe(before + 1);

    // The liaison sees the follow-up waiting, and may record the call-back.
    const followUp = await signIn(liaisonId);
    await followUp.locator('#assess-entry-appeals').click();
    await followUp.locator('#appeals-tab-followUp').click();
    await openRow(followUp, appealId);
    await followUp.locator('#act-callBack').waitFor({ timeout: 15_000 });
    await shot(followUp, 'appeals-05-follow-up');
  }, 180_000);

  it('shows leaders the park’s figures by month, counted from the appeals', async () => {
    const all = await find<{ filedAt: number; status: string }>('appeals', {});
    const leader = await signIn('M001');
    await leader.locator('#assess-entry-dashboard').click();
    await leader.locator('#dashboard-months-12').click();
    // every appeal of the last twelve months (the demo's half year and this test's), none typed in
    await expectText(leader.locator('#dashboard-total-0'), `${all.length} 件`);
    await expectText(leader.locator('#dashboard-resolved-share'), '办结率');
    await shot(leader, 'appeals-06-dashboard');
  }, 60_000);
});

describe('a contested bad rating, and an appeal reassigned', () => {
  it('lets the assignee contest a bad rating (申诉差评) and shows them the admin’s decision (裁定)', async () => {
    const liaisonId = await liaisonOf('E002');
    // Filed, accepted, resolved and confirmed through the functions: the test above takes those steps in the browser.
    const contactToken = await t.as('C002');
    const cadreToken = await t.as(liaisonId);
    const filed = data(await t.call(contactToken, 'appeals', 'file', { category: 'permits', text: '消防验收预约排期较长，影响投产计划' }));
    const ref = { appealId: filed.id };
    data(await t.call(cadreToken, 'appeals', 'accept', ref));
    data(await t.call(cadreToken, 'appeals', 'resolve', { ...ref, note: '已协调消防部门提前安排验收，验收已通过' }));
    data(await t.call(contactToken, 'appeals', 'confirm', ref));

    // The contact rates it 不满意 from 我的诉求 › 已办结.
    const contact = await signIn('C002');
    await contact.locator('#enterprise-appeals').click();
    await contact.locator('#appeals-tab-done').click();
    await openRow(contact, filed.id);
    await contact.locator('#act-rate').click();
    await contact.locator('#rate-2').click();
    await contact.locator('#act-submit').click();
    await expectText(contact.locator('#appeal-rating'), /^不满意/);

    // The liaison contests it: the bad rating was a slip, checked by phone.
    const cadre = await signIn(liaisonId);
    await cadre.locator('#assess-entry-appeals').click();
    await cadre.locator('#appeals-tab-done').click();
    await openRow(cadre, filed.id);
    await withNote(cadre, 'contest', '企业误点差评，已电话核实企业对办理结果满意');
    await expectText(cadre.locator('#appeal-decision'), '待组织员裁定');
    expect(await cadre.locator('#act-contest').count()).toBe(0);
    await shot(cadre, 'appeals-07-contested');

    // The admin decides: a decision must be chosen, then the rating is set aside with a note.
    const admin = await signIn('M002');
    await admin.locator('#assess-entry-appeals').click();
    await admin.locator('#appeals-tab-done').click();
    await openRow(admin, filed.id);
    await expectText(admin.locator('#appeal-contest'), '企业误点差评');
    await admin.locator('#act-decide').click();
    await admin.locator('#act-note textarea').fill('经电话回访核实，属企业误评');
    await admin.locator('#act-submit').click();
    await expectText(admin.locator('#act-error'), '请选择裁定结果');
    await admin.locator('#decide-aside').click();
    await admin.locator('#act-submit').click();
    await expectText(admin.locator('#appeal-decision'), '裁定：不予采信，差评不计');
    expect(await admin.locator('#act-decide').count()).toBe(0);
    await shot(admin, 'appeals-08-decided');

    // The liaison reads the decision; a rating set aside needs no call-back.
    const after = await signIn(liaisonId);
    await after.locator('#assess-entry-appeals').click();
    await after.locator('#appeals-tab-done').click();
    await openRow(after, filed.id);
    await expectText(after.locator('#appeal-decision'), '裁定：不予采信，差评不计');
    await expectText(after.locator('#appeal-decision'), '属企业误评');
    await expectText(after.locator('#appeal-events'), '裁定');
    expect(await after.locator('#act-callBack').count()).toBe(0);
    const [stored] = await find<AppealDoc>('appeals', { _id: filed.id });
    expect(stored?.contest?.decision).toMatchObject({ upheld: false, note: '经电话回访核实，属企业误评' });
    expect(stored?.followUpOpen).toBe(false);
  }, 180_000);

  it('lets the admin reassign an appeal by picking a section and a cadre, and it lands in that cadre’s inbox', async () => {
    const liaisonId = await liaisonOf('E001');
    const filed = data(
      await t.call(await t.as('C001'), 'appeals', 'file', { category: 'infrastructure', text: '厂区门口路灯损坏，夜间货车进出不便' }),
    );
    // someone of another section, further down its list than the head, so that both pickers must move
    const [liaison] = await find<MemberDoc>('members', { _id: liaisonId });
    const sections = (await find<SectionDoc>('sections', {})).sort((a, b) => a.order - b.order);
    const section = sections.filter((s) => s._id !== liaison?.sectionId).at(-2);
    if (!section) throw new Error('demo data lacks sections');
    const people = await find<MemberDoc>('members', { sectionId: section._id, active: true, bound: true });
    const to = people.filter((m) => m.roles.includes('cadre') && !m.roles.includes('sectionHead')).at(-1);
    if (!to) throw new Error(`no cadre in ${section.name}`);

    const admin = await signIn('M002');
    await admin.locator('#assess-entry-appeals').click();
    await openRow(admin, filed.id);
    await expectText(admin.locator('#appeal-assignee'), liaison?.name ?? '');
    await admin.locator('#act-reassign').click();
    // nothing picked yet: the form says so before anything is sent
    await admin.locator('#act-submit').click();
    await expectText(admin.locator('#act-error'), '请选择改派的干部');
    await pickOption(admin, '#reassign-section', section.name);
    await expectText(admin.locator('#reassign-section-name'), section.name);
    await expectText(admin.locator('#reassign-member-name'), '请选择');
    await pickOption(admin, '#reassign-member', to.name);
    await expectText(admin.locator('#reassign-member-name'), to.name);
    await shot(admin, 'appeals-09-reassign');
    await admin.locator('#act-submit').click();
    await expectText(admin.locator('#appeal-assignee'), to.name);
    await expectText(admin.locator('#appeal-events'), `改派给${to.name}`);
    await expectText(admin.locator('#appeal-status'), '待受理');
    const [stored] = await find<AppealDoc>('appeals', { _id: filed.id });
    expect(stored).toMatchObject({ assigneeId: to._id, sectionId: section._id });

    // The new assignee finds it in 企业诉求 and may accept it.
    const cadre = await signIn(to._id);
    await cadre.locator('#assess-entry-appeals').click();
    await openRow(cadre, filed.id);
    await expectText(cadre.locator('#appeal-assignee'), to.name);
    await cadre.locator('#act-accept').waitFor({ timeout: 15_000 });
    await shot(cadre, 'appeals-10-reassigned-inbox');
  }, 180_000);
});

/**
 * Enterprise appeals (企业诉求) in a real browser, on the H5 build served by a local cloud running the real cloud
 * functions: an enterprise contact files an appeal; their liaison cadre (包联干部) finds it in 企业诉求, accepts it,
 * reports progress and resolves it; the contact confirms it — the cadre's dossier counts one more appeal resolved —
 * and rates it 非常不满意, which opens the follow-up the cadre is then asked to record. Screenshots in artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { quarterOf } from '../../shared/common/time';
import { dossierId, type DossierDoc } from '../../shared/dossier/dossier';
import type { EnterpriseDoc } from '../../shared/park/park';
import { expectText, launch, shot, signInAs } from '../support/browser';
import { startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

beforeAll(async () => {
  t = await startTestCloud({ h5: true });
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
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

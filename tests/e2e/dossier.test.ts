/**
 * The foundation's slice in a real browser: Debian's Chromium on the H5 build, served by a local cloud running the
 * real cloud functions. A cadre records an enterprise visit and the dossier moves at once; their section head sees
 * it; a newcomer binds with an invite code the admin issued. Screenshots are kept in artifacts/.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { quarterOf } from '../../shared/common/time';
import { dossierId, type DossierDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';
import type { EnterpriseDoc } from '../../shared/park/park';
import { expectText, phone, shot, signInAs, browserSuite } from '../support/browser';
import { type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

const find = async <T>(coll: string, q: object) => (await t.cloud.store.find(coll, q)) as T[];

const signIn = (memberId: string) => signInAs(browser, t.cloud.url, demoOpenid(memberId));

describe('a cadre records an enterprise visit', () => {
  it('moves the dossier’s visit target at once, and the section head sees it', async () => {
    const [hu] = await find<MemberDoc>('members', { name: '胡广初' });
    if (!hu) throw new Error('demo data lacks 胡广初');
    const [dossier] = await find<DossierDoc>('dossiers', { _id: dossierId(quarterOf(Date.now()), hu._id) });
    const visited = new Set(dossier?.visitedEnterpriseIds ?? []);
    const target =
      (await find<EnterpriseDoc>('enterprises', {})).find((e) => !visited.has(e._id) && e.name.includes('固电')) ??
      (await find<EnterpriseDoc>('enterprises', {})).find((e) => !visited.has(e._id));
    if (!target) throw new Error('no unvisited enterprise');
    const before = dossier?.progress.enterprise_visit ?? 0;

    const page = await signIn(hu._id);
    const count = page.locator('#target-enterprise_visit-count');
    await expectText(count, `${before} / 30 家`);
    await shot(page, '01-cadre-dossier');

    await page.locator('#record-visit').click();
    await page.locator('#record-submit').click();
    // Nothing chosen yet: the form says what is missing, in Chinese, before anything is sent.
    await expectText(page.locator('#record-enterprise-error'), '企业');

    await page.locator('#record-enterprise-search input').fill(target.name.slice(0, 4));
    await page.locator(`#record-enterprise-${target._id}`).click();
    await expectText(page.locator('#record-enterprise-chosen'), target.name);
    await page.locator('#record-note textarea').fill('了解企业扩产用工需求，对接职业院校');
    await shot(page, '02-record-visit');
    await page.locator('#record-submit').click();
    // the visit's confirmation code for the enterprise to scan; back from it, the dossier
    await page.locator('#visit-code-text').waitFor({ timeout: 15_000 });
    await page.goBack();

    await expectText(page.locator('#target-enterprise_visit-count'), `${before + 1} / 30 家`);
    await expectText(page.locator('#recent'), target.name);
    await shot(page, '03-dossier-after-visit');

    const [head] = await find<MemberDoc>('members', { sectionId: hu.sectionId, roles: 'sectionHead' });
    if (!head) throw new Error('no section head');
    const headPage = await signIn(head._id);
    await expectText(headPage.locator(`#staff-${hu._id}-targets`), `走访企业 ${before + 1}/30`);
    await shot(headPage, '04-section-staff');
  });
});

describe('the visited enterprise confirms the visit', () => {
  it('scans the code on the cadre’s phone, confirms, and the dossier shows it confirmed', async () => {
    const [e] = await find<EnterpriseDoc>('enterprises', { _id: 'E002' });
    const [cadre] = await find<MemberDoc>('members', { _id: e?.liaisonId ?? '' });
    if (!e || !cadre) throw new Error('demo data lacks E002’s liaison');
    const page = await signIn(cadre._id);
    await page.locator('#record-visit').click();
    await page.locator('#record-enterprise-search input').fill(e.name.slice(0, 4));
    await page.locator(`#record-enterprise-${e._id}`).click();
    await page.locator('#record-note textarea').fill('走访了解设备更新需求');
    await page.locator('#record-submit').click();
    const code = (await page.locator('#visit-code-text').innerText({ timeout: 15_000 })).trim();
    await shot(page, '07-visit-code');

    // the contact's WeChat opens the page the mini-program code names, with its scene
    const contact = await signInAs(browser, t.cloud.url, demoOpenid('C002'), '#enterprise-page');
    await contact.goto(`${t.cloud.url}/#/dossier/confirm/index?scene=${encodeURIComponent(`v=${code}`)}`);
    await expectText(contact.locator('#confirm-cadre'), cadre.name);
    await contact.locator('#confirm-yes').click();
    await expectText(contact.locator('#confirm-done'), '企业已确认');
    await shot(contact, '08-visit-confirmed');

    await page.locator('#visit-code-refresh').click();
    await expectText(page.locator('#visit-code-answered'), '企业已确认这次走访');
    await page.goBack();
    await expectText(page.locator('#recent'), '企业已确认');
  });
});

describe('a newcomer binds their WeChat identity with an invite code', () => {
  it('shows the code to the admin and lands the newcomer on their dossier', async () => {
    const [newcomer] = await find<MemberDoc>('members', { bound: false, roles: 'cadre' });
    if (!newcomer) throw new Error('no unbound member');
    const admin = await signIn('M002');
    // The roster comes 20 at a time: load more until the newcomer shows.
    const row = admin.locator(`#member-${newcomer._id}`);
    await admin.locator('#roster-list').waitFor();
    for (let i = 0; i < 10 && !(await row.isVisible()); i += 1) {
      await admin.locator('#roster-more').click();
      await admin.waitForTimeout(300);
    }
    await row.click();
    const code = (await admin.locator('#invite-code').innerText({ timeout: 15_000 })).trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await admin.locator('#invite-qr').waitFor();
    await admin.waitForTimeout(800); // let the loading toast fade before the picture
    await shot(admin, '05-admin-invite');

    const page = await phone(browser);
    await page.goto(`${t.cloud.url}/`);
    await page.locator('#login-new-user').click();
    await page.locator('#bind-code input').fill('ZZZZ2222');
    await page.locator('#bind-submit').click();
    await expectText(page.locator('#bind-error'), '邀请码不存在');
    await page.locator('#bind-code input').fill(code.toLowerCase());
    await page.locator('#bind-submit').click();
    await expectText(page.locator('#dossier-title'), '绩效档案');
    await shot(page, '06-newcomer-dossier');
  });
});

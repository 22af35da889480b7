/**
 * Enterprise contacts in a real browser: the admin adds one to an enterprise of the directory and gets the invite
 * code at once; the contact binds with it and lands on their enterprise's home.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
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

describe('an enterprise contact', () => {
  it('is added by the admin with an invite code, binds with it and sees their enterprise', async () => {
    const [e] = t.cloud.store.find('enterprises', { _id: 'E020' }) as EnterpriseDoc[];
    if (!e) throw new Error('demo park lacks E020');
    const admin = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#contact-add');
    await admin.locator('#contact-add').click();
    await admin.locator('#contact-submit').click();
    await expectText(admin.locator('#contact-enterprise-error'), '企业');
    expect((t.cloud.store.find('members', { enterpriseId: 'E020' }) as MemberDoc[]).length).toBe(0);

    await admin.locator('#contact-enterprise-search input').fill(e.name.slice(0, 4));
    await admin.locator(`#contact-enterprise-${e._id}`).click();
    await admin.locator('#contact-name input').fill('周建国');
    await admin.locator('#contact-post input').fill('办公室主任');
    await admin.locator('#contact-submit').click();
    const code = (await admin.locator('#invite-code').innerText({ timeout: 15_000 })).trim();
    expect(code).toMatch(/^[A-Z2-9]{8}$/);
    await shot(admin, 'members-01-contact-invite');

    const page = await phone(browser);
    await page.goto(`${t.cloud.url}/`);
    await page.locator('#login-new-user').click();
    await page.locator('#bind-code input').fill(code);
    await page.locator('#bind-submit').click();
    await expectText(page.locator('#enterprise-name'), e.name);
    await shot(page, 'members-02-contact-home');
  }, 120_000);
});

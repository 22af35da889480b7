/**
 * Setting up a democratic evaluation (民主测评) with its own rules, in a real browser (Debian's Chromium on the H5
 * build, a local cloud running the real `votes` function). The admin opens 高级设置, finds the defaults shown as the
 * current values, raises the 优秀 share to 40% and picks a closing time; only what was changed is stored as changed
 * (the rest keeps the defaults), and the manage page shows the schedule. A share over 100% and a negative weight
 * are refused on the device, in Chinese beside their fields, and nothing is created. Screenshots go to artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_DIMENSIONS, DEFAULT_RULES } from '../../shared/votes/config';
import { inPark, parkInstant } from '../../shared/common/time';
import { demoOpenid } from '../../demo/park';
import { expectText, shot, signInAs, browserSuite } from '../support/browser';
import { type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;
const TITLE = '2026年度班子民主测评（自定规则）';

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

const signIn = (memberId: string) => signInAs(browser, t.cloud.url, demoOpenid(memberId));

/** Open a Taro picker by what it wraps and accept the value it proposes. */
async function pickProposed(page: Page, trigger: string): Promise<void> {
  await page.locator(trigger).click();
  const ok = page.locator('.weui-picker__action:visible', { hasText: '确定' });
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
}

async function openCreate(memberId: string): Promise<Page> {
  const admin = await signIn(memberId);
  await admin.locator('#vote-entry').click();
  await admin.locator('#vote-create').click();
  await admin.locator('#create-page').waitFor();
  return admin;
}

interface StoredCampaign {
  _id: string;
  closesAt: number | null;
  opensAt: number | null;
  dimensions: { key: string; weight: number }[];
  rules: typeof DEFAULT_RULES;
}

describe('the admin sets a campaign’s rules and schedule', () => {
  it('a 40% 优秀 share and a closing time are stored; everything left alone keeps its default', async () => {
    const admin = await openCreate('M002');
    // Collapsed: the defaults are shown as the current values.
    await expectText(admin.locator('#create-rules'), '德25%');
    await expectText(admin.locator('#create-rules'), '测评对象的20%');
    await expectText(admin.locator('#create-schedule'), '手动开启 / 手动结束');
    await admin.locator('#create-title input').fill(TITLE);

    await admin.locator('#create-advanced').click();
    await admin.locator('#create-settings').waitFor();
    expect(await admin.locator('#create-excellent-share input').inputValue()).toBe('20');
    expect(await admin.locator('#create-turnout-floor input').inputValue()).toBe('66.7');
    expect(await admin.locator('#create-dim-ji input').inputValue()).toBe('30');
    expect(await admin.locator('#create-cut-excellent input').inputValue()).toBe('90');
    await admin.locator('#create-excellent-share input').fill('40');

    // Closing: tomorrow (proposed), 18:00 (proposed), park time.
    await expectText(admin.locator('#create-closes-day'), '不设（手动结束）');
    await pickProposed(admin, '#create-closes-day');
    const tomorrow = inPark(Date.now()).add(1, 'day').format('YYYY-MM-DD');
    await expectText(admin.locator('#create-closes-day'), tomorrow);
    await pickProposed(admin, '#create-closes-time');
    await expectText(admin.locator('#create-closes-time'), '18:00');
    await shot(admin, 'vote-setup-01-advanced');

    // Collapsing again shows the changed values.
    await admin.locator('#create-advanced').click();
    await expectText(admin.locator('#create-rules'), '测评对象的40%');
    await expectText(admin.locator('#create-rules'), '有效参评率');
    await expectText(admin.locator('#create-schedule'), `手动开启 / ${tomorrow} 18:00`);

    await admin.locator('#create-submit').click();
    await expectText(admin.locator('#manage-status'), '未开始');

    const closesAt = parkInstant(tomorrow, '18:00');
    const [c] = (await t.cloud.store.find('voteCampaigns', { title: TITLE })) as StoredCampaign[];
    if (!c) throw new Error('campaign not stored');
    expect(c.rules.excellentShareMax).toBe(0.4);
    expect(c.closesAt).toBe(closesAt);
    expect(c.opensAt).toBeNull();
    // Not changed, so not sent: the server's defaults, exactly (2/3, not 0.667).
    expect(c.rules.turnoutFloor).toBe(DEFAULT_RULES.turnoutFloor);
    expect(c.rules.admonishBelow).toBe(DEFAULT_RULES.admonishBelow);
    expect(c.rules.gradeCutoffs).toEqual(DEFAULT_RULES.gradeCutoffs);
    expect(c.dimensions).toEqual(DEFAULT_DIMENSIONS);

    // The manage page reads votes.get and shows the schedule.
    await expectText(admin.locator('#manage-title'), TITLE);
    await expectText(admin.locator('#manage-closes-at'), `计划结束${tomorrow} 18:00`);
    expect(await admin.locator('#manage-opens-at').count()).toBe(0);
    await shot(admin, 'vote-setup-02-manage');
  });

  it('a share over 100% and a negative weight are refused beside their fields, and nothing is created', async () => {
    const before = t.cloud.store.count('voteCampaigns');
    const admin = await openCreate('M002');
    await admin.locator('#create-title input').fill('2026年度无效设置测评');
    await admin.locator('#create-advanced').click();
    await admin.locator('#create-excellent-share input').fill('150');
    await admin.locator('#create-dim-de input').fill('-5');
    // Collapse: the errors open the settings again.
    await admin.locator('#create-advanced').click();
    await admin.locator('#create-submit').click();

    await expectText(admin.locator('#create-error-rules-excellentShareMax'), '请填写0–100之间的百分数');
    await expectText(admin.locator('#create-error-dimensions-0-weight'), '权重不能为负');
    // The fields are far up the page: the button repeats the first problem.
    await expectText(admin.locator('#create-error-summary'), '请修改上方标红的设置');
    await shot(admin, 'vote-setup-03-invalid');
    // Still on the create page, and no campaign was written.
    expect(await admin.locator('#create-page').count()).toBe(1);
    expect(t.cloud.store.count('voteCampaigns')).toBe(before);

    // Put right, it goes through.
    await admin.locator('#create-excellent-share input').fill('30');
    await admin.locator('#create-dim-de input').fill('25');
    await admin.locator('#create-submit').click();
    await expectText(admin.locator('#manage-status'), '未开始');
    const [c] = (await t.cloud.store.find('voteCampaigns', { title: '2026年度无效设置测评' })) as StoredCampaign[];
    expect(c?.rules.excellentShareMax).toBe(0.3);
    expect(c?.closesAt).toBeNull();
    expect(c?.dimensions).toEqual(DEFAULT_DIMENSIONS);
  });
});

/**
 * The year-end burst as a phone meets it, in a real browser: the platform refuses a ballot for load and the page
 * tries again by itself, saying so; the reply of a ballot that was counted is lost on the way back, and the retry
 * shows the same receipt while the box holds one ballot; the phone is closed before it hears back, and on reopening
 * the page still shows the voter their receipt; a refusal that retrying cannot fix (the day's write quota) is said
 * at once and not retried; a refusal for load that outlasts every retry ends with what to do.
 * The platform's replies are stood in for with playwright's routing, in the shape wx.cloud gives them.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { ERROR_MESSAGES } from '../../shared/common/errors';
import { CALL_RETRY, GAVE_UP } from '../../shared/common/retry';
import { eventually, expectText, launch, signInAs } from '../support/browser';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;
let campaignId = '';
const LEADERS = ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007'];

beforeAll(async () => {
  t = await startTestCloud({ h5: true });
  browser = await launch();
  const admin = await t.as('M002');
  campaignId = data(await t.call(admin, 'votes', 'create', { title: '2026年度班子民主测评（重试）', kind: 'rate_leadership', year: 2026 })).id;
  data(await t.call(admin, 'votes', 'open', { campaignId }));
});
afterAll(async () => {
  await browser?.close();
  await t?.stop();
});

const ballots = () => t.cloud.store.count('voteBallots', { campaignId });
const isSubmit = (route: Route) => route.request().postData()?.includes('"submit"') === true;

/** A voter with the ballot filled in (all 称职), at the confirmation. */
async function readyToSubmit(memberId: string): Promise<Page> {
  const page = await signInAs(browser, t.cloud.url, demoOpenid(memberId));
  await page.locator('#vote-entry').click();
  await page.locator(`#vote-${campaignId}`).click();
  await expectText(page.locator('#ballot-progress'), '已评 0 / 7');
  for (const id of LEADERS.filter((x) => x !== memberId)) await page.locator(`#cand-${id}-fill`).click();
  await page.locator('#ballot-submit').click();
  await page.locator('#ballot-confirm').waitFor({ timeout: 15_000 });
  return page;
}

describe('a ballot in the year-end burst', () => {
  it('refused for load twice, is sent again by itself, saying so, and counted once', async () => {
    const page = await readyToSubmit('M020');
    let refused = 0;
    await page.route('**/api/call', async (route) => {
      if (isSubmit(route) && refused < 2) {
        refused += 1;
        await route.fulfill({ json: { errCode: -501004, errMsg: 'callFunction:fail -501004 请求并发数超出环境配额' } });
      } else await route.continue();
    });
    const before = ballots();
    await page.locator('#ballot-confirm').click();
    await expectText(page.locator('#ballot-retrying'), `第 2/${CALL_RETRY.patientAttempts} 次尝试`);
    const receipt = (await page.locator('#ballot-receipt').innerText({ timeout: 20_000 })).trim();
    expect(refused).toBe(2);
    expect(ballots()).toBe(before + 1);
    expect(t.cloud.store.count('voteBallots', { _id: receipt })).toBe(1);
  });

  it('counted, but its reply lost on the way back: the retry shows the same receipt and the box holds one ballot', async () => {
    const page = await readyToSubmit('M021');
    let lost = 0;
    await page.route('**/api/call', async (route) => {
      if (isSubmit(route) && lost === 0) {
        lost += 1;
        await route.fetch(); // the cloud counts the ballot…
        await route.abort('connectionreset'); // …and the phone never hears back
      } else await route.continue();
    });
    const before = ballots();
    await page.locator('#ballot-confirm').click();
    const receipt = (await page.locator('#ballot-receipt').innerText({ timeout: 20_000 })).trim();
    expect(lost).toBe(1);
    expect(ballots()).toBe(before + 1);
    expect(t.cloud.store.count('voteBallots', { _id: receipt })).toBe(1);
  });

  it('counted, and the phone closed before it heard back: reopened, the page shows the voter their receipt', async () => {
    const page = await readyToSubmit('M022');
    await page.route('**/api/call', async (route) => {
      if (!isSubmit(route)) return route.continue();
      await route.fetch();
      return route.abort('connectionreset');
    });
    const before = ballots();
    await page.locator('#ballot-confirm').click();
    // the ballot is in; the phone is closed mid-retry
    await eventually(() => ballots() === before + 1);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    await page.reload();
    const receipt = (await page.locator('#ballot-receipt').innerText({ timeout: 20_000 })).trim();
    expect(t.cloud.store.count('voteBallots', { _id: receipt })).toBe(1);
    expect(ballots()).toBe(before + 1);
  });

  it('refused because the day’s write quota is spent: said at once, not retried, the draft kept', async () => {
    const page = await readyToSubmit('M023');
    let tries = 0;
    await page.route('**/api/call', async (route) => {
      if (!isSubmit(route)) return route.continue();
      tries += 1;
      return route.fulfill({ json: { errCode: -501016, errMsg: 'callFunction:fail -501016 写请求次数配额耗尽' } });
    });
    await page.locator('#ballot-confirm').click();
    await expectText(page.locator('#ballot-error'), ERROR_MESSAGES.QUOTA);
    expect(tries).toBe(1);
    await expectText(page.locator('#ballot-progress'), '已评 7 / 7');
  });

  it('refused for load on every try: gives up with what to do, and the same ballot goes through later', async () => {
    const page = await readyToSubmit('M024');
    await page.clock.install();
    let tries = 0;
    let refuse = true;
    await page.route('**/api/call', async (route) => {
      if (!isSubmit(route) || !refuse) return route.continue();
      tries += 1;
      return route.fulfill({ json: { errCode: -501004, errMsg: 'callFunction:fail -501004 请求并发数超出环境配额' } });
    });
    await page.locator('#ballot-confirm').click();
    await eventually(() => tries === 1);
    // the page's clock runs each wait out; each try's request takes real time, so look again until all are made
    for (let i = 0; i < 300 && tries < CALL_RETRY.patientAttempts; i += 1) {
      await page.clock.runFor(CALL_RETRY.maxDelayMs);
      await new Promise((r) => setTimeout(r, 50));
    }
    await expectText(page.locator('#ballot-error'), GAVE_UP.BUSY ?? '');
    expect(tries).toBe(CALL_RETRY.patientAttempts);
    refuse = false;
    await page.locator('#ballot-submit').click();
    await page.locator('#ballot-confirm').click();
    await page.locator('#ballot-receipt').waitFor({ timeout: 20_000 });
  });
});

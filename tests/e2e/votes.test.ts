/**
 * The year-end democratic evaluation (民主测评) in a real browser: Debian's Chromium on the H5 build, served by a local
 * cloud running the real `votes` function. The admin sets up and opens a 班子测评; a cadre fills in part of the
 * ballot, reloads and finds it kept, is told what is missing or over the 优秀 cap, completes it and gets a receipt,
 * and cannot vote twice; the admin watches the turnout and closes; a leader reads the ranking; the cadre finds
 * their receipt counted. Screenshots are kept in artifacts/.
 */
import type { Browser, Page } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import type { Ratings } from '../../shared/votes/config';
import { expectText, shot, signInAs, browserSuite } from '../support/browser';
import { type TestCloud } from '../support/cloud';
import { newReceipt } from '../support/client';

let t: TestCloud;
let browser: Browser;
const TITLE = '2026年度班子民主测评';
const LEADERS = ['M001', 'M002', 'M003', 'M004', 'M005', 'M006', 'M007'];
const DIMS = ['de', 'neng', 'qin', 'ji', 'lian'];

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

const signIn = (memberId: string) => signInAs(browser, t.cloud.url, demoOpenid(memberId));

async function rateAll(page: Page, cand: string, grade: string): Promise<void> {
  for (const d of DIMS) await page.locator(`#cand-${cand}-${d}-${grade}`).click();
}

describe('a 班子测评 from set-up to results', () => {
  let admin: Page;
  let cadre: Page;
  let campaignId = '';
  let receipt = '';

  it('the admin creates and opens it from the 年度测评 entry', async () => {
    admin = await signIn('M002');
    await admin.locator('#vote-entry').click();
    await admin.locator('#vote-create').click();
    await admin.locator('#create-submit').click();
    await expectText(admin.locator('#create-error-title'), '请填写测评名称');
    await expectText(admin.locator('#create-rules'), '德25%');
    await admin.locator('#create-title input').fill(TITLE);
    await admin.locator('#create-kind-rate_leadership').click();
    await shot(admin, 'vote-01-create');
    await admin.locator('#create-submit').click();

    await expectText(admin.locator('#manage-status'), '未开始');
    const [c] = (await t.cloud.store.find('voteCampaigns', { title: TITLE })) as { _id: string }[];
    if (!c) throw new Error('campaign not stored');
    campaignId = c._id;
    await admin.locator('#manage-open').click();
    await expectText(admin.locator('#manage-status'), '进行中');
    await expectText(admin.locator('#turnout-voted'), /已投 0 \/ \d+ 人/);
    await shot(admin, 'vote-02-manage-open');
  });

  it('a cadre fills in part, reloads and finds it kept, is told what is wrong, then submits once', async () => {
    cadre = await signIn('M009');
    await cadre.locator('#vote-entry').click();
    await cadre.locator(`#vote-${campaignId}`).click();
    await expectText(cadre.locator('#ballot-progress'), '已评 0 / 7');
    await expectText(cadre.locator('#ballot-excellent'), '总体优秀 0 / 1');

    await rateAll(cadre, 'M001', 'excellent');
    await cadre.locator('#cand-M002-fill').click();
    await expectText(cadre.locator('#ballot-progress'), '已评 2 / 7');
    await expectText(cadre.locator('#ballot-excellent'), '总体优秀 1 / 1');
    await cadre.locator('#cand-M003-de-basic').click();

    // Leave and come back: what was entered is still on the device.
    await cadre.reload();
    await expectText(cadre.locator('#ballot-progress'), '已评 2 / 7');
    expect(await cadre.locator('#cand-M001-ji-excellent').getAttribute('class')).toMatch(/seg-on/);
    expect(await cadre.locator('#cand-M003-de-basic').getAttribute('class')).toMatch(/seg-on/);
    expect(await cadre.locator('#cand-M003-neng-basic').getAttribute('class')).not.toMatch(/seg-on/);
    await shot(cadre, 'vote-03-ballot-restored');

    await cadre.locator('#ballot-submit').click();
    await expectText(cadre.locator('#ballot-problems'), '还有 24 项未评价');
    await shot(cadre, 'vote-04-ballot-missing');

    // A second 优秀 overall is over the cap of 1.
    await cadre.locator('#ballot-tab-all').click();
    await rateAll(cadre, 'M003', 'excellent');
    await expectText(cadre.locator('#ballot-excellent'), '总体优秀 2 / 1');
    for (const id of ['M004', 'M005', 'M006', 'M007']) await cadre.locator(`#cand-${id}-fill`).click();
    await expectText(cadre.locator('#ballot-progress'), '已评 7 / 7');
    await cadre.locator('#ballot-submit').click();
    await expectText(cadre.locator('#ballot-problems'), '最多 1 人');

    // 德 and 绩 down to 称职: (80×55 + 95×45) / 100 = 86.75, 称职 overall.
    await cadre.locator('#cand-M003-de-competent').click();
    await cadre.locator('#cand-M003-ji-competent').click();
    await expectText(cadre.locator('#ballot-excellent'), '总体优秀 1 / 1');
    await cadre.locator('#ballot-submit').click();
    await cadre.locator('#ballot-confirm').click();
    receipt = (await cadre.locator('#ballot-receipt').innerText({ timeout: 15_000 })).trim();
    expect(receipt).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await expectText(cadre.locator('#ballot-page'), '请保存回执码，结果公布后可核对');
    await shot(cadre, 'vote-05-receipt');

    // Once only: the page says so, and the function refuses a second ballot.
    await cadre.goto(`${t.cloud.url}/#/votes/ballot/index?campaignId=${campaignId}`);
    await expectText(cadre.locator('#ballot-voted'), '您已完成本次测评');
    const full: Ratings = Object.fromEntries(
      LEADERS.map((id) => [id, Object.fromEntries(DIMS.map((d) => [d, id === 'M001' ? 'excellent' : 'competent']))]),
    );
    const again = await t.call(await t.as('M009'), 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings: full });
    expect(again).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/只能提交一次/) });
    expect(t.cloud.store.count('voteBallots', { campaignId })).toBe(1);
  });

  it('the admin sees the turnout move and closes the campaign', async () => {
    // the manage page refreshes every 5 s while open
    await expectText(admin.locator('#turnout-voted'), /已投 1 \/ \d+ 人/);
    // Five more cadres vote from their phones (through the function), so that results may be published: 6 ballots
    // leave every candidate at least 5 raters (shared/votes/secrecy.ts).
    for (const [i, voter] of ['M010', 'M011', 'M012', 'M013', 'M014'].entries()) {
      const ratings: Ratings = Object.fromEntries(
        LEADERS.map((id) => [
          id,
          Object.fromEntries(DIMS.map((d) => [d, id === 'M001' ? 'excellent' : i % 2 && d === 'lian' ? 'basic' : 'competent'])),
        ]),
      );
      expect((await t.call(await t.as(voter), 'votes', 'submit', { receipt: newReceipt(), campaignId, ratings })).code).toBe(0);
    }
    await expectText(admin.locator('#turnout-voted'), /已投 6 \/ \d+ 人/);
    await shot(admin, 'vote-06-turnout');
    await admin.locator('#manage-close').click();
    await admin.locator('.taro-model__confirm').click();
    await expectText(admin.locator('#manage-status'), '已结束');
  });

  it('a leader reads the ranking, and the cadre finds their receipt counted', async () => {
    // counted and sealed by the close itself: nothing to wait for
    const leader = await signIn('M001');
    await leader.locator('#vote-entry').click();
    await leader.locator(`#results-${campaignId}`).click();
    await leader.locator('#results-list').waitFor({ timeout: 15_000 });
    for (const id of LEADERS) await leader.locator(`#result-${id}`).waitFor();
    await expectText(leader.locator('#results-invalid'), '参评率低于2/3，结果无效');
    await expectText(leader.locator('#results-valid'), '6 / 0');
    // M001 had 优秀 on every dimension from every ballot: first.
    expect(await leader.locator('#results-list .result-row').first().getAttribute('id')).toBe('result-M001');
    await expectText(leader.locator('#result-M001-overall'), '95.00');
    await leader.locator('#result-M003').click();
    // only cadres voted: the categories nobody voted in are not counted, and the cadres' breakdown is shown
    await expectText(leader.locator('#result-M003-detail'), '干部（6人）');
    await shot(leader, 'vote-07-results');

    await cadre.goto(`${t.cloud.url}/#/votes/list/index`);
    await cadre.locator(`#receipt-${campaignId}`).click();
    await cadre.locator('#receipt-input input').fill('');
    await cadre.locator('#receipt-input input').fill('ZZZZ-ZZZZ-ZZZZ');
    await cadre.locator('#receipt-check').click();
    await expectText(cadre.locator('#receipt-result'), '未找到该回执码');
    await cadre.locator('#receipt-input input').fill(receipt.toLowerCase());
    await cadre.locator('#receipt-check').click();
    await expectText(cadre.locator('#receipt-result'), '您的选票已计入（共 6 张）');
    await shot(cadre, 'vote-08-receipt-counted');
  });
});

describe('a ballot the count would drop as void', () => {
  it('is announced before it is cast: the voter goes back and changes it, or casts it knowing', async () => {
    const admin = await t.as('M002');
    const created = await t.call(admin, 'votes', 'create', { title: '2026年度班子测评（废票提示）', kind: 'rate_leadership', year: 2026 });
    if (created.code !== 0) throw new Error(created.message);
    const campaignId = created.data.id;
    expect((await t.call(admin, 'votes', 'open', { campaignId })).code).toBe(0);

    const voter = await signIn('M015');
    await voter.locator('#vote-entry').click();
    await voter.locator(`#vote-${campaignId}`).click();
    await expectText(voter.locator('#ballot-page .tips'), '评价完全相同的选票为废票');
    // 全部称职 on every candidate: every value on the ballot is 称职.
    for (const id of LEADERS) await voter.locator(`#cand-${id}-fill`).click();
    await voter.locator('#ballot-submit').click();
    await expectText(voter.locator('#ballot-void-warning'), '这张选票将不计入结果');
    await expectText(voter.locator('#ballot-void-warning'), '都是“称职”');
    await shot(voter, 'vote-09-void-warning');

    // 返回修改: one 优秀 on 绩 makes the ballot count, and the warning is gone.
    await voter.locator('#ballot-cancel').click();
    await voter.locator('#cand-M004-ji-excellent').click();
    await voter.locator('#ballot-submit').click();
    await voter.locator('#ballot-confirm-box').waitFor();
    expect(await voter.locator('#ballot-void-warning').count()).toBe(0);
    await expectText(voter.locator('#ballot-confirm'), '确认提交');

    // Back to all 称职 and cast anyway: accepted, and the receipt page says it will not count.
    await voter.locator('#ballot-cancel').click();
    await voter.locator('#cand-M004-ji-competent').click();
    await voter.locator('#ballot-submit').click();
    await expectText(voter.locator('#ballot-confirm'), '仍然提交（废票）');
    // a live secondary button reads as live: green text, not the white Taro's H5 gives disabled="false"
    expect(await voter.locator('#ballot-confirm').evaluate((el) => getComputedStyle(el).color)).toBe('rgb(6, 174, 86)');
    await voter.locator('#ballot-confirm').click();
    await voter.locator('#ballot-receipt').waitFor({ timeout: 15_000 });
    await expectText(voter.locator('#ballot-done-void'), '不计入结果');
    expect(t.cloud.store.count('voteBallots', { campaignId })).toBe(1);
  });
});

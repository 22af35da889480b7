/**
 * The satisfaction campaign (企业评) in a real browser, on the H5 build served by a local cloud running the real
 * cloud functions: the admin creates a campaign (its seed's fingerprint shown at once) and draws its sample (the
 * seed then shown, with the strata and the enterprises drawn); an enterprise's person, a fresh WeChat user bound to
 * nobody, opens the rate page with the printed code, rates every dimension and submits; the same code then says it
 * was used. The admin prints the codes and closes the campaign; a leader sees the results, withheld under three
 * ratings. Screenshots in artifacts/.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { RATING_DIMENSIONS, sceneOf } from '../../shared/ratings/rating';
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

describe('a satisfaction campaign, from its creation to an enterprise’s anonymous rating', () => {
  it('is created and drawn by the admin, rated once with a code by an unbound user, and its results withheld', async () => {
    const title = `企业满意度评价E2E${Date.now().toString(36).slice(-4)}`;

    // The admin creates the campaign from their home.
    const admin = await signIn('M002');
    await admin.locator('#assess-entry-ratings').click();
    await admin.locator('#create-form').waitFor({ timeout: 15_000 });
    await admin.locator('#create-title input').fill(title);
    await admin.locator('#create-share-25').click();
    await shot(admin, 'ratings-01-create');
    await admin.locator('#create-submit').click();

    let campaignId = '';
    const deadline = Date.now() + 15_000;
    while (!campaignId && Date.now() < deadline) {
      campaignId = (await find<{ _id: string; title: string }>('ratingCampaigns', { title }))[0]?._id ?? '';
      if (!campaignId) await admin.waitForTimeout(100);
    }
    if (!campaignId) throw new Error('the campaign was not created');
    const card = admin.locator(`#campaign-${campaignId}`);
    await expectText(card.locator(`#campaign-${campaignId}-status`), '待抽样');
    await expectText(card.locator(`#campaign-${campaignId}-share`), '25%');
    // the fingerprint is public from the start, the seed not yet
    await expectText(card.locator(`#campaign-${campaignId}-hash`), /^[0-9a-f]{64}$/);
    expect(await card.locator(`#campaign-${campaignId}-seed`).count()).toBe(0);

    // The draw: confirmed in the dialog; the seed, the strata and the enterprises drawn show.
    await admin.locator(`#draw-${campaignId}`).click();
    await admin.locator('.taro-model__confirm').click();
    await expectText(card.locator(`#campaign-${campaignId}-seed`), /^[0-9a-f]{64}$/);
    await expectText(card.locator(`#campaign-${campaignId}-status`), '评价中');
    await card.locator(`#sample-${campaignId}`).waitFor({ timeout: 15_000 });
    await expectText(card.locator(`#strata-${campaignId}`), /：\d+\/\d+/);
    await shot(admin, 'ratings-02-drawn');

    const codes = await find<{ code: string; used: boolean }>('ratingCodes', { campaignId });
    expect(codes.length).toBeGreaterThan(0);
    expect(await card.locator(`#sampled-${campaignId} .history-line`).count()).toBe(codes.length);
    const code = codes[0]?.code ?? '';

    // An enterprise's person: a WeChat user bound to nobody, with the printed code.
    const rater = await phone(browser);
    await rater.goto(`${t.cloud.url}/`);
    await rater.locator('#login-new-user').click();
    await rater.locator('#bind-page').waitFor({ timeout: 15_000 });
    // Scanned, the mini-program code opens the page with its scene (URL-encoded `r=<CODE>`, as the platform gives it).
    const other = codes[1]?.code;
    if (other) {
      await rater.goto(`${t.cloud.url}/#/ratings/rate/index?scene=${encodeURIComponent(sceneOf(other))}`);
      await expectText(rater.locator('#rate-title'), title);
      // a fresh document for the next code: not the same page instance shown again
      await rater.goto('about:blank');
    }
    await rater.goto(`${t.cloud.url}/#/ratings/rate/index?code=${code}`);
    await rater.locator('#rate-title').waitFor({ timeout: 15_000 });
    await expectText(rater.locator('#rate-title'), title);
    await expectText(rater.locator('#rate-anonymous'), '园区看不到哪家企业给了哪个评价');
    // nothing chosen yet: the submission waits for every dimension
    await expectText(rater.locator('#rate-submit'), '请先评价全部项目');
    const levels = [5, 4, 4, 3];
    for (const [i, d] of RATING_DIMENSIONS.entries()) await rater.locator(`#dim-${d.key}-${levels[i % levels.length] ?? 4}`).click();
    // any cadre who served the enterprise may be left out (不了解)
    const cadre = rater.locator('[id^="cadre-"][id$="-skip"]').first();
    if ((await cadre.count()) > 0) await cadre.click();
    await shot(rater, 'ratings-03-rate');
    await rater.locator('#rate-submit').click();
    await expectText(rater.locator('#rate-done'), '感谢您的评价');
    await shot(rater, 'ratings-04-done');

    // Counted once, with no link to the code or the enterprise: four dimension answers (and any cadre's), each its own
    const stored = t.cloud.store.count('ratings', { campaignId });
    expect(stored).toBeGreaterThanOrEqual(4);
    const [rating] = await find<Record<string, unknown>>('ratings', { campaignId });
    expect(Object.keys(rating ?? {}).sort()).toEqual(['_id', 'cadres', 'campaignId', 'dimensions']);
    expect((await find<{ used: boolean }>('ratingCodes', { campaignId, code }))[0]?.used).toBe(true);

    // The same code again: used.
    await rater.reload();
    await expectText(rater.locator('#rate-error'), '已使用');
    expect(await rater.locator('#rate-submit').count()).toBe(0);
    await shot(rater, 'ratings-05-used');
    expect(t.cloud.store.count('ratings', { campaignId })).toBe(stored);

    // The admin's printable sheet has the code's card.
    await admin.locator(`#print-${campaignId}`).click();
    await admin.locator(`#code-${code}`).waitFor({ timeout: 30_000 });
    await expectText(admin.locator('#print-instruction'), '每个评价码只能提交一次');
    await shot(admin, 'ratings-06-print');
    await admin.goto(`${t.cloud.url}/#/ratings/manage/index`);

    // Closed by the admin; with one rating, nothing is published.
    await admin.locator(`#close-${campaignId}`).click();
    await admin.locator('.taro-model__confirm').click();
    await expectText(admin.locator(`#campaign-${campaignId}-status`), '已结束');

    // 刘欣 (M001), a leader and not the admin
    const lead = await signIn('M001');
    await lead.locator('#assess-entry-ratings').click();
    await lead.locator(`#campaign-${campaignId}`).waitFor({ timeout: 15_000 });
    // a leader sees the list and the results, nothing to create, draw or close
    expect(await lead.locator('#create-submit').count()).toBe(0);
    expect(await lead.locator(`#print-${campaignId}`).count()).toBe(0);
    await lead.locator(`#results-${campaignId}`).click();
    await expectText(lead.locator('#results-satisfaction'), '不足3份，不公布');
    await expectText(lead.locator('#results-responses'), `回收 1 / ${codes.length} 份`);
    await shot(lead, 'ratings-07-results');
  }, 180_000);
});

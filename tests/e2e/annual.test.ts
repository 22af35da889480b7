/**
 * The year's results (年度考核) in a real browser: the admin computes the year and is refused a formula whose
 * weights do not add up; a leader reads the ranking and one cadre's explained total; the course goes through
 * confirmation and 公示 to the notice; the cadre acknowledges it and asks for review; the admin answers and the
 * cadre reads the answer.
 */
import { readFile } from 'fs/promises';
import type { Browser } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { CADRE_HEADER } from '../../shared/annual/export';
import { quarterLabel } from '../../shared/common/time';
import { demoOpenid } from '../../demo/park';
import { parkToday } from '../../client/src/common/today';
import type { YearDoc } from '../../cloudfunctions/annual/src/lib';
import type { MemberDoc } from '../../shared/members/member';
import { expectText, shot, signInAs, browserSuite } from '../support/browser';
import { data, type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;
const YEAR = Number(parkToday().slice(0, 4));

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

describe('the year’s results', () => {
  it('computed by the admin, read by a leader, notified, acknowledged, reviewed and answered', async () => {
    const admin = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#assess-entry-annual');
    await admin.locator('#assess-entry-annual').click();
    await admin.locator('#annual-compute').click();
    await expectText(admin.locator('#annual-status-label'), '待确认');
    // weights that add up to 110%: refused, the formula stays the default
    await admin.locator('#annual-formula-0 input').fill('50');
    await admin.locator('#annual-formula-save').click();
    await expectText(admin.locator('#annual-formula-error'), '合计应为100%');
    expect(t.cloud.store.count('annualFormulas')).toBe(0);
    await shot(admin, 'annual-01-manage');

    const leader = await signInAs(browser, t.cloud.url, demoOpenid('M001'), '#assess-entry-annualRanking');
    await leader.locator('#assess-entry-annualRanking').click();
    const rows = leader.locator('#annual-cadres .rank-row');
    await rows.first().waitFor({ timeout: 15_000 });
    await shot(leader, 'annual-02-ranking');
    const ranking = data(await t.call(await t.as('M001'), 'annual', 'ranking', { year: YEAR }));
    // the export opens as a file with the ranking in it
    const [download] = await Promise.all([leader.waitForEvent('download'), leader.locator('#annual-export').click()]);
    const sheet = (await readXlsxFile(await readFile(await download.path())))[0]?.data ?? [];
    expect(sheet[0]).toEqual(CADRE_HEADER);
    expect(sheet[1]?.[1]).toBe(ranking.cadres[0]?.name);
    expect(sheet).toHaveLength(ranking.cadres.length + 1);
    // sections in their tiers: the first ranked is 第一等次, the last 第二等次
    await leader.locator('#annual-tab-sections').click();
    const first = ranking.sections[0];
    const last = ranking.sections[ranking.sections.length - 1];
    await expectText(leader.locator(`#annual-s-${first?.sectionId}`), '第一等次');
    await expectText(leader.locator(`#annual-s-${last?.sectionId}`), '第二等次');
    // each of the year's quarters opens its own ranking
    const quarter = ranking.year.quarters[0] ?? '';
    await leader.locator(`#annual-quarter-${quarter}`).click();
    await expectText(leader.locator('#rank-title'), quarterLabel(quarter));
    await leader.goBack();
    await leader.locator('#annual-tab-cadres').click();
    const bound = new Set((t.cloud.store.find('members', { bound: true }) as MemberDoc[]).map((m) => m._id));
    const who = ranking.cadres.find((c) => bound.has(c.memberId) && !c.changed);
    if (!who) throw new Error('nobody to follow');
    await leader.locator(`#annual-c-${who.memberId}`).click();
    await expectText(leader.locator('#annual-total'), String(who.total));
    await leader.locator('#annual-source-indicators').click();
    await expectText(leader.locator('#annual-sources'), '季度');
    await shot(leader, 'annual-03-explain');

    // confirmed, published; 公示 ends (moved into the past), the cadres are notified
    for (const step of ['confirm', 'publish'] as const) data(await t.call(await t.as('M002'), 'annual', step, { year: YEAR }));
    const [y] = t.cloud.store.find('annualYears', { _id: String(YEAR) }) as YearDoc[];
    t.cloud.store.drop('annualYears');
    t.cloud.store.insertMany('annualYears', [{ ...y, publicUntil: Date.now() - 1000 }]);
    await admin.reload();
    await admin.locator('#annual-notify').click();
    await expectText(admin.locator('#annual-status-label'), '已通知');

    const cadre = await signInAs(browser, t.cloud.url, demoOpenid(who.memberId), '#assess-entry-annual');
    await cadre.locator('#assess-entry-annual').click();
    await expectText(cadre.locator('#annual-notice'), '年度考核等次为');
    await cadre.locator('#annual-acknowledge').click();
    await expectText(cadre.locator('#annual-acknowledged'), '确认收到');
    await cadre.locator('#annual-review-reason textarea').fill('第三季度考人分数录入有误，请核对');
    await cadre.locator('#annual-review-submit').click();
    await expectText(cadre.locator('#annual-review-answer'), '复核中');
    await shot(cadre, 'annual-04-review');

    await admin.goto(`${t.cloud.url}/#/annual/result/index?memberId=${who.memberId}&year=${YEAR}`);
    await admin.locator(`#annual-answer-${who.grade}`).click();
    await admin.locator('#annual-answer-note textarea').fill('经核对，原等次无误');
    await admin.locator('#annual-answer-submit').click();
    await expectText(admin.locator('#annual-review-answer'), '经核对，原等次无误');

    await cadre.reload();
    await expectText(cadre.locator('#annual-review-answer'), '复核结果');
  }, 180_000);
});

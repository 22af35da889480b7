/**
 * The year's results (年度考核) in a real browser: the admin computes the year and is refused a formula whose
 * weights do not add up; a leader reads the ranking and one cadre's explained total; the course goes through
 * confirmation and 公示 to the notice; the cadre acknowledges it and asks for review; the admin answers and the
 * cadre reads the answer.
 */
import { readFile } from 'fs/promises';
import type { Browser, Page } from 'playwright-core';
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

/**
 * Record every text the page's canvases draw, by canvas id, from the 2d context as F2 draws it; the returned check
 * waits until a canvas has drawn all of `texts`.
 */
async function recordCanvasText(page: Page): Promise<(id: string, texts: string[]) => Promise<void>> {
  await page.evaluate(() => {
    const w = window as unknown as { __drawn: Record<string, string[]> };
    w.__drawn = {};
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with the context it was drawn on
    const fillText = CanvasRenderingContext2D.prototype.fillText;
    CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, max?: number) {
      (w.__drawn[this.canvas.id] ??= []).push(String(text));
      return fillText.call(this, text, x, y, max);
    };
  });
  return async (id, texts) => {
    const read = () => page.evaluate((c) => (window as unknown as { __drawn: Record<string, string[]> }).__drawn[c] ?? [], id);
    const end = Date.now() + 10_000;
    let seen = await read();
    while (!texts.every((x) => seen.includes(x)) && Date.now() < end) {
      await page.waitForTimeout(100);
      seen = await read();
    }
    expect(seen).toEqual(expect.arrayContaining(texts));
  };
}

describe('the leaders’ charts', () => {
  it('last year (this year not computed yet): a section’s quarter trend, a cadre’s trend and five-dimension profile, drawn and in figures', async () => {
    const last = YEAR - 1;
    data(await t.call(await t.as('M002'), 'annual', 'compute', { year: last }));
    const ranking = data(await t.call(await t.as('M001'), 'annual', 'ranking', { year: last }));
    const leader = await signInAs(browser, t.cloud.url, demoOpenid('M001'), '#assess-entry-annualRanking');
    const drawn = await recordCanvasText(leader);
    // this year is not computed yet: the ranking opens on last year, saying so
    await leader.locator('#assess-entry-annualRanking').click();
    await expectText(leader.locator('#annual-ranking-note'), `${YEAR}年度考核结果尚未计算，以下为${last}年度结果`);
    await expectText(leader.locator('#annual-ranking-title'), `${last}年度`);

    // a section: tapped, its four quarters against the mean of all sections
    await leader.locator('#annual-tab-sections').click();
    const section = ranking.sections[0];
    if (!section) throw new Error('no section ranked');
    expect(section.trend.map((p) => p.periodId)).toEqual([1, 2, 3, 4].map((n) => `${last}Q${n}`));
    await leader.locator(`#annual-s-${section.sectionId}`).click();
    const sectionTrend = `annual-s-${section.sectionId}-trend`;
    for (const p of section.trend) await expectText(leader.locator(`#${sectionTrend}-${p.periodId}`), `${p.score} 分 · 第 ${p.rank}/${p.of} 名`);
    await drawn(`${sectionTrend}-chart`, ['一季度', '四季度', section.name, '股室平均']);
    await shot(leader, 'annual-05-section-trend');

    // a cadre: their quarters against the park's mean, and 德能勤绩廉 against everyone's
    await leader.locator('#annual-tab-cadres').click();
    const who = ranking.cadres[0];
    if (!who) throw new Error('no cadre ranked');
    const e = data(await t.call(await t.as('M001'), 'annual', 'explain', { year: last, memberId: who.memberId }));
    expect(e.trend).toHaveLength(4);
    expect(e.profile.map((a) => a.label)).toEqual(['德', '能', '勤', '绩', '廉']);
    await leader.locator(`#annual-c-${who.memberId}`).click();
    await expectText(leader.locator('#annual-total'), String(who.total));
    for (const p of e.trend)
      await expectText(leader.locator(`#annual-trend-${p.periodId}`), `${p.score} 分 · 第 ${p.rank}/${p.of} 名 · 全园平均 ${p.mean}`);
    const de = e.profile[0];
    await expectText(leader.locator('#annual-profile-figures'), `德 ${de?.value}（平均 ${de?.mean}）`);
    await drawn('annual-trend-chart', ['一季度', '二季度', '三季度', '四季度', '本人', '全园平均']);
    await drawn('annual-profile-chart', ['德', '能', '勤', '绩', '廉', '全体平均']);
    // drawn sharp: the canvas holds device pixels, twice its CSS size on this phone
    const size = await leader.locator('#annual-profile-chart').evaluate((c: HTMLCanvasElement) => {
      const css = c.getBoundingClientRect();
      return { width: c.width, height: c.height, css: { width: Math.round(css.width * 2), height: Math.round(css.height * 2) } };
    });
    // (the layout may settle by a fraction of a pixel after the chart is drawn)
    expect(Math.abs(size.width - size.css.width)).toBeLessThanOrEqual(2);
    expect({ height: size.height, css: size.css.height }).toEqual({ height: 520, css: 520 });
    expect(size.width).toBeGreaterThan(600);
    await shot(leader, 'annual-06-charts');
  }, 120_000);
});

describe('the year’s results', () => {
  it('computed by the admin, read by a leader, notified, acknowledged, reviewed and answered', async () => {
    const admin = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#assess-entry-annual');
    await admin.locator('#assess-entry-annual').click();
    await admin.locator('#annual-compute').click();
    await expectText(admin.locator('#annual-status-label'), '待确认');
    // weights that add up to 110%: refused, the formula stays the default
    await admin.locator('#annual-formula-0 input').fill('50');
    await admin.locator('#annual-formula-reason textarea').fill('按党工委会议意见调整权重');
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

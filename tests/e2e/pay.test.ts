/**
 * Performance pay in a real browser: a leader runs the simulator over last year's results and sees the pool shared
 * by section tier and grade, adding up; a coefficient that breaks 优秀 ≥ 1.5 × 不称职 is refused with the reason; the
 * admin saves the settings and releases the pay once the results are final; a cadre reads their own amount.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import type { YearDoc } from '../../cloudfunctions/annual/src/lib';
import type { PayRunDoc } from '../../cloudfunctions/pay/src/lib';
import { inPark } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { yuan } from '../../shared/pay/pay';
import { browserSuite, expectText, shot, signInAs } from '../support/browser';
import { data, type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;
const YEAR = inPark(Date.now()).year() - 1;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

async function patchYear(patch: Partial<YearDoc>) {
  const [y] = (await t.cloud.store.find('annualYears', { _id: String(YEAR) })) as YearDoc[];
  t.cloud.store.drop('annualYears');
  t.cloud.store.insertMany('annualYears', [{ ...y, ...patch }]);
}

describe('performance pay', () => {
  it('simulated by a leader, refused when it breaks the ratio, released by the admin, read by the cadre', async () => {
    const admin = await t.as('M002');
    data(await t.call(admin, 'annual', 'compute', { year: YEAR }));

    const leader = await signInAs(browser, t.cloud.url, demoOpenid('M001'), '#assess-entry-pay');
    await leader.locator('#assess-entry-pay').click();
    await leader.locator('#pay-simulate').click();
    await expectText(leader.locator('#pay-pool'), '奖金总额 3,000,000.00 元');
    await expectText(leader.locator('#pay-total'), '3,000,000.00 元');
    await expectText(leader.locator('#pay-blocked'), '年度考核结果尚未通知本人，不能发放');
    await shot(leader, 'pay-01-simulate');
    // 优秀 1.1 against 不称职 0.8: below 1.5 ×
    await leader.locator('#pay-field-5 input').fill('1.1');
    await leader.locator('#pay-simulate').click();
    await expectText(leader.locator('#pay-error'), '优秀系数应至少为不称职系数的1.5倍');

    // the year made final: confirmed, published, notified, past its review period
    for (const step of ['confirm', 'publish'] as const) data(await t.call(admin, 'annual', step, { year: YEAR }));
    await patchYear({ publicUntil: Date.now() - 1000 });
    data(await t.call(admin, 'annual', 'notify', { year: YEAR }));
    await patchYear({ reviewUntil: Date.now() - 1000 });

    const adminPage = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#assess-entry-pay');
    await adminPage.locator('#assess-entry-pay').click();
    await adminPage.locator('#pay-reason textarea').fill('党工委会议通过绩效奖金分配方案');
    await adminPage.locator('#pay-save').click();
    await expectText(adminPage.locator('#pay-total'), '3,000,000.00 元');
    await adminPage.locator('#pay-reason textarea').fill('年度考核结果已通知本人，复核期满');
    await adminPage.locator('#pay-release').click();
    await adminPage.locator('#pay-export').waitFor({ timeout: 15_000 });
    const [run] = (await t.cloud.store.find('payRuns', { _id: String(YEAR) })) as PayRunDoc[];
    expect(run?.rows.reduce((s, r) => s + r.fen, 0)).toBe(300_000_000);

    const bound = new Set(((await t.cloud.store.find('members', { bound: true })) as MemberDoc[]).map((m) => m._id));
    const row = run?.rows.find((r) => bound.has(r.memberId));
    if (!row) throw new Error('no bound cadre paid');
    const cadre = await signInAs(browser, t.cloud.url, demoOpenid(row.memberId), '#assess-entry-payMine');
    await cadre.locator('#assess-entry-payMine').click();
    await expectText(cadre.locator('#pay-mine-amount'), yuan(row.fen));
    await shot(cadre, 'pay-02-mine');
  }, 120_000);
});

/**
 * A feedback report in a real browser: the section head opens a cadre's quarter result, writes the report from the
 * system's draft (adding a point of their own), sends it, records the talk about it; the cadre opens 反馈报告, reads
 * it and acknowledges it.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { quarterOf, shiftQuarter } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { browserSuite, expectText, shot, signInAs } from '../support/browser';
import type { TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;
const PERIOD = shiftQuarter(quarterOf(Date.now()), -1);

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

describe('a feedback report', () => {
  it('written by the section head from the draft, sent, talked over, and acknowledged by the cadre', async () => {
    const members = (await t.cloud.store.find('members', { bound: true, active: true })) as MemberDoc[];
    const head = members.find(
      (h) =>
        h.roles.includes('sectionHead') &&
        !h.roles.includes('leader') &&
        members.some((m) => m.sectionId === h.sectionId && !m.roles.includes('sectionHead') && m.roles.includes('cadre')),
    );
    const cadre = members.find((m) => m.sectionId === head?.sectionId && !m.roles.includes('sectionHead') && m.roles.includes('cadre'));
    if (!head || !cadre) throw new Error('no section head with a bound cadre');

    const page = await signInAs(browser, t.cloud.url, demoOpenid(head._id), '#assess-entry-evaluate');
    await page.goto(`${t.cloud.url}/#/assessment/result/index?memberId=${cadre._id}&periodId=${PERIOD}`);
    await page.locator('#result-feedback').click();
    await expectText(page.locator('#feedback-title'), `${cadre.name}`);
    const plan = page.locator('#feedback-plan textarea');
    const drafted = await plan.inputValue();
    expect(drafted.length).toBeGreaterThan(0);
    await plan.fill(`${drafted}\n每月底向股室负责人汇报一次进展`);
    await shot(page, 'feedback-01-write');
    await page.locator('#feedback-send').click();
    await expectText(page.locator('#feedback-ack'), '本人尚未确认收到');
    const [report] = (await t.cloud.store.find('feedbackReports', { memberId: cadre._id })) as { _id: string; plan: string[] }[];
    expect(report?.plan[report.plan.length - 1]).toBe('每月底向股室负责人汇报一次进展');

    await page.locator('#feedback-talk-followUpOn input').fill('2030-01-01');
    await page.locator('#feedback-talk-notes textarea').fill('一起查找差距原因，听取本人想法');
    await page.locator('#feedback-talk-plan textarea').fill('每周报告一次进展');
    await page.locator('#feedback-talk-save').click();
    await expectText(page.locator(`#report-${report?._id}`), '一起查找差距原因，听取本人想法');

    const me = await signInAs(browser, t.cloud.url, demoOpenid(cadre._id), '#assess-entry-feedbackMine');
    await me.locator('#assess-entry-feedbackMine').click();
    await expectText(me.locator(`#report-${report?._id}-plan`), '每月底向股室负责人汇报一次进展');
    await me.locator(`#report-${report?._id}-acknowledge`).click();
    await expectText(me.locator(`#report-${report?._id}-acknowledged`), '确认收到');
    await shot(me, 'feedback-02-mine');
  }, 120_000);
});

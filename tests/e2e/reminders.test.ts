/**
 * Reminders in a real browser: a cadre opens 消息提醒 and subscribes from a tap (the H5 build draws WeChat's dialog;
 * the local cloud keeps WeChat's count); the timer fires near the quarter's end and the reminder lands in their
 * 服务通知, from which it opens the dossier; the admin sees the day's run.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { parkInstant, quarterOf, quarterRange } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { browserSuite, expectText, shot, signInAs } from '../support/browser';
import type { TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

describe('reminders', () => {
  it('subscribed from a tap, sent by the timer once, read in 服务通知, and watched by the admin', async () => {
    const members = (await t.cloud.store.find('members', { bound: true, active: true })) as MemberDoc[];
    const cadre = members.find((m) => m.roles.length === 1 && m.roles[0] === 'cadre');
    if (!cadre) throw new Error('no bound cadre');

    const page = await signInAs(browser, t.cloud.url, demoOpenid(cadre._id), '#assess-entry-reminders');
    await page.locator('#assess-entry-reminders').click();
    await expectText(page.locator('#reminder-todo-standing'), '未订阅');
    await page.locator('#reminders-subscribe').click();
    // the dialog WeChat would show, asking for the three templates
    await expectText(page.locator('.taro-modal__content'), '待办任务提醒');
    await shot(page, 'reminders-01-dialog');
    await page.getByText('允许', { exact: true }).click();
    await expectText(page.locator('#reminder-todo-standing'), '可收 1 条');
    await expectText(page.locator('#reminder-vote-standing'), '可收 1 条');

    // the last day of the quarter, 10:00: the dossier's reminder is due
    const at = parkInstant(quarterRange(quarterOf(Date.now())).last, '10:00');
    const fired = await t.cloud.fireTimer('reminders', 'tick', at);
    expect(fired).toMatchObject({ ok: true, result: { code: 0, data: { status: 'done' } } });
    const toCadre = t.cloud.sentMessages().filter((m) => m.touser === demoOpenid(cadre._id));
    expect(toCadre.map((m) => m.title)).toEqual(['待办任务提醒']);

    await page.reload();
    await expectText(page.locator('#reminder-todo-standing'), '未订阅');
    await expectText(page.locator('#reminders-recent'), '绩效档案');
    await page.locator('#reminders-outbox').click();
    await expectText(page.locator('#outbox-page'), '绩效档案');
    await shot(page, 'reminders-02-outbox');
    await page.getByText('进入小程序查看').click();
    await page.waitForURL(/dossier\/mine/);

    const admin = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#assess-entry-reminderRuns');
    await admin.locator('#assess-entry-reminderRuns').click();
    const day = quarterRange(quarterOf(Date.now())).last;
    await expectText(admin.locator(`#run-${day}-status`), '已完成');
    await expectText(admin.locator(`#run-${day}`), '今日已发送 1');
    await shot(admin, 'reminders-03-runs');
  }, 120_000);
});

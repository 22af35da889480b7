/**
 * The working-day calendar (节假日设置) in a real browser: the admin enters a year the built-in holiday table lacks,
 * a wrong date is refused with the reason and nothing saved, and a cadre sees the year read-only.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { parkToday } from '../../client/src/common/today';
import { expectText, shot, signInAs, browserSuite } from '../support/browser';
import { type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

describe('the working-day calendar', () => {
  it('lets the admin enter next year from the State Council’s notice, and shows it to staff read-only', async () => {
    const next = Number(parkToday().slice(0, 4)) + 1;
    const admin = await signInAs(browser, t.cloud.url, demoOpenid('M002'));
    await admin.locator('#assess-entry-calendar').click();
    await admin.locator(`#calendar-year-${next}`).click();
    // a year without the notice: the law's holidays, counted provisionally, until the admin enters it
    await expectText(admin.locator('#calendar-source'), '尚未录入');

    await admin.locator('#calendar-off textarea').fill(`${next}-01-01\n${next - 1}-12-31`);
    await admin.locator('#calendar-save').click();
    await expectText(admin.locator('#calendar-error'), `不在 ${next} 年内`);
    expect(t.cloud.store.count('calendars')).toBe(0);

    await admin.locator('#calendar-off textarea').fill(`${next}-01-01\n${next}-02-10 ${next}-02-11`);
    await admin.locator('#calendar-save').click();
    await expectText(admin.locator('#calendar-source'), '组织员已录入');
    await shot(admin, 'park-01-calendar');
    const [stored] = t.cloud.store.find('calendars', { _id: String(next) }) as { offDays: string[] }[];
    expect(stored?.offDays).toEqual([`${next}-01-01`, `${next}-02-10`, `${next}-02-11`]);

    // the cadre's home first (it answers members.me and settles), then the page by its address
    const cadre = await signInAs(browser, t.cloud.url, demoOpenid('M009'), '#assess-entry-appeals');
    await cadre.goto(`${t.cloud.url}/#/park/calendar/index`);
    await cadre.locator(`#calendar-year-${next}`).click();
    await expectText(cadre.locator('#calendar-off'), `${next}-02-10`);
    expect(await cadre.locator('#calendar-save').count()).toBe(0);
  }, 120_000);
});

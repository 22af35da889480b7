/**
 * Red and yellow cards in a real browser: a leader opens what the rules propose, is refused a decision without a
 * reason, issues a card with one; it moves to the cards in force; the cadre opens 我的红黄牌 and reads the card, why,
 * and what lifts it.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import type { MemberDoc } from '../../shared/members/member';
import { browserSuite, expectText, shot, signInAs } from '../support/browser';
import { data, type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

describe('red and yellow cards', () => {
  it('a leader issues a proposed card with a reason, and the cadre reads it and what lifts it', async () => {
    const bound = new Set(
      ((await t.cloud.store.find('members', { bound: true })) as MemberDoc[]).filter((m) => m.roles.includes('cadre')).map((m) => m._id),
    );
    const proposals = data(await t.call(await t.as('M001'), 'cards', 'proposals', {})).pending;
    const p = proposals.find((x) => bound.has(x.memberId));
    if (!p) throw new Error('no proposal for a bound cadre');

    const leader = await signInAs(browser, t.cloud.url, demoOpenid('M001'), '#assess-entry-cardsManage');
    await leader.locator('#assess-entry-cardsManage').click();
    await expectText(leader.locator('#cards-tab-pending'), `待决定（${proposals.length}）`);
    const cell = `#cards-p-${p.key}`;
    await expectText(leader.locator(cell), p.why);
    await leader.locator(`${cell}-decide`).click();
    await leader.locator(`${cell}-withhold`).click();
    await expectText(leader.locator(`${cell}-error`), '请填写理由（至少2个字）');
    expect(t.cloud.store.count('cards')).toBe(0);
    await leader.locator(`${cell}-reason textarea`).fill('经班子研究，给予警示');
    await shot(leader, 'cards-01-decide');
    await leader.locator(`${cell}-issue`).click();
    await expectText(leader.locator('#cards-tab-pending'), `待决定（${proposals.length - 1}）`);
    await leader.locator('#cards-tab-in-force').click();
    await expectText(leader.locator(`#cards-f-${p.key}`), '发放理由：经班子研究，给予警示');

    const cadre = await signInAs(browser, t.cloud.url, demoOpenid(p.memberId), '#assess-entry-cards');
    await cadre.locator('#assess-entry-cards').click();
    await expectText(cadre.locator(`#card-${p.key}`), p.why);
    await expectText(cadre.locator(`#card-${p.key}-lift-when`), `解除条件：${p.liftWhen}`);
    await expectText(cadre.locator(`#card-${p.key}-color`), p.color === 'red' ? '红牌' : '黄牌');
    await shot(cadre, 'cards-02-mine');
  }, 120_000);
});

/**
 * The admin's audit trail in a real browser: the grade changes and the formula of the year, each with who, when and
 * why; the check of the chain says it holds and gives the fingerprint to note; after an entry is changed behind the
 * functions' back, the check with that fingerprint says which entry.
 */
import type { Browser } from 'playwright-core';
import { demoOpenid } from '../../demo/park';
import { formulaFields } from '../../shared/annual/config';
import { entryHash, type AuditEntry } from '../../shared/audit/chain';
import { inPark } from '../../shared/common/time';
import { browserSuite, expectText, shot, signInAs } from '../support/browser';
import { data, type TestCloud } from '../support/cloud';

let t: TestCloud;
let browser: Browser;
const YEAR = inPark(Date.now()).year() - 1;

browserSuite((cloud, b) => {
  t = cloud;
  browser = b;
});

describe('the audit trail', () => {
  it('lists who changed what and why, checks the chain, and finds an entry changed in the database', async () => {
    const admin = await t.as('M002');
    const leader = await t.as('M001');
    data(await t.call(admin, 'annual', 'saveFormula', { ...formulaFields(YEAR), year: YEAR, reason: '党工委会议通过本年度考核办法' }));
    data(await t.call(admin, 'annual', 'compute', { year: YEAR }));
    const who = data(await t.call(leader, 'annual', 'ranking', { year: YEAR })).cadres.find((c) => c.grade === 'competent');
    if (!who) throw new Error('no 称职 cadre');
    data(await t.call(leader, 'annual', 'adjust', { year: YEAR, memberId: who.memberId, grade: 'basic', reason: '年度重点任务滞后' }));

    const page = await signInAs(browser, t.cloud.url, demoOpenid('M002'), '#assess-entry-audit');
    await page.locator('#assess-entry-audit').click();
    await expectText(page.locator('#audit-entry-2'), `${who.name}：称职 → 基本称职`);
    await expectText(page.locator('#audit-entry-2'), '理由：年度重点任务滞后');
    await expectText(page.locator('#audit-entry-2'), '刘欣');
    await expectText(page.locator('#audit-entry-1'), '修改年度考核办法');
    await page.locator('#audit-verify').click();
    await expectText(page.locator('#audit-check-result'), '记录链完整：共2条，2项记录与之相符');
    const fingerprint = ((await page.locator('#audit-fingerprint').textContent()) ?? '').match(/#\d+·[0-9a-f]{16}/)?.[0] ?? '';
    expect(fingerprint).toMatch(/^#2·/);
    await shot(page, 'audit-01-log');

    // the adjustment's reason rewritten in the database, its hash recomputed and the head moved with it
    const entries = (await t.cloud.store.find('auditLog')) as (AuditEntry & { _id: string })[];
    const forged = entries.map((e) => {
      if (e.seq !== 2) return e;
      const f = { ...e, reason: '经研究决定' };
      return { ...f, hash: entryHash(f) };
    });
    t.cloud.store.drop('auditLog');
    t.cloud.store.insertMany('auditLog', forged);
    t.cloud.store.drop('auditHead');
    t.cloud.store.insertMany('auditHead', [{ _id: 'head', seq: 2, hash: forged[1]?.hash }]);
    await page.locator('#audit-anchor input').fill(fingerprint);
    await page.locator('#audit-verify').click();
    await expectText(page.locator('#audit-check-result'), '发现问题：第2条记录与已公布的指纹不符（记录链被重写）');
    // a fingerprint mistyped is refused on the phone, with the form it should take
    await page.locator('#audit-anchor input').fill('#2·abc');
    await page.locator('#audit-verify').click();
    await expectText(page.locator('#audit-error'), '指纹格式应为');
    await shot(page, 'audit-02-forged');
  }, 120_000);
});

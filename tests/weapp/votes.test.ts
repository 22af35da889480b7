/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The BUILT weapp ballot page (client/dist/weapp/votes/ballot) under miniprogram-simulate, opened as the meeting's
 * mini-program code opens it (`scene` = `c=<campaignId>`, URL-encoded), for a real open campaign in a local cloud:
 * `wx.cloud.callFunction` is relayed to the real `votes` function as demo cadre M009. Tapping grades moves the
 * progress and the 优秀 count, and the entries are kept in the device's storage.
 *
 * Build first: npm run build:weapp, build:functions, and the local cloud (npm test does).
 */
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { text, until, weappPhone, type Phone } from '../support/weapp';

const ROUTE = 'votes/ballot/index';
let cloud: TestCloud;
let token = '';
let campaignId = '';
let phone: Phone;

beforeAll(async () => {
  cloud = await startTestCloud();
  const admin = await cloud.as('M002');
  campaignId = data(await cloud.call(admin, 'votes', 'create', { title: '2026年度班子测评', kind: 'rate_leadership', year: 2026 })).id;
  data(await cloud.call(admin, 'votes', 'open', { campaignId }));
  token = await cloud.as('M009');
  phone = await weappPhone(
    () => cloud,
    () => token,
  );
});
afterAll(() => cloud?.stop());

test('opened from the meeting code, the ballot loads the campaign and a tap moves the progress', async () => {
  const page = await phone.open(ROUTE, { scene: encodeURIComponent(`c=${campaignId}`) });
  await until(() => !!page.querySelector('#ballot-progress'), 10_000);
  expect(phone.calls).toContainEqual({ name: 'votes', data: { action: 'ballot', input: { campaignId }, requestId: expect.any(String) } });
  expect(text(page.querySelector('#ballot-progress'))).toBe('已评 0 / 7');
  expect(text(page.querySelector('#ballot-excellent'))).toBe('总体优秀 0 / 1');

  // One 优秀 on 德 alone already makes M001 优秀 overall (weighted over what is rated).
  page.querySelector('#cand-M001-de-excellent')?.dispatchEvent('tap');
  await until(() => text(page.querySelector('#ballot-excellent')) === '总体优秀 1 / 1');
  for (const d of ['neng', 'qin', 'ji', 'lian']) page.querySelector(`#cand-M001-${d}-competent`)?.dispatchEvent('tap');
  await until(() => text(page.querySelector('#ballot-progress')) === '已评 1 / 7');
  // (95×25 + 80×75) / 100 = 83.75: 称职 overall
  expect(text(page.querySelector('#ballot-excellent'))).toBe('总体优秀 0 / 1');

  const kept = JSON.parse(String(phone.storage.get(`ys.ballot.${campaignId}`))) as Record<string, Record<string, string>>;
  expect(kept.M001).toEqual({ de: 'excellent', neng: 'competent', qin: 'competent', ji: 'competent', lian: 'competent' });
});

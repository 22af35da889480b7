/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The BUILT weapp annual result page (client/dist/weapp/annual/result) under miniprogram-simulate, as a cadre opens
 * it from their home once the year is published: their total and grade, the four evaluations with weights and
 * points from the real `annual` function in a local cloud, and a tap on one shows the quarters behind it.
 *
 * Build first: npm run build:weapp, build:functions, and the local cloud (npm test does).
 */
import { inPark } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { text, until, weappPhone, type Phone } from '../support/weapp';

const ROUTE = 'annual/result/index';
const YEAR = inPark(Date.now()).year();
let cloud: TestCloud;
let token = '';
let who: { memberId: string; total: number } | undefined;
let phone: Phone;

beforeAll(async () => {
  cloud = await startTestCloud();
  const admin = await cloud.as('M002');
  for (const step of ['compute', 'confirm', 'publish'] as const) data(await cloud.call(admin, 'annual', step, { year: YEAR }));
  const bound = new Set(((await cloud.cloud.store.find('members', { bound: true })) as MemberDoc[]).map((m) => m._id));
  who = data(await cloud.call(admin, 'annual', 'ranking', { year: YEAR })).cadres.find((c) => bound.has(c.memberId));
  token = await cloud.as(who?.memberId ?? '');
  phone = await weappPhone(
    () => cloud,
    () => token,
  );
});
afterAll(() => cloud?.stop());

test('the published result loads with its total and the four evaluations, and a tap shows the records', async () => {
  const page = await phone.open(ROUTE, {});
  await until(() => !!page.querySelector('#annual-total'), 10_000);
  expect(text(page.querySelector('#annual-total'))).toContain(String(who?.total));
  expect(phone.calls).toContainEqual({ name: 'annual', data: { action: 'explain', input: { year: YEAR }, requestId: expect.any(String) } });
  expect(text(page.querySelector('#annual-source-indicators-points'))).toMatch(/× .*% = .* 分/);
  page.querySelector('#annual-source-indicators')?.dispatchEvent('tap');
  await until(() => text(page.querySelector('#annual-sources')).includes('季度'));
});

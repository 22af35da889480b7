/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The BUILT weapp annual result page (client/dist/weapp/annual/result) under miniprogram-simulate, as a cadre opens
 * it from their home once the year is published: their total and grade, the four evaluations with weights and
 * points from the real `annual` function in a local cloud, and a tap on one shows the quarters behind it; last year's,
 * a chip away, draws its trend and 德能勤绩廉 charts with F2 on the 2d canvas nodes a phone's selector query gives.
 *
 * Build first: npm run build:weapp, build:functions, and the local cloud (npm test does).
 */
import { inPark } from '../../shared/common/time';
import type { MemberDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { text, until, weappPhone, type Phone, type SimComponent } from '../support/weapp';

const ROUTE = 'annual/result/index';
const YEAR = inPark(Date.now()).year();
let cloud: TestCloud;
let token = '';
let who: { memberId: string; total: number } | undefined;
let phone: Phone;
let page: SimComponent;

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
  page = await phone.open(ROUTE, {});
  await until(() => !!page.querySelector('#annual-total'), 10_000);
  expect(text(page.querySelector('#annual-total'))).toContain(String(who?.total));
  expect(phone.calls).toContainEqual({ name: 'annual', data: { action: 'explain', input: { year: YEAR }, requestId: expect.any(String) } });
  expect(text(page.querySelector('#annual-source-indicators-points'))).toMatch(/× .*% = .* 分/);
  page.querySelector('#annual-source-indicators')?.dispatchEvent('tap');
  await until(() => text(page.querySelector('#annual-sources')).includes('季度'));
});

test('last year’s result, a tap away, draws the quarter trend and the five-dimension profile on 2d canvases', async () => {
  // last year computed and published: the cadre may read it (the page was opened by the test above; a page of
  // the simulated app opens once)
  const last = YEAR - 1;
  const admin = await cloud.as('M002');
  for (const step of ['compute', 'confirm', 'publish'] as const) data(await cloud.call(admin, 'annual', step, { year: last }));
  const e = data(await cloud.call(admin, 'annual', 'explain', { year: last, memberId: who?.memberId }));
  expect(e.trend).toHaveLength(4);
  page.querySelector(`#annual-result-year-${last}`)?.dispatchEvent('tap');
  await until(() => text(page.querySelector('#annual-card')).includes(`${last}年度`), 10_000);
  const drawn = (id: string) => phone.drawn.get(`#${id}`) ?? [];
  await until(() => drawn('annual-profile-chart').includes('廉') && drawn('annual-trend-chart').includes('四季度'), 10_000);
  expect(drawn('annual-trend-chart')).toEqual(expect.arrayContaining(['一季度', '二季度', '三季度', '四季度', '本人', '全园平均']));
  expect(drawn('annual-profile-chart')).toEqual(expect.arrayContaining(['德', '能', '勤', '绩', '廉', '全体平均']));
  // and the figures as text beside them
  const first = e.trend[0];
  expect(text(page.querySelector(`#annual-trend-${first?.periodId}`))).toContain(`${first?.score} 分 · 第 ${first?.rank}/${first?.of} 名`);
  expect(text(page.querySelector('#annual-profile-figures'))).toContain(`德 ${e.profile[0]?.value}`);
});

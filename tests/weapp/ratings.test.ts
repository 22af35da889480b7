/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The BUILT weapp rating page (client/dist/weapp/ratings/rate) under miniprogram-simulate, opened as a printed
 * mini-program code opens it (`scene` = `r=<code>`, URL-encoded), by a WeChat user bound to nobody: the enterprise
 * and the four dimensions load from the real `ratings` function in a local cloud; rating all four and submitting
 * counts one rating and shows the thanks.
 *
 * Build first: npm run build:weapp, build:functions, and the local cloud (npm test does).
 */
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { text, until, weappPhone, type Phone } from '../support/weapp';

const ROUTE = 'ratings/rate/index';
let cloud: TestCloud;
let token = '';
let code = '';
let campaignId = '';
let phone: Phone;

beforeAll(async () => {
  cloud = await startTestCloud();
  const admin = await cloud.as('M002');
  const closesOn = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
  campaignId = data(await cloud.call(admin, 'ratings', 'create', { title: '2026年度企业满意度评价', year: 2026, share: 0.2, closesOn })).id;
  data(await cloud.call(admin, 'ratings', 'draw', { campaignId }));
  const [first] = (await cloud.cloud.store.find('ratingCodes', { campaignId })) as { code: string }[];
  code = first?.code ?? '';
  token = (await cloud.newUser()).token;
  phone = await weappPhone(
    () => cloud,
    () => token,
  );
});
afterAll(() => cloud?.stop());

test('opened from a printed code by anyone, the rating loads, takes the four dimensions and counts once', async () => {
  const page = await phone.open(ROUTE, { scene: encodeURIComponent(`r=${code}`) });
  await until(() => !!page.querySelector('#dim-efficiency-5'), 10_000);
  expect(phone.calls).toContainEqual({ name: 'ratings', data: { action: 'form', input: { code }, requestId: expect.any(String) } });
  for (const d of ['efficiency', 'policy', 'support', 'conduct']) page.querySelector(`#dim-${d}-5`)?.dispatchEvent('tap');
  // the button turns ready once every dimension has its level
  await until(() => text(page.querySelector('#rate-submit')).includes('提交评价'));
  page.querySelector('#rate-submit')?.dispatchEvent('tap');
  await until(() => !!page.querySelector('#rate-done'), 10_000);
  expect(text(page.querySelector('#rate-done'))).toContain('感谢');
  // four dimension answers, each stored on its own
  expect(cloud.cloud.store.count('ratings', { campaignId })).toBe(4);
});

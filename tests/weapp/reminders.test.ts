/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The BUILT weapp 消息提醒 page (client/dist/weapp/reminders/settings) under miniprogram-simulate: the tap asks WeChat's
 * own dialog (wx.requestSubscribeMessage, the three templates in one call), and what the person answered reaches
 * the platform and the product alike — an 允许 is one message more of each template, a 取消 none.
 *
 * Build first: npm run build:weapp, build:functions, and the local cloud (npm test does).
 */
import { demoOpenid } from '../../demo/park';
import type { MemberDoc } from '../../shared/members/member';
import { TEMPLATE_KEYS, TEMPLATES } from '../../shared/reminders/templates';
import { startTestCloud, type TestCloud } from '../support/cloud';
import { text, until, weappPhone, type Phone, type SimComponent } from '../support/weapp';

let cloud: TestCloud;
let cadre: MemberDoc;
let token = '';
let phone: Phone;
let page: SimComponent;

beforeAll(async () => {
  cloud = await startTestCloud();
  const members = (await cloud.cloud.store.find('members', { bound: true, active: true })) as MemberDoc[];
  cadre = members.find((m) => m.roles.length === 1 && m.roles[0] === 'cadre') as MemberDoc;
  token = await cloud.as(cadre._id);
  phone = await weappPhone(
    () => cloud,
    () => token,
  );
});
afterAll(() => cloud?.stop());

test('a tap asks WeChat for the three templates; 取消 allows nothing, 允许 one message of each', async () => {
  page = await phone.open('reminders/settings/index', {});
  await until(() => text(page.querySelector('#reminder-todo-standing')).includes('未订阅'), 10_000);

  phone.subscribeAnswer = 'reject';
  page.querySelector('#reminders-subscribe')?.dispatchEvent('tap');
  await until(() => phone.calls.some((c) => (c.data as { action?: string }).action === 'subscribe'));
  expect(phone.subscribeAsks).toEqual([TEMPLATE_KEYS.map((k) => TEMPLATES[k].id)]);
  expect(cloud.cloud.subscribeCredits(demoOpenid(cadre._id), TEMPLATES.todo.id)).toBe(0);
  expect(text(page.querySelector('#reminder-todo-standing'))).toContain('未订阅');
  // the page takes the next tap once the first answer is recorded
  await new Promise((r) => setTimeout(r, 500));

  phone.subscribeAnswer = 'accept';
  page.querySelector('#reminders-subscribe')?.dispatchEvent('tap');
  await until(() => text(page.querySelector('#reminder-vote-standing')).includes('可收 1 条'), 10_000);
  const subscribes = phone.calls.filter((c) => (c.data as { action?: string }).action === 'subscribe');
  expect(subscribes.map((c) => (c.data as { input: unknown }).input)).toEqual([
    { answers: { todo: 'reject', vote: 'reject', feedback: 'reject' } },
    { answers: { todo: 'accept', vote: 'accept', feedback: 'accept' } },
  ]);
  for (const k of TEMPLATE_KEYS) expect(cloud.cloud.subscribeCredits(demoOpenid(cadre._id), TEMPLATES[k].id)).toBe(1);
});

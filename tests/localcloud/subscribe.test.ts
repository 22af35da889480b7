/**
 * Subscribe messages as WeChat keeps them, through the real SDK: a person's acceptances (given only by that signed-in
 * person, through the dialog's stand-in), one message per acceptance, the platform's codes for what it refuses, the
 * keyword rules, an outbox only its person reads — and a cloud call a function did not declare, refused.
 */
import { callFn, login, postJson, startTestCloud } from './helpers';
import type { LocalCloud } from '../../localcloud/src/index';

const TEMPLATES = {
  T_TODO: { title: '待办任务提醒', keywords: { thing1: '任务名称', time2: '截止时间', phrase3: '状态' } },
  T_LONG: { title: '审批进度提醒', keywords: { thing1: '事项' }, longTerm: true },
};
let cloud: LocalCloud;
let token: string;
const OPENID = 'o_subscriber';
const send = async (params: object) => (await callFn(cloud, 'notify', { params }, token)).result;
const todo = (data: Record<string, string>, extra: object = {}) => ({
  touser: OPENID,
  templateId: 'T_TODO',
  page: 'dossier/mine/index?x=1',
  data: Object.fromEntries(Object.entries(data).map(([k, value]) => [k, { value }])),
  ...extra,
});
const GOOD = { thing1: '第四季度绩效档案', time2: '2026年12月31日 23:59', phrase3: '待填写' };
const accept = (tmplIds: string[], tok = token) =>
  postJson(`${cloud.url}/api/subscribe`, { tmplIds, answers: Object.fromEntries(tmplIds.map((id) => [id, 'accept'])) }, { 'X-Session': tok });

beforeAll(async () => {
  cloud = await startTestCloud('subscribe', { subscribeTemplates: TEMPLATES });
  token = await login(cloud, OPENID);
});
afterAll(() => cloud.stop());

test('one message per acceptance; without one the platform answers 43101', async () => {
  expect(await send(todo(GOOD))).toMatchObject({ ok: false, errCode: 43101 });
  expect(await accept(['T_TODO'])).toEqual({ errMsg: 'requestSubscribeMessage:ok', T_TODO: 'accept' });
  expect(await accept(['T_TODO'])).toMatchObject({ T_TODO: 'accept' });
  expect(cloud.subscribeCredits(OPENID, 'T_TODO')).toBe(2);
  expect(await send(todo(GOOD))).toMatchObject({ ok: true, errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' });
  expect(await send(todo(GOOD))).toMatchObject({ ok: true });
  expect(await send(todo(GOOD))).toMatchObject({ ok: false, errCode: 43101 });
  // a reject gives nothing
  await postJson(`${cloud.url}/api/subscribe`, { tmplIds: ['T_TODO'], answers: { T_TODO: 'reject' } }, { 'X-Session': token });
  expect(await send(todo(GOOD))).toMatchObject({ ok: false, errCode: 43101 });
  expect(cloud.sentMessages().filter((m) => m.touser === OPENID)).toHaveLength(2);
});

test('a long-term template carries many messages while accepted', async () => {
  const long = { touser: OPENID, templateId: 'T_LONG', data: { thing1: { value: '用地审批' } } };
  expect(await send(long)).toMatchObject({ errCode: 43101 });
  await accept(['T_LONG']);
  for (let i = 0; i < 3; i += 1) expect(await send(long)).toMatchObject({ ok: true });
  // a one-time and a long-term template cannot be asked for in one dialog
  expect(await accept(['T_TODO', 'T_LONG'])).toMatchObject({ errCode: 20002 });
});

test('what the platform refuses uses no acceptance: bad person, template, page or keyword value', async () => {
  await accept(['T_TODO']);
  expect(await send(todo(GOOD, { touser: '' }))).toMatchObject({ errCode: 40003 });
  expect(await send(todo(GOOD, { templateId: 'T_NONE' }))).toMatchObject({ errCode: 40037 });
  expect(await send(todo(GOOD, { page: '/dossier/mine/index' }))).toMatchObject({ errCode: 41030 });
  expect(await send(todo({ ...GOOD, thing1: '一二三四五六七八九十一二三四五六七八九十一' }))).toMatchObject({ errCode: 47003 });
  expect(await send(todo({ ...GOOD, phrase3: '待填写的' + '状态' }))).toMatchObject({ errCode: 47003 });
  expect(await send(todo({ ...GOOD, time2: '季度末' }))).toMatchObject({ errCode: 47003 });
  expect(await send(todo({ thing1: GOOD.thing1, time2: GOOD.time2 }))).toMatchObject({ errCode: 47003, errMsg: expect.stringContaining('phrase3') });
  expect(cloud.subscribeCredits(OPENID, 'T_TODO')).toBe(1);
  expect(await send(todo(GOOD))).toMatchObject({ ok: true });
});

test('the outbox is its person’s own, and acceptances are given only by the signed-in person', async () => {
  const other = await login(cloud, 'o_someone_else');
  const mine = await (await fetch(`${cloud.url}/api/outbox`, { headers: { 'X-Session': token } })).json();
  expect(mine.messages.length).toBeGreaterThan(0);
  expect(mine.messages[0]).toMatchObject({ title: '待办任务提醒', page: 'dossier/mine/index?x=1' });
  expect(mine.messages[0].fields[0]).toEqual({ keyword: 'thing1', label: '任务名称', value: '第四季度绩效档案' });
  expect(JSON.stringify(mine)).not.toContain('touser');
  const theirs = await (await fetch(`${cloud.url}/api/outbox`, { headers: { 'X-Session': other } })).json();
  expect(theirs.messages).toEqual([]);
  expect((await fetch(`${cloud.url}/api/outbox`)).status).toBe(401);
  // someone else's acceptance cannot be given: the session decides whose it is
  const before = cloud.subscribeCredits(OPENID, 'T_TODO');
  await accept(['T_TODO'], other);
  expect(cloud.subscribeCredits(OPENID, 'T_TODO')).toBe(before);
  expect(cloud.subscribeCredits('o_someone_else', 'T_TODO')).toBe(1);
});

test('a cloud call a function did not declare in its config.json is refused (-604101)', async () => {
  expect((await callFn(cloud, 'undeclared', {}, token)).result).toMatchObject({ ok: false, errCode: -604101 });
});

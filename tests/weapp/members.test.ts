/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The BUILT weapp's bind page under miniprogram-simulate, opened from an invite's mini-program code (`scene` = the
 * code): it shows the code, taps 绑定, calls the real `members` function through a local cloud as a fresh WeChat
 * user, shows the refusal of an unknown code in Chinese, then binds with the code the admin issued.
 */
import fs from 'fs';
import path from 'path';
import type { BindingDoc } from '../../shared/members/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { nodeById, simulate, tap, text, until, weappDist, weappPhone, type Phone, type SimComponent } from '../support/weapp';

let cloud: TestCloud;
let user: { token: string; openid: string };
let phone: Phone;
/** The bind page, opened once: the second test goes on where the first left off, as a person would. */
let page: SimComponent;

beforeAll(async () => {
  cloud = await startTestCloud();
  user = await cloud.newUser();
  phone = await weappPhone(
    () => cloud,
    () => user.token,
  );
});
afterAll(() => cloud?.stop());

test('an invite code nobody issued: the code is shown, 绑定 calls members/bind, the refusal is shown in Chinese', async () => {
  const wx = (globalThis as unknown as { wx: { cloud: { init: jest.Mock } } }).wx;
  await until(() => wx.cloud.init.mock.calls.length > 0);
  expect(wx.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }));

  page = await phone.open('pages/bind/index', { scene: encodeURIComponent('abcd2345') });
  await until(() => !!page.querySelector('#bind-submit'));
  // j-component's built-in <input> keeps no properties: read the value from the page's data tree, through the
  // key Taro's base.wxml binds to <input value="{{i.pNN}}"> (Taro shortens attribute names in its templates)
  const valueKey = /<input value="\{\{i\.(\w+)\}\}"/.exec(fs.readFileSync(path.join(weappDist, 'base.wxml'), 'utf8'))?.[1] ?? 'value';
  expect(nodeById(page.instance.data, 'bind-code')?.[valueKey]).toBe('ABCD2345');

  // the page asks park.status on opening (a park not set up shows its first set-up): the tap's call is members/bind
  const bindCall = () => phone.calls.find((c) => c.name === 'members');
  tap(page, '#bind-submit');
  await until(() => bindCall() !== undefined);
  // every try of one submission carries the same request id (client/src/common/call.ts)
  expect(bindCall()).toEqual({
    name: 'members',
    data: { action: 'bind', input: { code: 'ABCD2345' }, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) },
  });
  await until(() => !!page.querySelector('#bind-error'), 10_000);
  expect(text(page.querySelector('#bind-error'))).toBe('邀请码不存在，请核对后重新输入');
  expect(cloud.cloud.store.count('bindings', { _id: user.openid })).toBe(0);
});

test('then typing the code the admin issued: 绑定 binds this WeChat identity and goes home', async () => {
  const admin = await cloud.as('M002');
  const [newcomer] = cloud.cloud.store.find('members', { bound: false, roles: 'cadre' }) as { _id: string }[];
  if (!newcomer) throw new Error('no unbound member in the demo park');
  const invite = data(await cloud.call(admin, 'members', 'issueInvite', { memberId: newcomer._id }));

  page.querySelector('#bind-code')?.dispatchEvent('input', { detail: { value: invite.code.toLowerCase() } });
  await simulate.sleep(50); // let React take the typed value before the tap
  tap(page, '#bind-submit');
  await until(() => phone.relaunched.some((u) => u.includes('pages/index/index')), 10_000);
  const [binding] = cloud.cloud.store.find('bindings', { _id: user.openid }) as BindingDoc[];
  expect(binding?.memberId).toBe(newcomer._id);
});

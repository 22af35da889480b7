/** The function host through the gateway, as the H5 mini-program calls it. */
import { callFn, login, postJson, startTestCloud, TEST_PLAN } from './helpers';
import type { LocalCloud } from '../../localcloud/src/index';

let cloud: LocalCloud;
beforeAll(async () => {
  cloud = await startTestCloud('fn');
});
afterAll(() => cloud.stop());

// as many callers at once as the plan runs instances of one function (20 on basic): beyond that the platform
// refuses the call (limits.test.ts)
test(`${TEST_PLAN.functionInstances} concurrent callers each see their own OPENID`, async () => {
  const openids = Array.from({ length: TEST_PLAN.functionInstances }, (_x, i) => `o_user_${i}`);
  const tokens = await Promise.all(openids.map((o) => login(cloud, o)));
  const replies = await Promise.all(tokens.map((t, i) => callFn(cloud, 'whoami', { tag: i }, t)));
  replies.forEach((r, i) => {
    expect(r.result).toMatchObject({ openid: openids[i], before: openids[i], tag: i, appid: 'wx-local-yardstick', env: 'yardstick-local' });
    expect(r.result.userInfo).toEqual({ appId: 'wx-local-yardstick', openId: openids[i] });
  });
});

test('login validates the openid; newUser gets a fresh o_local_ id; unknown token runs with empty OPENID', async () => {
  expect((await postJson(`${cloud.url}/api/dev/login`, { openid: 'bad id!' })).token).toBeUndefined();
  const fresh = await postJson(`${cloud.url}/api/dev/login`, { newUser: true });
  expect(fresh.openid).toMatch(/^o_local_/);
  expect((await callFn(cloud, 'whoami', {}, fresh.token)).result.openid).toBe(fresh.openid);
  expect((await callFn(cloud, 'whoami', {}, 'forged.token')).result.openid).toBe('');
  expect((await callFn(cloud, 'whoami', {})).result.openid).toBe('');
});

test('timeout from config.json kills the instance and reports a timeout', async () => {
  const r = await callFn(cloud, 'slow', { ms: 5000 });
  expect(r.result).toBeUndefined(); // the 5 s of work never finished
  expect(r.errCode).toBe(-504003);
  expect(r.errMsg).toMatch(/^callFunction:fail .*timed out after 1 seconds/);
  // the function still works afterwards (new instance)
  expect((await callFn(cloud, 'slow', { ms: 10 })).result).toEqual({ waited: 10 });
});

test('a result over 1 MB is an error; under is fine', async () => {
  expect((await callFn(cloud, 'big', { size: 1000 })).result.s).toHaveLength(1000);
  const r = await callFn(cloud, 'big', { size: 1100 * 1024 });
  expect(r.errCode).toBe(-604001);
  expect(r.result).toBeUndefined();
});

test('call data over 100 KB is refused like wx.cloud.callFunction', async () => {
  const r = await callFn(cloud, 'whoami', { blob: 'x'.repeat(101 * 1024) });
  expect(r.errMsg).toMatch(/^callFunction:fail .*100KB/);
});

test('thrown errors and unknown functions are platform failures', async () => {
  const boom = await callFn(cloud, 'boom', {});
  expect(boom.errCode).toBe(-504002);
  expect(boom.errMsg).toMatch(/^callFunction:fail .*boom from function/);
  const none = await callFn(cloud, 'no-such-function', {});
  expect(none.errCode).toBe(-501000);
});

test('a function calling another through the SDK (no mini-program user in the callee)', async () => {
  const t = await login(cloud, 'o_nested');
  const r = await callFn(cloud, 'caller', { target: 'whoami' }, t);
  expect(r.result).toMatchObject({ ok: true, me: 'o_nested', result: { openid: '', tag: 'nested', source: 'wx_server' } });
  const failed = await callFn(cloud, 'caller', { target: 'boom' }, t);
  expect(failed.result.ok).toBe(false);
  // node-sdk throws a TcbError (an Error), which wx-server-sdk reports with errCode -1 and the message kept
  expect(failed.result.errCode).toBe(-1);
  expect(failed.result.errMsg).toMatch(/callFunction:fail .*-504002.*boom from function/s);
});

test('ten instances making the same request at the same moment are ten requests, not replays of one', async () => {
  // each new instance's SDK numbers its requests from 1: only the invocation's own id (TCB_SEQID) tells them apart
  const t = await login(cloud, 'o_same');
  const replies = await Promise.all(Array.from({ length: 10 }, () => callFn(cloud, 'caller', { target: 'whoami' }, t)));
  expect(replies.map((r) => r.result?.ok)).toEqual(Array.from({ length: 10 }, () => true));
});

describe('instances are reclaimed', () => {
  let small: LocalCloud;
  beforeAll(async () => {
    // idle instances stopped after 300 ms; three instances of all functions together
    small = await startTestCloud('fn-retire', { idleRetireMs: 300, maxTotalInstances: 3 });
  });
  afterAll(() => small.stop());

  test('an idle instance is stopped, so a burst gives its memory back', async () => {
    await Promise.all([0, 1, 2].map((i) => callFn(small, 'whoami', { tag: i })));
    expect(small.usage().alive.whoami).toBe(3);
    await new Promise((r) => setTimeout(r, 800));
    expect(small.usage().alive.whoami ?? 0).toBe(0);
    expect(small.usage().retired).toBeGreaterThanOrEqual(3);
    // and the next call simply starts a fresh one
    expect((await callFn(small, 'whoami', { tag: 9 })).result).toMatchObject({ tag: 9 });
  });

  test('all functions together stay under the bound: an idle instance of another function makes room; all busy, the call is refused', async () => {
    await new Promise((r) => setTimeout(r, 800));
    await callFn(small, 'whoami', {});
    // three slow calls at once: the idle whoami instance is stopped to make room for the third
    const slow = [0, 1, 2].map(() => callFn(small, 'slow', { ms: 400 }));
    await new Promise((r) => setTimeout(r, 100));
    const alive = small.usage().alive;
    expect(Object.values(alive).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
    expect(alive.whoami ?? 0).toBe(0);
    // a fourth while the three run: refused as the platform refuses, not queued
    const refused = await callFn(small, 'whoami', {});
    expect(refused.errCode).toBe(-501004);
    expect((await Promise.all(slow)).every((r) => r.result?.waited === 400)).toBe(true);
  });
});

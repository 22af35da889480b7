/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The BUILT weapp (client/dist/weapp) under miniprogram-simulate: the bind page opened from an invite's
 * mini-program code (`scene` = the code) shows the code, taps 绑定, calls the `members` cloud function with
 * `{ action: 'bind', input: { code } }`, and shows the reply: the real one, since `wx.cloud.callFunction` is relayed
 * to a local cloud running the real `members` function as a fresh WeChat user would be seen.
 *
 * Build first: npm run build:weapp, build:functions, and the local cloud (npm test does).
 */
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
import type { BindingDoc } from '../../shared/domain/member';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate') as {
  load: (p: string, opts?: { rootPath?: string }) => string;
  render: (id: string, props?: Record<string, unknown>) => SimComponent;
  sleep: (ms: number) => Promise<void>;
};

interface SimComponent {
  dom: HTMLElement;
  attach: (parent: Element) => void;
  querySelector: (sel: string) => SimComponent | null;
  dispatchEvent: (name: string, detail?: Record<string, unknown>) => void;
  instance: Record<string, unknown>;
}

const dist = path.resolve(__dirname, '..', '..', 'client', 'dist', 'weapp');

type CallArg = { name: string; data: unknown };
const calls: CallArg[] = [];
const relaunched: string[] = [];
let pageOptions: Record<string, string> = {};
let cloud: TestCloud;
/** The bind page, opened once: the second test goes on where the first left off, as a person would. */
let page: SimComponent;
/** The WeChat identity this simulated phone stands for: a user who has not bound yet. */
let user: { token: string; openid: string };

function installGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  const wxBase = (g.wx as Record<string, unknown> | undefined) ?? {};
  const noop = (o?: { success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
    o?.success?.({ errMsg: 'ok' });
    o?.complete?.({ errMsg: 'ok' });
  };
  g.wx = {
    ...wxBase,
    cloud: {
      init: jest.fn(),
      // wx.cloud.callFunction as the platform does it: the caller's identity comes with the session, not the data.
      callFunction: jest.fn(async (arg: CallArg) => {
        calls.push(arg);
        const r = await cloud.raw(user.token, arg.name, arg.data);
        if ('result' in r) return { result: r.result, errMsg: 'cloud.callFunction:ok' };
        throw { errCode: r.errCode, errMsg: r.errMsg };
      }),
      uploadFile: jest.fn(),
    },
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.7.12' }),
    getStorageSync: () => '',
    setStorageSync: () => undefined,
    showToast: noop,
    showModal: noop,
    showLoading: noop,
    hideLoading: noop,
    reLaunch: (o: { url: string; success?: (r: unknown) => void }) => {
      relaunched.push(o.url);
      noop(o);
    },
    redirectTo: (o: { url: string; success?: (r: unknown) => void }) => {
      relaunched.push(o.url);
      noop(o);
    },
    navigateTo: noop,
    navigateBack: noop,
    setNavigationBarTitle: noop,
    stopPullDownRefresh: noop,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
  };
  const app: Record<string, unknown> = {};
  g.App = (opts: Record<string, unknown>) => Object.assign(app, opts);
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  // A Taro page is `Page(options)` with methods at the top level: run it as a component whose lifetimes
  // call the page hooks, the way the mini-program does on open.
  g.Page = (opts: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(opts)) if (typeof v === 'function') methods[k] = v;
    const route = 'pages/bind/index';
    (g.Component as (o: unknown) => void)({
      data: opts.data ?? {},
      options: (opts.options as object | undefined) ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad?: (o: unknown) => void; onShow?: () => void }) {
          this.route = route;
          this.__route__ = route;
          this.onLoad?.(pageOptions);
          this.onShow?.();
        },
        ready(this: { onReady?: () => void }) {
          this.onReady?.();
        },
      },
    });
  };
}

/** Find the node Taro renders for an element with this id in the page's data (`uid` holds a set id). */
function nodeById(tree: unknown, id: string): Record<string, unknown> | null {
  if (!tree || typeof tree !== 'object') return null;
  const o = tree as Record<string, unknown>;
  if (o.uid === id || o.id === id) return o;
  for (const v of Object.values(o)) {
    const hit = nodeById(v, id);
    if (hit) return hit;
  }
  return null;
}

function text(el: Element | null | undefined): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await simulate.sleep(20);
  }
}

beforeAll(async () => {
  // The local cloud runs in this test's process, whose jsdom globals lack Node's text codecs.
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
  if (!fs.existsSync(path.join(dist, 'app.js'))) throw new Error(`no weapp build at ${dist}: run npm run build:weapp`);
  cloud = await startTestCloud();
  user = await cloud.newUser();
  installGlobals();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(dist, 'app.js'));
  const app = (globalThis as unknown as { getApp: () => { onLaunch?: (o: unknown) => void } }).getApp();
  app.onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1047 });
});
afterAll(() => cloud?.stop());

/** Open the bind page as the mini-program code would: `scene` carries the invite code, URL-encoded. */
async function openBindPage(scene: string): Promise<SimComponent> {
  pageOptions = { scene: encodeURIComponent(scene) };
  const id = simulate.load(path.join(dist, 'pages/bind/index'), { rootPath: dist });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  await simulate.sleep(50);
  await until(() => !!page.querySelector('#bind-submit'));
  return page;
}

function tap(page: SimComponent, selector: string): void {
  const el = page.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.dispatchEvent('tap');
}

test('an invite code nobody issued: the code is shown, 绑定 calls members/bind, the refusal is shown in Chinese', async () => {
  const g = globalThis as unknown as { wx: { cloud: { init: jest.Mock } } };
  await until(() => g.wx.cloud.init.mock.calls.length > 0);
  expect(g.wx.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }));

  page = await openBindPage('abcd2345');
  expect(page.querySelector('#bind-code')).toBeTruthy();
  // j-component's built-in <input> keeps no properties: read the value from the page's data tree, through the
  // key Taro's base.wxml binds to <input value="{{i.pNN}}"> (Taro shortens attribute names in its templates)
  const valueKey = /<input value="\{\{i\.(\w+)\}\}"/.exec(fs.readFileSync(path.join(dist, 'base.wxml'), 'utf8'))?.[1] ?? 'value';
  expect(nodeById(page.instance.data, 'bind-code')?.[valueKey]).toBe('ABCD2345');

  tap(page, '#bind-submit');
  await until(() => calls.length > 0);
  expect(calls[0]).toEqual({ name: 'members', data: { action: 'bind', input: { code: 'ABCD2345' } } });

  await until(() => !!page.querySelector('#bind-error'), 10_000);
  expect(text(page.querySelector('#bind-error')?.dom)).toBe('邀请码不存在，请核对后重新输入');
  expect(cloud.cloud.store.count('bindings', { _id: user.openid })).toBe(0);
});

test('then typing the code the admin issued: 绑定 binds this WeChat identity and goes home', async () => {
  const admin = await cloud.as('M002');
  const [newcomer] = cloud.cloud.store.find('members', { bound: false, roles: 'cadre' }) as { _id: string }[];
  if (!newcomer) throw new Error('no unbound member in the demo park');
  const invite = data(await cloud.call(admin, 'members', 'issueInvite', { memberId: newcomer._id }));

  page.querySelector('#bind-code')?.dispatchEvent('input', { detail: { value: invite.code.toLowerCase() } });
  await simulate.sleep(50);
  tap(page, '#bind-submit');
  await until(() => relaunched.some((u) => u.includes('pages/index/index')), 10_000);
  const [binding] = cloud.cloud.store.find('bindings', { _id: user.openid }) as BindingDoc[];
  expect(binding?.memberId).toBe(newcomer._id);
});

/** @jest-environment jsdom */
/**
 * The BUILT weapp (client/dist/weapp) under miniprogram-simulate: the bind page opened from an invite's
 * mini-program code (`scene` = the code) shows the code, taps 绑定, calls the `members` cloud function with
 * `{ action: 'bind', input: { code } }`, and shows the error reply in Chinese.
 *
 * wx.cloud.callFunction is stubbed HERE only (later wired to the local cloud). Build first: npm run build:weapp.
 */
import fs from 'node:fs';
import path from 'node:path';

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
const reply: unknown = { result: { code: 'NOT_FOUND', message: '邀请码不存在' } };
let pageOptions: Record<string, string> = {};

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
      callFunction: jest.fn(async (arg: CallArg) => {
        calls.push(arg);
        return reply;
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
    reLaunch: noop,
    redirectTo: noop,
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

beforeAll(() => {
  if (!fs.existsSync(path.join(dist, 'app.js'))) throw new Error(`no weapp build at ${dist}: run npm run build:weapp`);
  installGlobals();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(dist, 'app.js'));
  const app = (globalThis as unknown as { getApp: () => { onLaunch?: (o: unknown) => void } }).getApp();
  app.onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1047 });
});

test('bind page: scene code shown, 绑定 calls members/bind, NOT_FOUND shown in Chinese', async () => {
  const g = globalThis as unknown as { wx: { cloud: { init: jest.Mock } } };
  await until(() => g.wx.cloud.init.mock.calls.length > 0);
  expect(g.wx.cloud.init).toHaveBeenCalledWith(expect.objectContaining({ traceUser: true }));

  // the mini-program code's scene arrives URL-encoded
  pageOptions = { scene: encodeURIComponent('abcd2345') };
  const id = simulate.load(path.join(dist, 'pages/bind/index'), { rootPath: dist });
  const page = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  page.attach(parent);

  await simulate.sleep(50);
  await until(() => !!page.querySelector('#bind-submit'));
  const input = page.querySelector('#bind-code');
  expect(input).toBeTruthy();
  // j-component's built-in <input> keeps no properties: read the value from the page's data tree, through the
  // key Taro's base.wxml binds to <input value="{{i.pNN}}"> (Taro shortens attribute names in its templates)
  const valueKey = /<input value="\{\{i\.(\w+)\}\}"/.exec(fs.readFileSync(path.join(dist, 'base.wxml'), 'utf8'))?.[1] ?? 'value';
  expect(nodeById(page.instance.data, 'bind-code')?.[valueKey]).toBe('ABCD2345');

  page.querySelector('#bind-submit')!.dispatchEvent('tap');
  await until(() => calls.length > 0);
  expect(calls[0]).toEqual({ name: 'members', data: { action: 'bind', input: { code: 'ABCD2345' } } });

  await until(() => !!page.querySelector('#bind-error'));
  expect(text(page.querySelector('#bind-error')!.dom)).toBe('邀请码不存在');
});

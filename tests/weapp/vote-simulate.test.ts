/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "require", "default"]}
 */
/**
 * The BUILT weapp ballot page (client/dist/weapp/vote/ballot) under miniprogram-simulate, opened as the meeting's
 * mini-program code opens it (`scene` = `c=<campaignId>`, URL-encoded), for a real open campaign in a local cloud:
 * `wx.cloud.callFunction` is relayed to the real `votes` function as demo cadre M009. Tapping grades moves the
 * progress and the 优秀 count, and the entries are kept in the device's storage.
 *
 * Build first: npm run build:weapp, build:functions, and the local cloud (npm test does).
 */
import fs from 'node:fs';
import path from 'node:path';
import util from 'node:util';
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
const ROUTE = 'vote/ballot/index';

type CallArg = { name: string; data: unknown };
const calls: CallArg[] = [];
const storage = new Map<string, unknown>();
let pageOptions: Record<string, string> = {};
let cloud: TestCloud;
let token = '';
let campaignId = '';

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
        const r = await cloud.raw(token, arg.name, arg.data);
        if ('result' in r) return { result: r.result, errMsg: 'cloud.callFunction:ok' };
        throw { errCode: r.errCode, errMsg: r.errMsg };
      }),
      uploadFile: jest.fn(),
    },
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.7.12' }),
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    showToast: noop,
    showModal: noop,
    showLoading: noop,
    hideLoading: noop,
    reLaunch: noop,
    redirectTo: noop,
    navigateTo: noop,
    navigateBack: noop,
    setNavigationBarTitle: noop,
    setClipboardData: noop,
    stopPullDownRefresh: noop,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
  };
  const app: Record<string, unknown> = {};
  g.App = (opts: Record<string, unknown>) => Object.assign(app, opts);
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  // A Taro page is `Page(options)`: run it as a component whose lifetimes call the page hooks, as on open.
  g.Page = (opts: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(opts)) if (typeof v === 'function') methods[k] = v;
    (g.Component as (o: unknown) => void)({
      data: opts.data ?? {},
      options: (opts.options as object | undefined) ?? {},
      methods,
      lifetimes: {
        attached(this: Record<string, unknown> & { onLoad?: (o: unknown) => void; onShow?: () => void }) {
          this.route = ROUTE;
          this.__route__ = ROUTE;
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

const text = (c: SimComponent | null) => (c?.dom.textContent ?? '').replace(/\s+/g, ' ').trim();

async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await simulate.sleep(20);
  }
}

beforeAll(async () => {
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
  if (!fs.existsSync(path.join(dist, ROUTE + '.js'))) throw new Error(`no weapp ballot page in ${dist}: run npm run build:weapp`);
  cloud = await startTestCloud();
  const admin = await cloud.as('M002');
  campaignId = data(await cloud.call(admin, 'votes', 'create', { title: '2026年度班子测评', kind: 'rate_leadership', year: 2026 })).id;
  data(await cloud.call(admin, 'votes', 'open', { campaignId }));
  token = await cloud.as('M009');
  installGlobals();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(dist, 'app.js'));
  const app = (globalThis as unknown as { getApp: () => { onLaunch?: (o: unknown) => void } }).getApp();
  app.onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1047 });
});
afterAll(() => cloud?.stop());

test('opened from the meeting code, the ballot loads the campaign and a tap moves the progress', async () => {
  pageOptions = { scene: encodeURIComponent(`c=${campaignId}`) };
  const id = simulate.load(path.join(dist, ROUTE), { rootPath: dist });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  await until(() => !!page.querySelector('#ballot-progress'), 10_000);
  expect(calls).toContainEqual({ name: 'votes', data: { action: 'ballot', input: { campaignId } } });
  expect(text(page.querySelector('#ballot-progress'))).toBe('已评 0 / 7');
  expect(text(page.querySelector('#ballot-excellent'))).toBe('总体优秀 0 / 1');

  // One 优秀 on 德 alone already makes M001 优秀 overall (weighted over what is rated).
  page.querySelector('#cand-M001-de-excellent')?.dispatchEvent('tap');
  await until(() => text(page.querySelector('#ballot-excellent')) === '总体优秀 1 / 1');
  for (const d of ['neng', 'qin', 'ji', 'lian']) page.querySelector(`#cand-M001-${d}-competent`)?.dispatchEvent('tap');
  await until(() => text(page.querySelector('#ballot-progress')) === '已评 1 / 7');
  // (95×25 + 80×75) / 100 = 83.75: 称职 overall
  expect(text(page.querySelector('#ballot-excellent'))).toBe('总体优秀 0 / 1');

  const kept = JSON.parse(String(storage.get(`ys.ballot.${campaignId}`))) as Record<string, Record<string, string>>;
  expect(kept.M001).toEqual({ de: 'excellent', neng: 'competent', qin: 'competent', ji: 'competent', lian: 'competent' });
});

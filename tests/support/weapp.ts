/**
 * The BUILT weapp (client/dist/weapp) under miniprogram-simulate, as a phone with one WeChat identity:
 * `wx.cloud.callFunction` is relayed to a local cloud as that identity would be seen by the platform; storage,
 * navigation and toasts are kept in memory for the test to read. Use in a file with the jsdom environment and
 * `customExportConditions: ["node", "require", "default"]` (the local cloud runs in the same process).
 */
import fs from 'fs';
import path from 'path';
import util from 'util';
import type { TestCloud } from './cloud';
import { postJson } from './client';

// jsdom, these tests' environment, has no TextEncoder; the local cloud they start seeds the demo park, whose
// satisfaction campaign hashes its seed (SHA-256 over UTF-8 bytes) as the real draw does.
if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const simulate = require('miniprogram-simulate') as {
  load: (p: string, opts?: { rootPath?: string }) => string;
  render: (id: string, props?: Record<string, unknown>) => SimComponent;
  sleep: (ms: number) => Promise<void>;
};

export interface SimComponent {
  dom: HTMLElement;
  attach: (parent: Element) => void;
  querySelector: (sel: string) => SimComponent | null;
  dispatchEvent: (name: string, detail?: Record<string, unknown>) => void;
  instance: Record<string, unknown>;
}

export const weappDist = path.resolve(__dirname, '..', '..', 'client', 'dist', 'weapp');

export interface CallArg {
  name: string;
  data: unknown;
}

export interface Phone {
  /** Every callFunction the pages made. */
  calls: CallArg[];
  /** URLs passed to reLaunch / redirectTo. */
  relaunched: string[];
  storage: Map<string, unknown>;
  /** Texts drawn on each 2d canvas the pages asked for by selector (`#id` → texts), from a recording context. */
  drawn: Map<string, string[]>;
  /** What the person answers WeChat's subscription dialog (wx.requestSubscribeMessage), and the dialogs shown. */
  subscribeAnswer: 'accept' | 'reject';
  subscribeAsks: string[][];
  /** Open a page as WeChat would, with these options (e.g. `scene` from a mini-program code). */
  open(route: string, options?: Record<string, string>): Promise<SimComponent>;
}

/**
 * Install the mini-program globals, launch the built app, and return the phone. `token()` is the session of the
 * WeChat identity calls are made as.
 */
export function weappPhone(cloud: () => TestCloud, token: () => string): Promise<Phone> {
  if (!fs.existsSync(path.join(weappDist, 'app.js'))) throw new Error(`no weapp build at ${weappDist}: run npm run build:weapp`);
  // The local cloud runs in this test's process, whose jsdom globals lack Node's text codecs.
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
  const phone: Omit<Phone, 'open'> = {
    calls: [],
    relaunched: [],
    storage: new Map(),
    drawn: new Map(),
    subscribeAnswer: 'accept',
    subscribeAsks: [],
  };
  let route = '';
  let pageOptions: Record<string, string> = {};
  const g = globalThis as unknown as Record<string, unknown>;
  const noop = (o?: { success?: (r: unknown) => void; complete?: (r: unknown) => void }) => {
    o?.success?.({ errMsg: 'ok' });
    o?.complete?.({ errMsg: 'ok' });
  };
  const navigate = (o: { url: string; success?: (r: unknown) => void }) => {
    phone.relaunched.push(o.url);
    noop(o);
  };
  g.wx = {
    ...(g.wx ?? {}),
    cloud: {
      init: jest.fn(),
      // As the platform does it: the caller's identity comes with the session, not the data.
      callFunction: jest.fn(async (arg: CallArg) => {
        phone.calls.push(arg);
        const r = await cloud().raw(token(), arg.name, arg.data);
        if ('result' in r) return { result: r.result, errMsg: 'cloud.callFunction:ok' };
        // wx.cloud rejects with { errCode, errMsg }; an Error carrying both reads the same
        throw Object.assign(new Error(String(r.errMsg)), { errCode: r.errCode, errMsg: r.errMsg });
      }),
      uploadFile: jest.fn(),
    },
    getSystemInfoSync: () => ({ platform: 'devtools', windowWidth: 375, windowHeight: 667, pixelRatio: 2, SDKVersion: '3.7.12' }),
    getStorageSync: (k: string) => phone.storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void phone.storage.set(k, v),
    removeStorageSync: (k: string) => void phone.storage.delete(k),
    showToast: noop,
    showModal: noop,
    showLoading: noop,
    hideLoading: noop,
    reLaunch: navigate,
    redirectTo: navigate,
    navigateTo: noop,
    navigateBack: noop,
    setNavigationBarTitle: noop,
    setClipboardData: noop,
    stopPullDownRefresh: noop,
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    canIUse: () => true,
    createSelectorQuery: () => selectorQuery(phone.drawn),
    // WeChat's own dialog: the answer is kept by the platform (the local cloud's half), then told to the page
    requestSubscribeMessage: (o: {
      tmplIds: string[];
      success?: (r: unknown) => void;
      fail?: (r: unknown) => void;
      complete?: (r: unknown) => void;
    }) => {
      phone.subscribeAsks.push(o.tmplIds);
      const answers = Object.fromEntries(o.tmplIds.map((id) => [id, phone.subscribeAnswer]));
      void postJson(`${cloud().cloud.url}/api/subscribe`, { tmplIds: o.tmplIds, answers }, { 'x-session': token() }).then((r) => {
        if ('errCode' in r) o.fail?.(r);
        else o.success?.(r);
        o.complete?.(r);
      });
    },
  };
  const app: Record<string, unknown> = {};
  g.App = (opts: Record<string, unknown>) => Object.assign(app, opts);
  g.getApp = () => app;
  g.getCurrentPages = () => [];
  // A Taro page is `Page(options)` with methods at the top level: run it as a component whose lifetimes call the
  // page hooks, the way the mini-program does on open.
  g.Page = (opts: Record<string, unknown>) => {
    const methods: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(opts)) if (typeof v === 'function') methods[k] = v;
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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(weappDist, 'app.js'));
  (app as { onLaunch?: (o: unknown) => void }).onLaunch?.({ path: 'pages/index/index', query: {}, scene: 1047 });

  // the phone itself, not a copy: a test that changes its answer to the dialog changes what the dialog answers
  return Promise.resolve(
    Object.assign(phone, {
      open: async (r: string, options: Record<string, string> = {}) => {
        route = r;
        pageOptions = options;
        const id = simulate.load(path.join(weappDist, r), { rootPath: weappDist });
        const page = simulate.render(id);
        page.attach(document.createElement('parent-wrapper'));
        await simulate.sleep(50);
        return page;
      },
    }),
  );
}

/**
 * A 2d canvas node as `SelectorQuery.fields({ node, size })` gives it on a phone (343 × 200 CSS pixels), whose
 * context records the texts drawn; the other drawing calls do nothing. jsdom draws no canvas of its own.
 */
function recordingCanvas(texts: string[]) {
  const state: Record<string, unknown> = {
    fillStyle: '#000000',
    strokeStyle: '#000000',
    lineWidth: 1,
    globalAlpha: 1,
    font: '10px sans-serif',
    textAlign: 'start',
    textBaseline: 'alphabetic',
  };
  const paint = { addColorStop: () => undefined };
  const calls: Record<string, (...a: unknown[]) => unknown> = {
    fillText: (t) => void texts.push(String(t)),
    strokeText: (t) => void texts.push(String(t)),
    measureText: (t) => ({ width: String(t).length * 12, actualBoundingBoxAscent: 9, actualBoundingBoxDescent: 3 }),
    getLineDash: () => [],
    createLinearGradient: () => paint,
    createRadialGradient: () => paint,
    createPattern: () => paint,
    getImageData: () => ({ data: new Uint8ClampedArray(4), width: 1, height: 1 }),
    isPointInPath: () => false,
  };
  const node: Record<string, unknown> = { width: 343, height: 200 };
  const context = new Proxy(state, {
    get: (target, key: string) => (key === 'canvas' ? node : key in target ? target[key] : (calls[key] ?? (() => undefined))),
    set: (target, key: string, value) => {
      target[key] = value;
      return true;
    },
  });
  Object.assign(node, {
    getContext: () => context,
    createImage: () => ({}),
    requestAnimationFrame: (f: () => void) => setTimeout(f, 16),
    cancelAnimationFrame: (n: ReturnType<typeof setTimeout>) => clearTimeout(n),
  });
  return node;
}

/** `wx.createSelectorQuery()` for the pages' canvases: each selected node is a recording 2d canvas. */
function selectorQuery(drawn: Map<string, string[]>) {
  let selector = '';
  const q = {
    in: () => q,
    select: (s: string) => ((selector = s), q),
    fields: () => q,
    exec: (cb: (res: unknown[]) => void) => {
      const texts: string[] = [];
      drawn.set(selector, texts);
      setTimeout(() => cb([{ node: recordingCanvas(texts), width: 343, height: 200 }]), 0);
    },
  };
  return q;
}

export const text = (c: SimComponent | null | undefined): string => (c?.dom.textContent ?? '').replace(/\s+/g, ' ').trim();

export async function until(check: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await simulate.sleep(20);
  }
}

export function tap(page: SimComponent, selector: string): void {
  const el = page.querySelector(selector);
  if (!el) throw new Error(`nothing matches ${selector}`);
  el.dispatchEvent('tap');
}

/** Find the node Taro renders for an element with this id in the page's data (`uid` holds a set id). */
export function nodeById(tree: unknown, id: string): Record<string, unknown> | null {
  if (!tree || typeof tree !== 'object') return null;
  const o = tree as Record<string, unknown>;
  if (o.uid === id || o.id === id) return o;
  for (const v of Object.values(o)) {
    const hit = nodeById(v, id);
    if (hit) return hit;
  }
  return null;
}

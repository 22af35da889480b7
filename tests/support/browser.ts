/**
 * Chromium driven by playwright-core against the H5 build served by a local cloud of the test's own: a system
 * Chromium where there is one, else the one that arrives with `npm install` (see ./chromium.ts; never a download).
 * Screenshots go to artifacts/ as test artifacts.
 */
import { mkdirSync } from 'fs';
import { join } from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './chromium';
import { repoRoot, startTestCloud, type TestCloud } from './cloud';

export const artifacts = join(repoRoot, 'artifacts');

export async function launch(): Promise<Browser> {
  const found = await findChromium();
  return chromium.launch({
    executablePath: found.path,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A phone-sized page, as the H5 twin of a mini-program is meant to be seen. */
export async function phone(browser: Browser): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' });
  return ctx.newPage();
}

export async function shot(page: Page, name: string): Promise<string> {
  mkdirSync(artifacts, { recursive: true });
  const path = join(artifacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Open the app on a phone and sign in on the demo page as a person; with `home`, wait until it shows. */
export async function signInAs(browser: Browser, url: string, openid: string, home?: string): Promise<Page> {
  const page = await phone(browser);
  await page.goto(`${url}/`);
  await page.locator(`#login-${openid}`).click();
  if (home) await page.locator(home).waitFor({ timeout: 15_000 });
  return page;
}

/** Wait until the element shows the text (up to 15 s). */
export async function expectText(locator: ReturnType<Page['locator']>, text: string | RegExp): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor({ timeout: 15_000 });
}

/** Wait until `check()` holds (up to `ms`), looking every 50 ms: for state outside the page (the store). */
export async function eventually(check: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * A browser suite's local cloud (serving the H5 build, with the demo park) and its Chromium: started before the
 * file's tests, stopped after them; `use` is handed both.
 */
export function browserSuite(use: (t: TestCloud, browser: Browser) => void): void {
  let t: TestCloud | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    t = await startTestCloud({ h5: true });
    browser = await launch();
    use(t, browser);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });
}

/** Taro's H5 picker: a column's rows are 34 px high, the chosen row's top 102 px below the column's (its `TOP`). */
const PICKER_ROW = 34;
const PICKER_TOP = 102;

/**
 * Open a Taro picker by what it wraps and choose the option that starts with `label`: the column is dragged with
 * the mouse (as a finger would) a few rows at a time, so the pointer never leaves it, then 确定.
 */
export async function pickOption(page: Page, trigger: string, label: string): Promise<void> {
  await page.locator(trigger).click();
  const column = page.locator('.weui-picker__group:visible').first();
  await column.waitFor();
  // the sheet slides up: measure the column once it has stopped
  await page.waitForTimeout(400);
  const options = (await column.locator('.weui-picker__item').allTextContents()).map((x) => x.trim());
  const want = options.findIndex((x) => x.startsWith(label));
  if (want < 0) throw new Error(`no option “${label}” among ${options.join('、')}`);
  const at = async () => {
    const style = (await column.locator('.weui-picker__content').getAttribute('style')) ?? '';
    const y = Number(/translate3d\(0(?:px)?, (-?[\d.]+)px/.exec(style)?.[1] ?? PICKER_TOP);
    return Math.round((PICKER_TOP - y) / PICKER_ROW);
  };
  const box = await column.boundingBox();
  if (!box) throw new Error('the picker column is not on screen');
  const x = box.x + box.width / 2;
  for (let rows = want - (await at()); rows !== 0; rows = want - (await at())) {
    const step = Math.max(-4, Math.min(4, rows));
    // up to move down the list: start low in the column; down to move up: start high
    const from = step > 0 ? box.y + box.height - 20 : box.y + 20;
    await page.mouse.move(x, from);
    await page.mouse.down();
    await page.mouse.move(x, from - step * PICKER_ROW, { steps: 8 });
    await page.mouse.up();
    await page.waitForTimeout(350);
  }
  const ok = page.locator('.weui-picker__action:visible', { hasText: '确定' });
  await ok.click();
  await ok.waitFor({ state: 'hidden' });
}

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

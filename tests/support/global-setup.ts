/**
 * Once per jest run, before any worker starts: find (and if need be unpack) the browser, say which one, and hand
 * its path to the workers through CHROMIUM_PATH so that they never unpack it themselves.
 */
import { findChromium } from './chromium';

export default async function globalSetup(): Promise<void> {
  const found = await findChromium();
  process.env.CHROMIUM_PATH = found.path;
  console.log(`\nbrowser tests use ${found.source}`);
}

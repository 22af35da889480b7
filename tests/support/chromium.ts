/**
 * Which Chromium the browser tests drive, found without any install step of its own:
 *   1. `CHROMIUM_PATH`, when set;
 *   2. a system Chromium (`/usr/bin/chromium`, Debian's package), when there is one;
 *   3. otherwise the headless Chromium shipped inside the `@sparticuz/chromium` npm tarball, unpacked once into
 *      `node_modules/.cache/` (brotli, about 2 s). The unpack goes to a private folder first and is renamed into
 *      place, so jest workers (or two test runs) starting at once never see a half-written browser.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'fs';
import { join } from 'path';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

export interface FoundBrowser {
  path: string;
  /** Said once at the start of a run: which browser it used. */
  source: string;
}

const repoRoot = join(__dirname, '..', '..');

function bundledVersion(): string {
  const pkg = join(repoRoot, 'node_modules', '@sparticuz', 'chromium', 'package.json');
  return (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
}

async function unpackBundled(): Promise<string> {
  const version = bundledVersion();
  const cache = join(repoRoot, 'node_modules', '.cache', `sparticuz-chromium-${version}`);
  const binary = join(cache, 'chromium');
  if (existsSync(binary)) return binary;
  mkdirSync(join(repoRoot, 'node_modules', '.cache'), { recursive: true });
  const staging = `${cache}.tmp-${process.pid}-${Date.now()}`;
  mkdirSync(staging, { recursive: true });
  // @sparticuz/chromium inflates into os.tmpdir(), read when called: point it at the staging folder.
  const savedTmp = process.env.TMPDIR;
  process.env.TMPDIR = staging;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require('@sparticuz/chromium') as { default?: { executablePath(): Promise<string> }; executablePath?: () => Promise<string> };
    const chromium = mod.default ?? (mod as { executablePath(): Promise<string> });
    await chromium.executablePath();
  } finally {
    if (savedTmp === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = savedTmp;
  }
  try {
    renameSync(staging, cache);
  } catch {
    // Another process renamed its copy first: use that one.
    rmSync(staging, { recursive: true, force: true });
  }
  if (!existsSync(binary)) throw new Error(`@sparticuz/chromium did not unpack a browser at ${binary}`);
  return binary;
}

export async function findChromium(): Promise<FoundBrowser> {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist`);
    return { path: fromEnv, source: `CHROMIUM_PATH (${fromEnv})` };
  }
  if (existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: `system Chromium (${SYSTEM_CHROMIUM})` };
  const path = await unpackBundled();
  return { path, source: `@sparticuz/chromium ${bundledVersion()} from npm (${path})` };
}

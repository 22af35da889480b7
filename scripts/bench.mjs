// npm run bench: builds what it measures if missing, bundles bench/ (TypeScript) and runs it. Prints figures.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { bundle, root, run } from './run.mjs';

run('build cloud functions', 'node', ['scripts/build-functions.mjs']);
run('build local cloud', 'node', ['scripts/build-localcloud.mjs']);
if (!existsSync(join(root, 'client', 'dist', 'weapp', 'app.json'))) run('build weapp', 'npm', ['run', '--silent', 'build:weapp']);
// the ranking page is timed in the H5 build
if (!existsSync(join(root, 'client', 'dist', 'h5', 'index.html'))) run('build h5', 'npm', ['run', '--silent', 'build:h5']);
// playwright-core and @sparticuz/chromium stay packages: each reads files beside itself (the browser ships in the
// latter's bin/ folder, which a bundle would leave behind on a machine without a system Chromium)
await bundle('bench/index.ts', 'bench/dist/index.js', ['wx-server-sdk', 'playwright-core', '@sparticuz/chromium']);
run('bench', 'node', ['bench/dist/index.js']);

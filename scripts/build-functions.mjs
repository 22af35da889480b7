// Builds each cloud function from cloudfunctions/<name>/src/index.ts into a self-contained
// cloudfunctions/<name>/index.js (shared/ and server/ bundled in). wx-server-sdk stays external: it is listed
// in the function's own package.json and the cloud installs it, so the folder uploads as it is.
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fnRoot = join(root, 'cloudfunctions');
const names = readdirSync(fnRoot).filter((n) => statSync(join(fnRoot, n)).isDirectory() && existsSync(join(fnRoot, n, 'src', 'index.ts')));

const started = Date.now();
await Promise.all(
  names.map((name) =>
    build({
      entryPoints: [join(fnRoot, name, 'src', 'index.ts')],
      outfile: join(fnRoot, name, 'index.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      // WeChat Cloud offers Node 16 and later; build for the oldest so any runtime choice works.
      target: 'node16',
      external: ['wx-server-sdk'],
      sourcemap: false,
      minify: false,
      legalComments: 'none',
      logLevel: 'warning',
    }),
  ),
);
const sizes = names.map((n) => `${n} ${(statSync(join(fnRoot, n, 'index.js')).size / 1024).toFixed(0)} KB`);
console.log(`built ${names.length} cloud functions in ${Date.now() - started} ms: ${sizes.join(', ')}`);

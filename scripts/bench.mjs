// npm run bench: builds what it measures if missing, bundles bench/ (TypeScript) and runs it. Prints figures.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './run.mjs';

run('build cloud functions', 'node', ['scripts/build-functions.mjs']);
run('build local cloud', 'node', ['scripts/build-localcloud.mjs']);
if (!existsSync(join(root, 'client', 'dist', 'weapp', 'app.json'))) run('build weapp', 'npm', ['run', '--silent', 'build:weapp']);
await build({
  entryPoints: [join(root, 'bench', 'index.ts')],
  outfile: join(root, 'bench', 'dist', 'index.js'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['wx-server-sdk'],
  logLevel: 'warning',
});
run('bench', 'node', ['bench/dist/index.js']);

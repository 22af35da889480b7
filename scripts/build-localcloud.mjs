// Bundles the local cloud: localcloud/src/index.ts → localcloud/build/index.js and the function-instance worker
// localcloud/src/worker.ts → localcloud/build/worker.js (CommonJS, Node 20). Native / SDK packages stay external.
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  logLevel: 'warning',
  external: ['better-sqlite3', 'wx-server-sdk', 'mingo', 'qrcode'],
};

await Promise.all([
  build({ ...common, entryPoints: [path.join(root, 'localcloud/src/index.ts')], outfile: path.join(root, 'localcloud/build/index.js') }),
  build({ ...common, entryPoints: [path.join(root, 'localcloud/src/worker.ts')], outfile: path.join(root, 'localcloud/build/worker.js') }),
]);
console.log('built localcloud/build/index.js and localcloud/build/worker.js');

// npm start: the whole product locally. Starts the local cloud (the real cloud-function code and wx-server-sdk
// against a local database, storage and function host), serves the H5 build through its gateway, loads the
// demo park on first start, and prints the address.
//   --reset      wipe the local data and load the demo park anew
//   --seed-only  load (or with --reset, reload) the demo park and exit
//   PORT=8080    the port (default 8080); YARDSTICK_DATA=.data the data folder
//   YARDSTICK_PLAN=basic  the WeChat Cloud plan whose limits the local cloud enforces (basic 基础版 by default, or pro;
//                localcloud/src/plans.ts)
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundle, root, run } from './run.mjs';
import './preflight.mjs';

const args = new Set(process.argv.slice(2));
const require = createRequire(import.meta.url);

run('build local cloud', 'node', ['scripts/build-localcloud.mjs']);
await bundle('demo/seed.ts', 'demo/dist/seed.js');

const { startLocalCloud } = require(join(root, 'localcloud', 'build', 'index.js'));
const { seedDemo, listDemoPeople, computeLastYear } = require(join(root, 'demo', 'dist', 'seed.js'));

const port = Number(process.env.PORT ?? 8080);
const dataDir = process.env.YARDSTICK_DATA ?? join(root, '.data');
// listDemoPeople is called on requests, after the cloud is assigned
const cloud = await startLocalCloud({
  dataDir,
  functionsDir: join(root, 'cloudfunctions'),
  h5Dir: join(root, 'client', 'dist', 'h5'),
  port: args.has('--seed-only') ? 0 : port,
  // npm start is the demo: its sign-in page lets the visitor be any person of the demo park
  demo: true,
  listDemoPeople: () => listDemoPeople(cloud.store),
  plan: process.env.YARDSTICK_PLAN || undefined,
  // the functions' timer triggers (config.json) run on schedule, as on WeChat Cloud
  timers: !args.has('--seed-only'),
});

const seeded = seedDemo(cloud.store, Date.now(), { reset: args.has('--reset') });
if (seeded.seeded) await computeLastYear(cloud.url, Date.now());
console.log(
  seeded.seeded
    ? `demo park loaded: ${Object.entries(seeded.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`
    : 'demo park already loaded (npm run seed:reset to start afresh)',
);

if (args.has('--seed-only')) {
  await cloud.stop();
} else {
  const p = cloud.plan;
  console.log(
    `WeChat Cloud plan ${p.name} (${p.label}): ${p.functionInstances} instances a function; database ${p.dbQps} QPS, ` +
      `${p.dbConnections} connections, ${p.dbReadsPerDay} reads and ${p.dbWritesPerDay} writes a day (YARDSTICK_PLAN to change)`,
  );
  console.log(`\n标尺 Yardstick is running at ${cloud.url}/  (data in ${dataDir}; Ctrl+C to stop)\n`);
  const stop = async () => {
    await cloud.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

// npm start: the whole product locally. Starts the local cloud (the real cloud-function code and wx-server-sdk
// against a local database, storage and function host), serves the H5 build through its gateway, loads the
// demo park on first start — its 组织员 redeems the set-up code and imports the park's three Excel files through the
// imports function, as a real park does (demo/directory.ts) — and prints the address.
//   --reset      wipe the local data and load the demo park anew
//   --seed-only  load (or with --reset, reload) the demo park and exit
//   --empty      a park of your own instead (npm run start:empty): no demo data, in .park-data/; until someone
//                redeems it, prints the one-time set-up code that makes its first 组织员
//   PORT=8080    the port (default 8080); YARDSTICK_DATA=.data the data folder
//   YARDSTICK_PLAN=basic  the WeChat Cloud plan whose limits the local cloud enforces (basic 基础版 by default, or pro;
//                localcloud/src/plans.ts)
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { bundle, root, run } from './run.mjs';
import './preflight.mjs';

const args = new Set(process.argv.slice(2));
const require = createRequire(import.meta.url);

run('build local cloud', 'node', ['scripts/build-localcloud.mjs']);
await bundle('demo/seed.ts', 'demo/dist/seed.js');

const { startLocalCloud } = require(join(root, 'localcloud', 'build', 'index.js'));
const { seedDemo, listDemoPeople, computeLastYear, demoPark, importDemoDirectory } = require(join(root, 'demo', 'dist', 'seed.js'));

const empty = args.has('--empty');
const port = Number(process.env.PORT ?? 8080);
const dataDir = process.env.YARDSTICK_DATA ?? join(root, empty ? '.park-data' : '.data');
// The one-time set-up code, in the park function's environment as the deployer sets YARDSTICK_SETUP_CODE on WeChat
// Cloud. Drawn afresh at each start; once the park has its first 组织员 no code sets anything up again.
const setupCode = randomBytes(12).toString('base64url');
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
  functionEnv: { park: { YARDSTICK_SETUP_CODE: setupCode } },
});

if (empty) {
  if (cloud.store.count('park') === 0) {
    console.log(`\n园区尚未设置。一次性设置码：${setupCode}`);
    console.log(`打开 ${cloud.url}/#/pages/bind/index?setup=${setupCode} ，选择“新微信用户”，填写园区名称和您的姓名，即成为第一位组织员。\n`);
  } else console.log('park already set up (its data is in .park-data/)');
} else {
  const now = Date.now();
  if (args.has('--reset')) for (const c of cloud.store.collections()) cloud.store.drop(c);
  if (cloud.store.count('members') === 0) {
    const imported = await importDemoDirectory(cloud.url, setupCode, demoPark(now));
    const seeded = seedDemo(cloud.store, now, { directoryImported: true });
    await computeLastYear(cloud.url, now);
    console.log(
      `demo park set up and its directory imported (${Object.entries(imported)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`,
    );
    console.log(
      `the rest loaded: ${Object.entries(seeded.counts)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  } else console.log('demo park already loaded (npm run seed:reset to start afresh)');
}

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

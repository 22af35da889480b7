/**
 * npm run bench: figures, not pass/fail.
 *  1. the built weapp's main package and subpackages against WeChat's 2 MB limit;
 *  2. the local cloud through the real wx-server-sdk: simple writes, reads and a query (the database path);
 *  3. whole actions through the gateway and the function host (the path a phone's call takes);
 *  then quarter close, the year-end vote burst, and a sweep of generated inputs over every action.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
import { mkdtempSync, rmSync } from 'fs';
import { cpus, tmpdir } from 'os';
import { join } from 'path';
import { seedDemo } from '../demo/seed';
import { demoOpenid } from '../demo/park';
import { dayOf } from '../shared/common/time';
import type { Database } from '../server/common/cloud';
import { weappSizes } from './package-size';
import { generatedSweep } from './generated';
import { annualBench } from './annual';
import { appealsDashboard } from './appeals-dashboard';
import { quarterClose, quarterCloseOnPlan } from './quarter-close';
import { remindersBench } from './reminders';
import { importsBench } from './imports';
import { instancesBench } from './instances';
import { ratingsBurst } from './ratings-burst';
import { voteBurst } from './vote-burst';
import { voteBurstOnPlan } from './vote-burst-plan';
import { measure, row } from './stats';
import type * as LocalCloud from '../localcloud/src/index';

const root = join(__dirname, '..', '..');
type LocalCloudModule = typeof LocalCloud;
const built = require(join(root, 'localcloud', 'build', 'index.js')) as LocalCloudModule;
/**
 * The bench's clouds run unless told otherwise on the basic plan's function limits with the database unmetered:
 * these figures are the local cloud's own throughput, far over the basic plan's 30 database requests a second (which
 * would refuse the 31st request and stop the measurement). A section that passes `plan` measures that plan.
 */
const lc: LocalCloudModule = {
  ...built,
  startLocalCloud: (opts) => built.startLocalCloud({ plan: built.unmeteredDatabase(built.PLANS.basic), ...opts }),
};

async function main(): Promise<void> {
  // BENCH_ONLY=plan: just the hall on a plan's limits (a minute and a half)
  if (process.env.BENCH_ONLY === 'plan') return peakDay(lc, root, (process.env.BENCH_PLAN as LocalCloud.PlanName | undefined) ?? 'basic');
  // BENCH_ONLY=annual: the year's results for the demo park and counties 10× and 20× its size
  if (process.env.BENCH_ONLY === 'annual') return annualBench(lc, root);
  // BENCH_ONLY=dashboard: the leaders' 诉求看板 over 5,000 appeals
  if (process.env.BENCH_ONLY === 'dashboard') return appealsDashboard(lc, root);
  // BENCH_ONLY=ratings: the satisfaction campaign's meeting on a plan's limits
  if (process.env.BENCH_ONLY === 'ratings') return ratingsBurst(lc, root, (process.env.BENCH_PLAN as LocalCloud.PlanName | undefined) ?? 'basic');
  // BENCH_ONLY=imports: a park's first afternoon, set-up and its Excel files, on a plan's limits
  if (process.env.BENCH_ONLY === 'imports') return importsBench(lc, root, (process.env.BENCH_PLAN as LocalCloud.PlanName | undefined) ?? 'basic');
  // BENCH_ONLY=instances: memory before, at the peak and after a burst of 300 calls over 15 functions
  if (process.env.BENCH_ONLY === 'instances') return instancesBench(lc, root);
  // BENCH_ONLY=reminders: one timed reminder run with everything due, the demo park and 5× (also on the basic plan)
  if (process.env.BENCH_ONLY === 'reminders') return remindersBench(lc, root);
  console.log(`# Yardstick bench — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} cores\n`);
  console.log('## Mini-program package (client/dist/weapp)');
  for (const line of weappSizes(join(root, 'client', 'dist', 'weapp'))) console.log(line);

  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-bench-'));
  const envId = 'yardstick-local';
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, envId, demo: true });
  try {
    seedDemo(cloud.store, Date.now());

    console.log('\n## Local cloud through the real wx-server-sdk (8 in flight)');
    Object.assign(process.env, cloud.sdkEnv(), { WX_OPENID: 'bench' });
    const sdk = require('wx-server-sdk') as { init(o: object): void; database(): Database };
    sdk.init({ env: envId });
    const db = sdk.database();
    const ids: string[] = [];
    const writes = await measure(2000, 8, async (i) => {
      const r = await db.collection<{ _id: string }>('bench').add({ data: { i, note: '走访企业', at: Date.now() } });
      ids[i] = r._id;
    });
    console.log(row('add() one small document', writes));
    const reads = await measure(2000, 8, (i) =>
      db
        .collection('bench')
        .doc(ids[i % ids.length] ?? '')
        .get(),
    );
    console.log(row('doc().get() by _id', reads));
    const members = ['M009', 'M010', 'M021', 'M030'];
    const query = await measure(1000, 8, (i) =>
      db
        .collection('reports')
        .where({ memberId: members[i % members.length] })
        .orderBy('date', 'desc')
        .limit(20)
        .get(),
    );
    console.log(row(`where().orderBy().limit(20) over ${cloud.store.count('reports')} reports`, query));
    const updates = await measure(1000, 8, (i) =>
      db
        .collection('bench')
        .doc(ids[i % 50] ?? '')
        .update({ data: { note: `更新 ${i}` } }),
    );
    console.log(row('doc().update() (50 hot documents)', updates));

    console.log('\n## Whole actions: gateway → function host → cloud function → SDK → store (8 in flight)');
    const post = async (path: string, body: unknown, token?: string) => {
      const res = await fetch(`${cloud.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
        body: JSON.stringify(body),
      });
      return (await res.json()) as { token?: string; result?: { code: number | string } };
    };
    const tokens = await Promise.all(
      ['M009', 'M010', 'M011', 'M012', 'M015', 'M016', 'M017', 'M018'].map(async (m) =>
        String((await post('/api/dev/login', { openid: demoOpenid(m) })).token),
      ),
    );
    const callOk = async (i: number, name: string, action: string, input: object) => {
      const r = await post('/api/call', { name, data: { action, input } }, tokens[i % tokens.length]);
      if (r.result?.code !== 0) throw new Error(`${name}.${action} failed: ${JSON.stringify(r)}`);
    };
    // The first call of each instance loads wx-server-sdk (a cold start); measured apart from warm calls.
    console.log(row('cold start: 8 instances of members', await measure(8, 8, (i) => callOk(i, 'members', 'me', {}))));
    console.log(row('members.me', await measure(400, 8, (i) => callOk(i, 'members', 'me', {}))));
    console.log(row('dossier.mine (dossier + 5 recent reports)', await measure(300, 8, (i) => callOk(i, 'dossier', 'mine', {}))));
    const today = dayOf(Date.now());
    console.log(
      row(
        'dossier.recordVisit (transaction, 8 cadres)',
        await measure(200, 8, (i) =>
          callOk(i, 'dossier', 'recordVisit', { enterpriseId: `E${String((i % 200) + 1).padStart(3, '0')}`, date: today, note: '基准测试走访' }),
        ),
      ),
    );
    // One cadre's dossier written 4 at a time: every write conflicts with the others and is retried by us.
    const codes = new Map<string, number>();
    const contended = await measure(40, 4, async (i) => {
      const r = await post(
        '/api/call',
        {
          name: 'dossier',
          data: { action: 'recordVisit', input: { enterpriseId: `E${String((i % 200) + 1).padStart(3, '0')}`, date: today, note: '并发走访' } },
        },
        tokens[0],
      );
      const code = String(r.result?.code ?? 'platform failure');
      codes.set(code, (codes.get(code) ?? 0) + 1);
    });
    console.log(`${row('dossier.recordVisit (one cadre, 4 at once)', contended)}  replies ${[...codes].map(([c, n]) => `${c}×${n}`).join(' ')}`);
    const mem = process.memoryUsage();
    console.log(
      `\nbench process (local cloud in-process, workers apart): rss ${(mem.rss / 1048576).toFixed(0)} MB, heap ${(mem.heapUsed / 1048576).toFixed(0)} MB`,
    );
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
  await quarterClose(lc, root);
  await voteBurst(lc, root);
  await peakDay(lc, root, (process.env.BENCH_PLAN as LocalCloud.PlanName | undefined) ?? 'basic');
  await ratingsBurst(lc, root, (process.env.BENCH_PLAN as LocalCloud.PlanName | undefined) ?? 'basic');
  await appealsDashboard(lc, root);
  await annualBench(lc, root);
  await remindersBench(lc, root);
  await importsBench(lc, root, (process.env.BENCH_PLAN as LocalCloud.PlanName | undefined) ?? 'basic');
  await generatedSweep(lc, root);
}

/**
 * December's peak day on one plan: the year-end hall (above), then a quarter closed and the next opened for a park
 * of the hall's size, each on a fresh cloud with the plan's limits; their reads and writes added against the plan's
 * daily quotas (the day's ordinary traffic — self-reports, dossier views — comes on top).
 */
async function peakDay(lcm: LocalCloudModule, rootDir: string, planName: LocalCloud.PlanName): Promise<void> {
  const vote = await voteBurstOnPlan(lcm, rootDir, planName);
  console.log(`\n## The peak day on the ${lcm.PLANS[planName].label} plan: the hall above, then a quarter closed for a park of that size`);
  const close = await quarterCloseOnPlan(lcm, rootDir, planName);
  const plan = lcm.PLANS[planName];
  const reads = vote.reads + close.reads;
  const writes = vote.writes + close.writes;
  console.log(
    `peak day: vote ${vote.reads} reads / ${vote.writes} writes + last-day reports and quarter close for ${close.cadres} cadres ${close.reads} / ${close.writes} = ` +
      `${reads} reads of ${plan.dbReadsPerDay} (${((reads / plan.dbReadsPerDay) * 100).toFixed(1)}%), ` +
      `${writes} writes of ${plan.dbWritesPerDay} (${((writes / plan.dbWritesPerDay) * 100).toFixed(1)}%)`,
  );
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

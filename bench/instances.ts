/**
 * BENCH_ONLY=instances: what a burst of calls does to the local cloud's memory, and what it gives back. 300 calls
 * at once without a session, spread over 15 functions (each answers UNBOUND: the instance still loads its bundle
 * and the SDK), then a pause: the process's memory before, at the peak, and after the idle instances are stopped
 * (functions-host.ts: IDLE_RETIRE_MS, MAX_TOTAL_INSTANCES).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type * as LocalCloud from '../localcloud/src/index';

type LocalCloudModule = typeof LocalCloud;
const FUNCTIONS = [
  'annual',
  'appeals',
  'applications',
  'assessment',
  'audit',
  'cards',
  'dossier',
  'feedback',
  'imports',
  'indicators',
  'members',
  'park',
  'pay',
  'projects',
  'ratings',
];
const CALLS = 300;
const mb = (b: number) => `${Math.round(b / 1024 / 1024)} MB`;

export async function instancesBench(lc: LocalCloudModule, root: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-instances-bench-'));
  const idleRetireMs = Number(process.env.BENCH_IDLE_MS ?? 60_000);
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true, plan: 'basic', idleRetireMs });
  try {
    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
    const t0 = performance.now();
    const replies = await Promise.all(
      Array.from({ length: CALLS }, async (_, i) => {
        const res = await fetch(`${cloud.url}/api/call`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: FUNCTIONS[i % FUNCTIONS.length], data: { action: 'status', input: {} } }),
        });
        return (await res.json()) as { errCode?: number };
      }),
    );
    const burstMs = performance.now() - t0;
    const alive = Object.values(cloud.usage().alive).reduce((a, b) => a + b, 0);
    const refused = replies.filter((r) => r.errCode === -501004).length;
    await new Promise((r) => setTimeout(r, idleRetireMs + 5_000));
    clearInterval(sampler);
    global.gc?.();
    const after = process.memoryUsage().rss;
    const left = Object.values(cloud.usage().alive).reduce((a, b) => a + b, 0);
    console.log(`## Function instances: ${CALLS} calls at once over ${FUNCTIONS.length} functions, basic plan\n`);
    console.log('| measure | value |');
    console.log('|---|---|');
    console.log(`| burst (all answered) | ${Math.round(burstMs)} ms |`);
    console.log(`| instances alive after the burst | ${alive} (bound ${lc.MAX_TOTAL_INSTANCES}) |`);
    console.log(`| calls refused (all instances busy) | ${refused} |`);
    console.log(`| memory (RSS) before | ${mb(before)} |`);
    console.log(`| memory at the peak | ${mb(peak)} |`);
    console.log(`| memory ${Math.round((idleRetireMs + 5000) / 1000)} s after (idle stopped after ${idleRetireMs / 1000} s) | ${mb(after)} |`);
    console.log(`| instances alive then | ${left} (stopped so far: ${cloud.usage().retired}) |`);
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The satisfaction campaign's meeting (企业评): the sampled enterprises scan their codes and submit within one
 * minute, on a plan's limits, each phone running the rating page's retry policy. A park large enough for a sample
 * of about 200: the demo park with above-scale enterprises added. Prints: every rating counted once (ratings
 * stored = codes used = submissions answered), enterprises who saw an error, tries, p50/p99 time to 感谢您的评价,
 * and database requests per rating against the plan's floor.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { seedDemo } from '../demo/seed';
import { demoOpenid } from '../demo/park';
import { seededRandom } from '../shared/common/random';
import { CALL_RETRY, isRetryable, retryDelayMs } from '../shared/common/retry';
import { dayOf } from '../shared/common/time';
import { percentile } from './stats';
import { phoneCode } from './vote-burst-plan';
import type * as LocalCloud from '../localcloud/src/index';

type LocalCloudModule = typeof LocalCloud;
const WINDOW_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function ratingsBurst(lc: LocalCloudModule, root: string, planName: LocalCloud.PlanName): Promise<void> {
  const plan = lc.PLANS[planName];
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-ratings-bench-'));
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true, plan: planName });
  try {
    seedDemo(cloud.store, Date.now());
    const industries = ['机械制造', '电子信息', '新材料', '生物医药', '食品加工', '纺织服装'];
    cloud.store.insertMany(
      'enterprises',
      Array.from({ length: 760 }, (_, i) => ({
        _id: `EB${String(i + 1).padStart(4, '0')}`,
        name: `基准测试规上企业${i + 1}`,
        industry: industries[i % industries.length] as string,
        aboveScale: true,
        liaisonId: null,
      })),
    );
    const post = async (path: string, body: unknown, token?: string) =>
      (await (
        await fetch(`${cloud.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
          body: JSON.stringify(body),
        })
      ).json()) as { token?: string; result?: { code: number | string; data?: Record<string, unknown> }; errCode?: number };
    const call = async (token: string, action: string, input: object, attempts: number = CALL_RETRY.attempts) => {
      for (let attempt = 1; ; attempt += 1) {
        const r = await post('/api/call', { name: 'ratings', data: { action, input } }, token);
        const code = phoneCode(r);
        if (code === 0 || !isRetryable(code) || attempt >= attempts) return { code, data: r.result?.data ?? {}, tries: attempt };
        await sleep(retryDelayMs(attempt));
      }
    };
    const admin = String((await post('/api/dev/login', { openid: demoOpenid('M002') })).token);
    const created = await call(admin, 'create', { title: '基准测试企业评', year: 2026, share: 0.25, closesOn: dayOf(Date.now() + 7 * 86_400_000) });
    const campaignId = String(created.data.id);
    const t0 = performance.now();
    const drawn = await call(admin, 'draw', { campaignId });
    if (drawn.code !== 0) throw new Error(`ratings.draw: ${drawn.code}`);
    const codes = (cloud.store.find('ratingCodes', { campaignId }) as { code: string }[]).map((c) => c.code).slice(0, 200);
    console.log(
      `\n## Satisfaction campaign on the ${plan.label} plan's limits: ${codes.length} sampled enterprises submitting within ${WINDOW_MS / 1000} s`,
    );
    console.log(
      `draw: a sample of ${cloud.store.count('ratingCodes', { campaignId })} from ${cloud.store.count('enterprises')} enterprises, codes issued, ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );
    // each enterprise's person scanned and filled the form earlier in the meeting; the burst is the submissions
    const tokens = await Promise.all(codes.map(async () => String((await post('/api/dev/login', { newUser: true })).token)));
    const rnd = seededRandom(5);
    const before = cloud.usage();
    const outcomes = await Promise.all(
      codes.map(async (code, i) => {
        await sleep(rnd() * WINDOW_MS);
        const pressed = performance.now();
        const level = () => 3 + Math.floor(rnd() * 3);
        const r = await call(
          tokens[i] ?? '',
          'submit',
          { code, dimensions: { efficiency: level(), policy: level(), support: level(), conduct: level() } },
          CALL_RETRY.patientAttempts,
        );
        return { ...r, ms: performance.now() - pressed };
      }),
    );
    const after = cloud.usage();
    const ok = outcomes.filter((o) => o.code === 0);
    const failed = outcomes.filter((o) => o.code !== 0);
    // each submission is stored as its answers: the responses are the used codes
    const stored = cloud.store.count('ratingCodes', { campaignId, used: true });
    const used = cloud.store.count('ratingCodes', { campaignId, used: true });
    const times = ok.map((o) => o.ms).sort((a, b) => a - b);
    const perRating = (after.dbRequests - before.dbRequests) / Math.max(1, stored);
    console.log(
      `counted exactly once: ${stored} ratings stored, ${used} codes used, ${ok.length} thanked — ${stored === used && used === ok.length ? 'consistent' : 'INCONSISTENT'}; ` +
        `enterprises who saw an error: ${failed.length}${failed.length ? ` (${[...new Set(failed.map((f) => f.code))].join(', ')})` : ''}`,
    );
    console.log(
      `tries mean ${(outcomes.reduce((a, o) => a + o.tries, 0) / outcomes.length).toFixed(2)}, max ${Math.max(...outcomes.map((o) => o.tries))}; ` +
        `p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms; ` +
        `${perRating.toFixed(2)} database requests a rating × ${codes.length} ÷ ${plan.dbQps}/s = ${((perRating * codes.length) / plan.dbQps).toFixed(0)} s floor`,
    );
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

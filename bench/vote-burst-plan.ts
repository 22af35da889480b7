/**
 * The year-end hall under a plan's limits, as WeChat Cloud would serve it: 300 voters press 提交 at moments spread
 * over one minute, each phone running the client's own retry policy (shared/common/retry.ts: backoff with jitter,
 * the same receipt on every try), against a local cloud that refuses what is over the plan (function instances,
 * database rate and connections) instead of queueing it. Prints: every ballot counted once, voters who saw an
 * error (must be 0), tries per ballot, p50/p99 time from pressing to the receipt, the floor the plan allows
 * (database requests per ballot × voters ÷ the plan's rate), what was refused, and the day's reads and writes
 * against the plan's daily quotas.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ERROR_MESSAGES, type ErrorCode } from '../shared/common/errors';
import { seededRandom } from '../shared/common/random';
import { CALL_RETRY, isRetryable, retryDelayMs } from '../shared/common/retry';
import { DEFAULT_DIMENSIONS } from '../shared/votes/config';
import { ballotFor, CANDIDATES, gatewayClient, seedPark, VOTERS } from './vote-burst';
import { percentile } from './stats';
import type * as LocalCloud from '../localcloud/src/index';
import { newReceipt } from '../tests/support/client';

type LocalCloudModule = typeof LocalCloud;

/** The hall presses 提交 within this window. */
const WINDOW_MS = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** What a phone makes of one reply: the call's own mapping (client/src/common/call.ts), in short. */
export function phoneCode(r: { result?: { code: number | string }; errCode?: number }): 0 | ErrorCode {
  if (r.result) return r.result.code === 0 ? 0 : (String(r.result.code) as ErrorCode);
  if (r.errCode === -501004) return 'BUSY';
  // the function ran out of its time (-504003)
  if (r.errCode === -504003) return 'TIMEOUT';
  if (r.errCode === -501003 || r.errCode === -501015 || r.errCode === -501016) return 'QUOTA';
  return 'INTERNAL';
}

export async function voteBurstOnPlan(lc: LocalCloudModule, root: string, planName: LocalCloud.PlanName): Promise<{ reads: number; writes: number }> {
  const plan = lc.PLANS[planName];
  console.log(
    `\n## Year-end vote burst on the ${plan.label} plan's limits: ${VOTERS} voters pressing 提交 within ${WINDOW_MS / 1000} s, ` +
      `${CANDIDATES} candidates × ${DEFAULT_DIMENSIONS.length} dimensions`,
  );
  console.log(
    `plan: ${plan.functionInstances} instances a function, database ${plan.dbQps} requests/s and ${plan.dbConnections} connections, ` +
      `${plan.dbReadsPerDay} reads and ${plan.dbWritesPerDay} writes a day; refused over them, as the platform does`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-vote-plan-bench-'));
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true, plan: planName });
  try {
    const { leaders, cadres } = seedPark(cloud);
    const { post, login } = gatewayClient(cloud);
    /** A phone's call: tries again what may succeed later, as the client does; returns the reply and the tries. */
    const phoneCall = async (token: string, action: string, input: object, attempts: number = CALL_RETRY.attempts) => {
      for (let attempt = 1; ; attempt += 1) {
        const r = (await post(
          '/api/call',
          { name: 'votes', data: { action, input, requestId: `bench-${token.slice(0, 12)}-${action}` } },
          token,
        )) as {
          result?: { code: number | string; data?: Record<string, unknown> };
          errCode?: number;
        };
        const code = phoneCode(r);
        if (code === 0 || !isRetryable(code) || attempt >= attempts) return { code, data: r.result?.data ?? {}, tries: attempt };
        await sleep(retryDelayMs(attempt));
      }
    };

    const adminToken = await login('A001');
    const t0 = performance.now();
    const created = await phoneCall(adminToken, 'create', { title: '年度班子测评（套餐限制）', kind: 'rate_leadership', year: 2026 });
    if (created.code !== 0) throw new Error(`votes.create on ${planName}: ${created.code}`);
    const campaignId = String(created.data.id);
    console.log(
      `set-up: votes.create of a ${VOTERS}-person roll, paced under the rate: ${((performance.now() - t0) / 1000).toFixed(1)} s, ${created.tries} call(s)`,
    );
    const opened = await phoneCall(adminToken, 'open', { campaignId });
    if (opened.code !== 0) throw new Error(`votes.open on ${planName}: ${opened.code}`);

    const voters = [...leaders, ...cadres];
    const tokens = await Promise.all(voters.map((v) => login(v._id)));
    const rnd = seededRandom(7);
    const cap = Math.max(1, Math.floor((CANDIDATES - 1) * 0.2));
    const candidateIds = leaders.map((l) => l._id);
    const ballots = voters.map((v) => ballotFor(v._id, candidateIds, cap, rnd));
    // each voter opened the ballot earlier in the meeting; the burst is the submissions
    const before = cloud.usage();
    const started = performance.now();
    const outcomes = await Promise.all(
      voters.map(async (_, i) => {
        await sleep(rnd() * WINDOW_MS);
        const pressed = performance.now();
        const receipt = newReceipt();
        // the ballot page's patience (client/src/votes/ballot/index.tsx)
        const r = await phoneCall(tokens[i] ?? '', 'submit', { receipt, campaignId, ratings: ballots[i] }, CALL_RETRY.patientAttempts);
        return { ...r, ms: performance.now() - pressed, receipt };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const after = cloud.usage();

    const ok = outcomes.filter((o) => o.code === 0);
    const failed = outcomes.filter((o) => o.code !== 0);
    const times = ok.map((o) => o.ms).sort((a, b) => a - b);
    const tries = outcomes.map((o) => o.tries);
    const stored = cloud.store.count('voteBallots', { campaignId });
    const marked = cloud.store.count('voteRolls', { campaignId, voted: true });
    const receipts = new Set(ok.map((o) => o.receipt));
    const inBox = ok.filter((o) => cloud.store.count('voteBallots', { _id: o.receipt }) === 1).length;
    const dbRequests = after.dbRequests - before.dbRequests;
    console.log(
      `counted exactly once: ${stored} ballots stored, ${marked} voters marked, ${receipts.size} receipts shown, ${inBox} of them in the box — ` +
        `${stored === marked && marked === ok.length && inBox === ok.length ? 'consistent' : 'INCONSISTENT'}`,
    );
    console.log(
      `voters who saw an error: ${failed.length}${failed.length ? ` (${[...new Set(failed.map((f) => `${f.code}: ${ERROR_MESSAGES[f.code as ErrorCode] ?? ''}`))].join('; ')})` : ''}`,
    );
    console.log(
      `tries per ballot: mean ${(tries.reduce((a, b) => a + b, 0) / tries.length).toFixed(2)}, max ${Math.max(...tries)}; ` +
        `time from 提交 to receipt: p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms; burst over in ${seconds.toFixed(1)} s`,
    );
    const perBallot = dbRequests / VOTERS;
    console.log(
      `floor the plan allows: ${perBallot.toFixed(2)} database requests a ballot (retries included) × ${VOTERS} ÷ ${plan.dbQps}/s = ` +
        `${((perBallot * VOTERS) / plan.dbQps).toFixed(0)} s of database time for the hall`,
    );
    const refused = Object.entries(after.refusals)
      .map(([k, n]) => [k, n - (before.refusals[k as keyof typeof before.refusals] ?? 0)] as const)
      .filter(([, n]) => n > 0);
    console.log(`refused by the platform: ${refused.length ? refused.map(([k, n]) => `${k} ${n}`).join(', ') : 'nothing'}`);
    // the hall's close, which counts and seals (rewriting the ballots of small groups), and the results the leaders
    // then open
    const closed = await phoneCall(adminToken, 'close', { campaignId });
    if (closed.code !== 0) throw new Error(`votes.close on ${planName}: ${closed.code}`);
    const counted = await phoneCall(adminToken, 'results', { campaignId });
    if (counted.code !== 0) throw new Error(`votes.results on ${planName}: ${counted.code}`);
    const day = cloud.usage();
    console.log(
      `the vote's day (set-up, burst, close and count): ${day.reads} reads of ${plan.dbReadsPerDay}, ${day.writes} writes of ${plan.dbWritesPerDay} ` +
        `(${((day.reads / plan.dbReadsPerDay) * 100).toFixed(1)}% / ${((day.writes / plan.dbWritesPerDay) * 100).toFixed(1)}%)`,
    );
    return { reads: day.reads, writes: day.writes };
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

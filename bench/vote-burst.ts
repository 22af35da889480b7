/**
 * The year-end meeting: 300 voters × 120 candidates × 5 dimensions cast ballots at the same minute, through the
 * gateway, the function host, the real `votes` function and the real SDK. Prints ballots per second, p50/p99,
 * database requests per ballot, checks every ballot is counted exactly once, and times the tally beside a plain
 * loop over the same scores.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { seededRandom } from '../shared/common/random';
import type { BindingDoc, MemberDoc } from '../shared/members/member';
import { pointsOf, weightedPoints } from '../shared/votes/ballot';
import type { BallotDoc, CampaignDoc } from '../shared/votes/campaign';
import { DEFAULT_DIMENSIONS, type Grade, type Ratings } from '../shared/votes/config';
import { biasFlags } from '../shared/votes/flags';
import { tally } from '../shared/votes/tally';
import { measure, percentile, row } from './stats';
import type * as LocalCloud from '../localcloud/src/index';
import { newReceipt } from '../tests/support/client';

type LocalCloudModule = typeof LocalCloud;

export const CANDIDATES = 120;
export const VOTERS = 300;
const IN_FLIGHT = 20; // the basic plan's concurrent instances of one function

/** A plausible ballot: a few 优秀 (within the cap), mostly 称职, some 基本称职, rare 不称职, varied by dimension. */
export function ballotFor(voter: string, candidates: string[], cap: number, rnd: () => number): Ratings {
  const others = candidates.filter((c) => c !== voter);
  const excellent = new Set(others.filter(() => rnd() < 0.15).slice(0, cap));
  const out: Ratings = {};
  for (const c of others) {
    out[c] = Object.fromEntries(
      DEFAULT_DIMENSIONS.map((d) => {
        const g: Grade = excellent.has(c) ? 'excellent' : rnd() < 0.7 ? 'competent' : rnd() < 0.9 ? 'basic' : 'incompetent';
        return [d.key, g];
      }),
    );
  }
  return out;
}

/** A park of 300: the admin, 120 leaders (the candidates of a 班子测评) and 180 cadres in 12 sections, all bound. */
export function seedPark(cloud: LocalCloud.LocalCloud): { leaders: MemberDoc[]; cadres: MemberDoc[] } {
  const sections = Array.from({ length: 12 }, (_, i) => ({ _id: `S${i + 1}`, name: `股室${i + 1}`, order: i + 1 }));
  const person = (id: string, roles: MemberDoc['roles'], i: number): MemberDoc => ({
    _id: id,
    name: `人员${id}`,
    roles,
    sectionId: `S${(i % 12) + 1}`,
    post: null,
    enterpriseId: null,
    active: true,
    bound: true,
  });
  const leaders = Array.from({ length: CANDIDATES }, (_, i) => person(`L${String(i + 1).padStart(3, '0')}`, ['leader'], i));
  const cadres = Array.from({ length: VOTERS - CANDIDATES }, (_, i) => person(`K${String(i + 1).padStart(3, '0')}`, ['cadre'], i));
  const admin = { ...person('A001', ['admin'], 0), sectionId: null };
  const members = [admin, ...leaders, ...cadres];
  cloud.store.insertMany('sections', sections);
  cloud.store.insertMany('members', members);
  cloud.store.insertMany(
    'bindings',
    members.map((m): BindingDoc => ({ _id: `bench_${m._id}`, memberId: m._id, boundAt: Date.now() })),
  );

  return { leaders, cadres };
}

/** Calls through the gateway as a phone's H5 twin makes them, with dev sign-in. */
export function gatewayClient(cloud: LocalCloud.LocalCloud) {
  const post = async (path: string, body: unknown, token?: string) => {
    const res = await fetch(`${cloud.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
      body: JSON.stringify(body),
    });
    return (await res.json()) as { token?: string; result?: { code: number | string; data?: Record<string, unknown>; message?: string } };
  };
  const login = async (id: string) => String((await post('/api/dev/login', { openid: `bench_${id}` })).token);
  const call = async (token: string, action: string, input: object) => {
    const r = await post('/api/call', { name: 'votes', data: { action, input } }, token);
    if (r.result?.code !== 0) throw new Error(`votes.${action}: ${JSON.stringify(r)}`);
    return r.result.data ?? {};
  };

  return { post, login, call };
}

export async function voteBurst(lc: LocalCloudModule, root: string): Promise<void> {
  console.log(
    `\n## Year-end vote burst: ${VOTERS} voters × ${CANDIDATES} candidates × ${DEFAULT_DIMENSIONS.length} dimensions, ${IN_FLIGHT} in flight`,
  );
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-vote-bench-'));
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true });
  try {
    const { leaders, cadres } = seedPark(cloud);
    const { post, login, call } = gatewayClient(cloud);
    const adminToken = await login('A001');
    const campaign = await call(adminToken, 'create', { title: '年度班子测评（基准）', kind: 'rate_leadership', year: 2026 });
    const campaignId = String(campaign.id);
    await call(adminToken, 'open', { campaignId });
    const voters = [...leaders, ...cadres];
    const tokens = await Promise.all(voters.map((v) => login(v._id)));
    const rnd = seededRandom(42);
    const candidateIds = leaders.map((l) => l._id);
    const cap = Math.max(1, Math.floor((CANDIDATES - 1) * 0.2));
    const ballots = voters.map((v) => ballotFor(v._id, candidateIds, cap, rnd));
    const bytes = ballots.map((b) => JSON.stringify(b).length).sort((a, b) => a - b);
    console.log(`ballot payload: p50 ${(percentile(bytes, 50) / 1024).toFixed(1)} KB (call data limit 100 KB)`);

    // Warm the instances first (a cold start loads wx-server-sdk: about a second each), then the burst.
    const cold = await measure(IN_FLIGHT, IN_FLIGHT, (i) => call(tokens[i] ?? '', 'ballot', { campaignId }));
    console.log(row(`cold start: ${IN_FLIGHT} instances open the ballot`, cold));
    const before = cloud.requestCounts();
    const codes = new Map<string, number>();
    const burst = await measure(VOTERS, IN_FLIGHT, async (i) => {
      const r = await post(
        '/api/call',
        { name: 'votes', data: { action: 'submit', input: { receipt: newReceipt(), campaignId, ratings: ballots[i] } } },
        tokens[i],
      );
      const code = String(r.result?.code ?? 'platform failure');
      codes.set(code, (codes.get(code) ?? 0) + 1);
    });
    const after = cloud.requestCounts();
    console.log(`${row('votes.submit (ballots)', burst)}  replies ${[...codes].map(([c, n]) => `${c}×${n}`).join(' ')}`);
    const delta = Object.keys(after)
      .map((k) => [k, (after[k] ?? 0) - (before[k] ?? 0)] as const)
      .filter(([, n]) => n > 0);
    const total = delta.reduce((s, [, n]) => s + n, 0);
    const data = delta.filter(([k]) => !/Transaction/.test(k)).reduce((s, [, n]) => s + n, 0);
    console.log(
      `database requests per ballot: ${(data / VOTERS).toFixed(2)} data operations, ${(total / VOTERS).toFixed(2)} with transaction begin/commit` +
        ` (${delta.map(([k, n]) => `${k.replace('database.', '')} ${(n / VOTERS).toFixed(2)}`).join(', ')})`,
    );
    const stored = cloud.store.count('voteBallots', { campaignId });
    const marked = cloud.store.count('voteRolls', { campaignId, voted: true });
    console.log(
      `counted exactly once: ${stored} ballots stored, ${marked} voters marked, ${codes.get('0') ?? 0} receipts given — ${stored === marked && marked === (codes.get('0') ?? 0) ? 'consistent' : 'INCONSISTENT'}`,
    );

    // The count: the pure tally over the stored ballots, beside a plain loop over the same scores.
    const [doc] = cloud.store.find('voteCampaigns', { _id: campaignId }) as CampaignDoc[];
    if (!doc) throw new Error('campaign vanished');
    const counted = (cloud.store.find('voteBallots', { campaignId }) as BallotDoc[]).map((b) => ({
      receipt: b._id,
      category: b.category,
      voterSectionId: b.voterSectionId,
      ratings: b.ratings,
    }));
    const roll = doc.categories.map((k) => ({ category: k.key, roll: doc.rollByCategory[k.key] ?? 0, voted: 0 }));
    const time = (fn: () => unknown) => {
      const runs: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        const t0 = performance.now();
        fn();
        runs.push(performance.now() - t0);
      }
      return runs.sort((a, b) => a - b)[2] ?? 0;
    };
    const tallyMs = time(() => tally(doc, counted, roll));
    const flagsMs = time(() => biasFlags(doc, counted));
    const plainMs = time(() => {
      const sums = new Map<string, number>();
      for (const b of counted)
        for (const [c, byDim] of Object.entries(b.ratings)) sums.set(c, (sums.get(c) ?? 0) + (weightedPoints(doc, byDim) ?? 0));
      return sums;
    });
    const rawMs = time(() => {
      let s = 0;
      for (const b of counted) for (const byDim of Object.values(b.ratings)) for (const v of Object.values(byDim)) s += pointsOf(doc.scale, v) ?? 0;
      return s;
    });
    console.log(`tally (categories, trimmed means, grades, ranking): ${tallyMs.toFixed(1)} ms; bias flags ${flagsMs.toFixed(1)} ms`);
    console.log(
      `plain loop over the same ${counted.length * (CANDIDATES - 1) * DEFAULT_DIMENSIONS.length} scores: weighted sums ${plainMs.toFixed(1)} ms, raw sum ${rawMs.toFixed(1)} ms`,
    );
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

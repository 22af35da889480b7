/**
 * Closing a quarter (issue 3): time and database requests of `assessment.close` through the gateway, the function
 * host and the real SDK, for the demo park and for a park ten times larger. Evaluations are written straight into
 * the store beforehand (setting the scene is not what is measured).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { demoOpenid, demoPark } from '../demo/park';
import { BATCH } from '../shared/assessment/config';
import type { SectionEvaluationDoc, StaffEvaluationDoc } from '../shared/assessment/evaluations';
import { dayjs, dayOf, quarterOf } from '../shared/common/time';
import type { DossierDoc } from '../shared/dossier/dossier';
import type { ChecklistDoc } from '../shared/indicators/checklist';
import type { MemberDoc } from '../shared/members/member';
import type { SectionDoc } from '../shared/park/park';
import type * as LocalCloud from '../localcloud/src/index';
import { CALL_RETRY, isRetryable, retryDelayMs } from '../shared/common/retry';
import type { ErrorCode } from '../shared/common/errors';
import { seededRandom } from '../shared/common/random';
import type { BindingDoc } from '../shared/members/member';
import { percentile } from './stats';
import { phoneCode } from './vote-burst-plan';

type LocalCloudModule = typeof LocalCloud;
type Docs = Record<string, { _id: string }[]>;

/** The demo park with its sections, cadres and this quarter's checklists and dossiers copied `factor` times. */
function scaled(park: Docs, factor: number, periodId: string): Docs {
  const out: Docs = { ...park };
  const sections = park.sections as SectionDoc[];
  const members = park.members as MemberDoc[];
  const cadres = members.filter((m) => m.roles.includes('cadre'));
  const checklists = (park.checklists as ChecklistDoc[]).filter((c) => c.periodId === periodId);
  const dossiers = (park.dossiers as DossierDoc[]).filter((d) => d.periodId === periodId);
  for (let k = 1; k < factor; k += 1) {
    const sid = (id: string) => `${id}x${k}`;
    const mid = (id: string) => `${id}x${k}`;
    out.sections = [...(out.sections ?? []), ...sections.map((s) => ({ ...s, _id: sid(s._id), name: `${s.name}${k}`, order: s.order + k * 100 }))];
    out.members = [...(out.members ?? []), ...cadres.map((m) => ({ ...m, _id: mid(m._id), sectionId: m.sectionId ? sid(m.sectionId) : null }))];
    out.checklists = [
      ...(out.checklists ?? []),
      ...checklists.map((c) => ({ ...c, _id: `${periodId}_${mid(c.memberId)}`, memberId: mid(c.memberId), sectionId: sid(c.sectionId) })),
    ];
    out.dossiers = [
      ...(out.dossiers ?? []),
      ...dossiers.map((d) => ({ ...d, _id: `${periodId}_${mid(d.memberId)}`, memberId: mid(d.memberId), sectionId: sid(d.sectionId) })),
    ];
  }
  return out;
}

function evaluations(park: Docs, periodId: string): { staff: StaffEvaluationDoc[]; sections: SectionEvaluationDoc[] } {
  const members = park.members as MemberDoc[];
  const leaders = members.filter((m) => m.roles.includes('leader'));
  return {
    staff: members
      .filter((m) => m.roles.includes('cadre'))
      .map((m, i) => ({
        _id: `${periodId}_${m._id}`,
        periodId,
        memberId: m._id,
        sectionId: m.sectionId ?? '',
        score: 75 + (i % 23),
        grades: {},
        actuals: {},
        comment: '',
        by: 'bench',
        at: 0,
      })),
    sections: (park.sections as SectionDoc[]).flatMap((s, i) =>
      leaders.map((l) => ({
        _id: `${periodId}_${s._id}_${l._id}`,
        periodId,
        sectionId: s._id,
        leaderId: l._id,
        score: 80 + (i % 17),
        comment: '',
        at: 0,
      })),
    ),
  };
}

/** Cadres filing a report in the quarter's last minute (after the section's reminder at a meeting). */
const REPORTERS = 300;
const REPORT_WINDOW_MS = 60_000;

type Post = (
  path: string,
  body: unknown,
  token?: string,
) => Promise<{ token?: string; result?: { code: number | string; message?: string }; errCode?: number }>;

/**
 * The quarter's last-day burst: cadres each record a report (其他工作实绩) at moments spread over a minute, each phone
 * running the record page's retry policy (its request id kept across tries: a retry after a lost reply is the same
 * report). Prints reports stored once each, cadres who saw an error, p50/p99 time to the saved dossier.
 */
async function lastDayReports(cloud: LocalCloud.LocalCloud, postOnce: Post, cadres: MemberDoc[], now: number): Promise<void> {
  const tokens = await Promise.all(cadres.map(async (m) => String((await postOnce('/api/dev/login', { openid: demoOpenid(m._id) })).token)));
  const before = cloud.store.count('reports');
  const usage0 = cloud.usage();
  const rnd = seededRandom(11);
  const date = dayOf(now);
  const outcomes = await Promise.all(
    cadres.map(async (m, i) => {
      await new Promise((done) => setTimeout(done, rnd() * REPORT_WINDOW_MS));
      const pressed = performance.now();
      const requestId = `last-day-${m._id}`;
      for (let attempt = 1; ; attempt += 1) {
        const r = await postOnce(
          '/api/call',
          { name: 'dossier', data: { action: 'record', requestId, input: { kind: 'achievement', date, note: `季度末补报工作实绩 ${m._id}` } } },
          tokens[i],
        );
        const code = String(phoneCode(r));
        // the record page's patience (client/src/dossier/record/index.tsx)
        if (code === '0' || !isRetryable(code as ErrorCode) || attempt >= CALL_RETRY.patientAttempts) {
          return { code, tries: attempt, ms: performance.now() - pressed };
        }
        await new Promise((done) => setTimeout(done, retryDelayMs(attempt)));
      }
    }),
  );
  const ok = outcomes.filter((o) => o.code === '0');
  const times = ok.map((o) => o.ms).sort((a, b) => a - b);
  const stored = cloud.store.count('reports') - before;
  const perCadre = cadres.map((m) => cloud.store.count('reports', { note: `季度末补报工作实绩 ${m._id}` }));
  const twice = perCadre.filter((n) => n > 1).length;
  const savedOk = outcomes.every((o, i) => o.code !== '0' || perCadre[i] === 1);
  const failed = outcomes.filter((o) => o.code !== '0');
  console.log(
    `last-day self-reports: ${cadres.length} cadres within ${REPORT_WINDOW_MS / 1000} s — ${stored} reports stored, ${ok.length} seen saved, ` +
      `${twice} stored twice${savedOk && twice === 0 ? '' : ' — INCONSISTENT'}; cadres who saw an error: ${failed.length}` +
      `${failed.length ? ` (${[...new Set(failed.map((f) => f.code))].join(', ')})` : ''}; tries mean ` +
      `${(outcomes.reduce((a, o) => a + o.tries, 0) / outcomes.length).toFixed(2)}, max ${Math.max(...outcomes.map((o) => o.tries))}; ` +
      `p50 ${percentile(times, 50).toFixed(0)} ms, p99 ${percentile(times, 99).toFixed(0)} ms`,
  );
  const perReport = (cloud.usage().dbRequests - usage0.dbRequests) / Math.max(1, stored);
  const qps = cloud.usage().plan.dbQps;
  console.log(
    `floor the plan allows: ${perReport.toFixed(2)} database requests a report × ${cadres.length} ÷ ${qps}/s = ` +
      `${((perReport * cadres.length) / qps).toFixed(0)} s for the burst`,
  );
}

/** What a quarter's open and close cost the day, in the plan's daily counters. */
export interface DayCost {
  cadres: number;
  reads: number;
  writes: number;
}

/** Tries again what the platform refused for load, as a phone does (the admin's page calls again). */
const BUSY_CODES = new Set(['BUSY', 'TIMEOUT']);

/** The demo park `factor` times over with this quarter's evaluations, every cadre bound as the demo's own are. */
function seedScaled(cloud: LocalCloud.LocalCloud, factor: number, periodId: string, now: number): { park: Docs; cadreDocs: MemberDoc[] } {
  const park = scaled(demoPark(now), factor, periodId);
  const ev = evaluations(park, periodId);
  for (const [name, docs] of Object.entries({ ...park, staffEvaluations: ev.staff, sectionEvaluations: ev.sections })) {
    cloud.store.insertMany(name, docs);
  }
  const cadreDocs = (park.members as MemberDoc[]).filter((m) => m.roles.includes('cadre'));
  const bound = new Set((park.bindings as BindingDoc[] | undefined)?.map((b) => b.memberId));
  cloud.store.insertMany(
    'bindings',
    cadreDocs.filter((m) => !bound.has(m._id)).map((m): BindingDoc => ({ _id: demoOpenid(m._id), memberId: m._id, boundAt: now })),
  );
  return { park, cadreDocs };
}

/** One call through the gateway, and the same tried again while the platform refuses it for load. */
function gatewayPosts(url: string): { postOnce: Post; post: Post } {
  const postOnce: Post = async (path, body, token) =>
    (await (
      await fetch(`${url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
        body: JSON.stringify(body),
      })
    ).json()) as Awaited<ReturnType<Post>>;
  const post: Post = async (path, body, token) => {
    for (let attempt = 1; ; attempt += 1) {
      const r = await postOnce(path, body, token);
      const refused = r.errCode === -501004 || BUSY_CODES.has(String(r.result?.code));
      if (!refused || attempt >= 10) return r;
      await new Promise((done) => setTimeout(done, 500 * attempt));
    }
  };
  return { postOnce, post };
}

export async function closeOnce(lc: LocalCloudModule, root: string, factor: number, plan?: LocalCloud.PlanName): Promise<DayCost> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-close-bench-'));
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true, ...(plan ? { plan } : {}) });
  try {
    const now = Date.now();
    const periodId = quarterOf(now);
    const { park, cadreDocs } = seedScaled(cloud, factor, periodId, now);
    const cadres = cadreDocs.length;
    const { postOnce, post } = gatewayPosts(cloud.url);
    const day0 = cloud.usage();
    if (plan) await lastDayReports(cloud, postOnce, cadreDocs.slice(0, REPORTERS), now);
    const admin = String((await post('/api/dev/login', { openid: demoOpenid('M002') })).token);
    await post('/api/call', { name: 'assessment', data: { action: 'status', input: {} } }, admin); // warm the instance

    // Opening next quarter: checklists fixed a batch per call, the page calling again until none is missing.
    const next = quarterOf(dayjs().add(3, 'month').valueOf());
    const openBefore = cloud.requestCounts();
    const o0 = performance.now();
    let calls = 0;
    for (;;) {
      calls += 1;
      const r = (await post('/api/call', { name: 'assessment', data: { action: 'openPeriod', input: { periodId: next } } }, admin)) as {
        result?: { code: number | string; data?: { checklistsMissing: number } };
      };
      if (r.result?.code !== 0) throw new Error(`openPeriod failed: ${JSON.stringify(r)}`);
      if ((r.result.data?.checklistsMissing ?? 0) === 0 || calls > 50) break;
    }
    const openMs = performance.now() - o0;
    const openAfter = cloud.requestCounts();
    const openTotal = Object.keys(openAfter).reduce((s, k) => s + (openAfter[k] ?? 0) - (openBefore[k] ?? 0), 0);
    console.log(
      `${`open next quarter, ${factor === 1 ? 'demo park' : `${factor}× park`}`.padEnd(52)} ${(openMs / 1000).toFixed(2).padStart(6)} s  ` +
        `${openTotal} database requests in ${calls} call(s), at most ${BATCH.checklistsPerCall} checklists a call`,
    );

    const before = cloud.requestCounts();
    const t0 = performance.now();
    const r = await post('/api/call', { name: 'assessment', data: { action: 'close', input: { periodId } } }, admin);
    const ms = performance.now() - t0;
    if (r.result?.code !== 0) throw new Error(`close failed: ${JSON.stringify(r)}`);
    const after = cloud.requestCounts();
    const total = Object.keys(after).reduce((s, k) => s + (after[k] ?? 0) - (before[k] ?? 0), 0);
    const gets = (after['database.getDocument'] ?? 0) - (before['database.getDocument'] ?? 0);
    const writes = (after['database.modifyDocument'] ?? 0) - (before['database.modifyDocument'] ?? 0);
    console.log(
      `${`quarter close, ${factor === 1 ? 'demo park' : `${factor}× park`} (${cadres} cadres, ${(park.sections ?? []).length} sections)`.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(6)} s  ` +
        `${total} database requests (${gets} reads, ${writes} writes) — function timeout 30 s`,
    );
    const day = cloud.usage();
    return { cadres, reads: day.reads - day0.reads, writes: day.writes - day0.writes };
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function quarterClose(lc: LocalCloudModule, root: string): Promise<void> {
  console.log('\n## Quarter open and close (assessment.openPeriod / close through the real SDK)');
  await closeOnce(lc, root, 1);
  await closeOnce(lc, root, 10);
}

/** The peak day's second half: a quarter closed (and the next opened) on the plan's limits, for a park of 10× the demo. */
export async function quarterCloseOnPlan(lc: LocalCloudModule, root: string, plan: LocalCloud.PlanName): Promise<DayCost> {
  return closeOnce(lc, root, 10, plan);
}

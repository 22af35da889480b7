/**
 * Timed reminders (提醒): one `tick` of the reminders function's timer with every kind of reminder due for everyone —
 * dossiers short of target three days before the quarter closes, 考人 / 考事 missing, an open campaign closing within
 * 48 h with nobody voted, a feedback report per cadre unacknowledged for a week — and every staff member subscribed to
 * all three templates (the platform's half through the gateway's dialog, the product's through reminders.subscribe).
 * For the demo park and a park 5× its size (copies of the sections and cadres, each bound to its own WeChat identity):
 * time of the run, database requests, messages delivered, the run's counts, against the function's 60 s timeout; the
 * next tick 15 minutes later (the day done: nothing sent twice); then the 5× park on the basic plan's metered database
 * (30 requests a second), where a run stops claiming after 40 s and the next tick goes on.
 * The park is seeded as of 2026-12-26 09:00 and the timer fires for 2026-12-28 10:00 (park time), as the tests do.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { demoOpenid } from '../demo/park';
import { seedDemo } from '../demo/seed';
import { dayOf, parkInstant } from '../shared/common/time';
import { hasRole, type BindingDoc, type MemberDoc } from '../shared/members/member';
import type { SectionDoc } from '../shared/park/park';
import type { RunView } from '../shared/reminders/contract';
import { TEMPLATE_KEYS, TEMPLATES } from '../shared/reminders/templates';
import { phoneCode } from './vote-burst-plan';
import type * as LocalCloud from '../localcloud/src/index';
import { gateway } from './stats';

type LocalCloudModule = typeof LocalCloud;

const SEEDED = parkInstant('2026-12-26', '09:00');
const AT = parkInstant('2026-12-28', '10:00');
const CLOSES = parkInstant('2026-12-29', '18:00');
const FEEDBACK_SENT = parkInstant('2026-12-20', '10:00');
const QUARTER_HOUR = 15 * 60_000;
const CAMPAIGN = 'VBENCHREMIND';
/** Subscriptions set up at once (people tapping 订阅 in the same minutes). */
const AT_ONCE = 10;
/** Ticks the metered run is given to finish the day. */
const MAX_TICKS = 6;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The demo's sections and cadres `times` over (copies with their own ids), every copy bound to its own openid. */
async function scaleUp(store: LocalCloud.Store, times: number): Promise<void> {
  const sections = (await store.find('sections')) as SectionDoc[];
  const cadres = ((await store.find('members')) as MemberDoc[]).filter((m) => m.roles.includes('cadre'));
  for (let k = 1; k < times; k += 1) {
    const copy = (id: string) => `${id}x${k}`;
    store.insertMany(
      'sections',
      sections.map((s) => ({ ...s, _id: copy(s._id), name: `${s.name}${k}`, order: s.order + k * 100 })),
    );
    const members = cadres.map((m) => ({ ...m, _id: copy(m._id), sectionId: m.sectionId ? copy(m.sectionId) : null, bound: true }));
    store.insertMany('members', members);
    store.insertMany(
      'bindings',
      members.map((m): BindingDoc => ({ _id: demoOpenid(m._id), memberId: m._id, boundAt: SEEDED })),
    );
  }
}

/**
 * Ballots and feedback due for every active cadre (dossiers and evaluations are due by the date): an open campaign
 * closing within 48 h of the tick whose roll has nobody voted, and a 2026Q3 feedback report each, sent a week before.
 */
async function everythingDue(store: LocalCloud.Store): Promise<void> {
  const cadres = ((await store.find('members', { active: true })) as MemberDoc[]).filter((m) => hasRole(m, 'cadre'));
  store.insertMany('voteCampaigns', [
    {
      _id: CAMPAIGN,
      title: '2026年度干部互评',
      kind: 'peer',
      year: 2026,
      status: 'open',
      opensAt: null,
      closesAt: CLOSES,
      closedAt: null,
      ready: true,
      rollByCategory: { cadre: cadres.length },
      createdBy: 'bench',
      createdAt: SEEDED,
    },
  ]);
  store.insertMany(
    'voteRolls',
    cadres.map((m) => ({
      _id: `${CAMPAIGN}_${m._id}`,
      campaignId: CAMPAIGN,
      memberId: m._id,
      category: 'cadre',
      group: null,
      voted: false,
      closed: false,
    })),
  );
  store.insertMany(
    'feedbackReports',
    cadres.map((m) => ({
      _id: `2026Q3_${m._id}`,
      memberId: m._id,
      memberName: m.name,
      periodId: '2026Q3',
      sentAt: FEEDBACK_SENT,
      acknowledgedAt: null,
      talks: [],
    })),
  );
}

/** The openids of every active staff member who is bound (the people who can subscribe). */
async function staffOpenids(store: LocalCloud.Store): Promise<string[]> {
  const staff = new Set(
    ((await store.find('members', { active: true })) as MemberDoc[])
      .filter((m) => hasRole(m, 'cadre', 'sectionHead', 'leader', 'admin'))
      .map((m) => m._id),
  );
  return ((await store.find('bindings')) as BindingDoc[]).filter((b) => staff.has(b.memberId)).map((b) => b._id);
}

/**
 * Everyone accepts all three templates, `AT_ONCE` people at a time: in WeChat's dialog (the platform's credits), then
 * reminders.subscribe (the product's record). A call the plan refuses for load (BUSY) is tried again after a pause:
 * a refused call wrote nothing.
 */
async function subscribeAll(
  cloud: LocalCloud.LocalCloud,
  openids: string[],
): Promise<{ people: number; calls: number; ms: number; requests: number }> {
  const post = gateway(cloud.url);
  const tmplIds = TEMPLATE_KEYS.map((k) => TEMPLATES[k].id);
  const dialog = { tmplIds, answers: Object.fromEntries(tmplIds.map((id) => [id, 'accept'])) };
  const input = { answers: Object.fromEntries(TEMPLATE_KEYS.map((k) => [k, 'accept'])) };
  let next = 0;
  let people = 0;
  let calls = 0;
  const one = async (openid: string) => {
    const token = String((await post('/api/dev/login', { openid })).token);
    const platform = await post('/api/subscribe', dialog, token);
    if (platform.errMsg !== 'requestSubscribeMessage:ok') throw new Error(`subscribe dialog for ${openid}: ${JSON.stringify(platform)}`);
    for (let attempt = 1; ; attempt += 1) {
      calls += 1;
      const r = await post('/api/call', { name: 'reminders', data: { action: 'subscribe', input } }, token);
      const code = phoneCode(r);
      if (code === 0) break;
      if (code !== 'BUSY' || attempt >= 30) throw new Error(`reminders.subscribe for ${openid}: ${JSON.stringify(r).slice(0, 300)}`);
      await sleep(200 + Math.random() * 300 * Math.min(attempt, 5));
    }
    people += 1;
  };
  const requests = cloud.usage().dbRequests;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: AT_ONCE }, async () => {
      for (;;) {
        const i = next;
        next += 1;
        if (i >= openids.length) return;
        await one(openids[i] ?? '');
      }
    }),
  );
  return { people, calls, ms: performance.now() - t0, requests: cloud.usage().dbRequests - requests };
}

interface Tick {
  ms: number;
  requests: number;
  delivered: number;
  code: number | string;
  message: string | null;
  run: RunView | null;
}

/** One timer tick as the platform fires it at `at`: wall time, database requests and messages delivered meanwhile. */
async function tick(cloud: LocalCloud.LocalCloud, at: number): Promise<Tick> {
  const requests = cloud.usage().dbRequests;
  const delivered = cloud.sentMessages().length;
  const t0 = performance.now();
  const r = await cloud.fireTimer('reminders', 'tick', at);
  const ms = performance.now() - t0;
  if (!r.ok) throw new Error(`reminders/tick at ${new Date(at).toISOString()}: ${r.message ?? 'failed'}`);
  const reply = r.result as { code: number | string; message?: string; data?: RunView | null };
  return {
    ms,
    requests: cloud.usage().dbRequests - requests,
    delivered: cloud.sentMessages().length - delivered,
    code: reply.code,
    message: reply.message ?? null,
    run: reply.data ?? null,
  };
}

/** The day's run record as the admin's page reads it (reminderRuns/{day}). */
async function dayRecord(store: LocalCloud.Store): Promise<string> {
  const [d] = (await store.find('reminderRuns', { _id: dayOf(AT) })) as (RunView & { leaseUntil: number })[];
  return d ? `record ${d.status}, attempt ${d.attempts}, sent ${d.sent}` : 'no record';
}

/** The product's half after the runs: each person's sent entries by status ('sending': claimed, outcome never written). */
async function sentStatuses(store: LocalCloud.Store): Promise<string> {
  const counts = new Map<string, number>();
  for (const d of (await store.find('reminderSubs')) as { sent: Record<string, { status: string }> }[]) {
    for (const e of Object.values(d.sent)) counts.set(e.status, (counts.get(e.status) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** What a tick did, in a line's tail. */
function outcome(t: Tick): string {
  if (t.code !== 0) return `the function answered ${t.code}${t.message ? ` (${t.message})` : ''}`;
  const r = t.run;
  if (!r) return 'nothing to do (null)';
  return (
    `run ${r.status}${r.error ? ` (${r.error})` : ''}: ${r.due} due, ${r.sent} sent, ${r.failed} failed, ${r.waiting} waiting, ` +
    `${r.deferred} deferred, ${r.alreadySent} already sent`
  );
}

/** A cloud seeded with the park `times` over, everything due, and everyone subscribed. */
async function prepared(lc: LocalCloudModule, root: string, times: number, plan?: LocalCloud.Plan) {
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-reminders-bench-'));
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true, ...(plan ? { plan } : {}) });
  const stop = async () => {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    seedDemo(cloud.store, SEEDED);
    await scaleUp(cloud.store, times);
    await everythingDue(cloud.store);
    const setup = await subscribeAll(cloud, await staffOpenids(cloud.store));
    return { cloud, setup, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

const labelOf = (times: number) => (times === 1 ? 'the demo park' : `a park ${times}× the demo`);

async function oneScale(lc: LocalCloudModule, root: string, times: number): Promise<number> {
  const { cloud, setup, stop } = await prepared(lc, root, times);
  try {
    const label = labelOf(times);
    const first = await tick(cloud, AT);
    const r = first.run;
    console.log(
      `reminders, ${label}: ${setup.people} people subscribed (set-up ${secs(setup.ms)}), ${cloud.store.count('members', { active: true })} active members; ` +
        `${r?.due ?? '?'} due, ${r?.sent ?? '?'} sent in ${secs(first.ms)} (${first.requests} db requests, ${first.delivered} messages delivered); ` +
        `${outcome(first)} — timeout 60 s`,
    );
    console.log(`reminders, ${label}: set-up ${setup.requests} db requests; sent entries in reminderSubs: ${await sentStatuses(cloud.store)}`);
    const again = await tick(cloud, AT + QUARTER_HOUR);
    console.log(
      `reminders, ${label}: the next tick (+15 min) in ${secs(again.ms)} (${again.requests} db requests): ${outcome(again)}; ` +
        `messages delivered since: ${again.delivered} (total ${cloud.sentMessages().length})`,
    );
    return first.delivered;
  } finally {
    await stop();
  }
}

/** The 5× park on the basic plan's metered database: ticks 15 minutes apart until the day's run is done. */
async function onBasicPlan(lc: LocalCloudModule, root: string, times: number, unmeteredDelivered: number): Promise<void> {
  const plan = lc.PLANS.basic;
  const { cloud, setup, stop } = await prepared(lc, root, times, plan);
  try {
    const label = labelOf(times);
    const before = cloud.usage();
    console.log(
      `reminders, ${label}, ${plan.label} plan (database ${plan.dbQps} requests/s): set-up ${setup.people} people subscribed in ${secs(setup.ms)}, ` +
        `${setup.calls} reminders.subscribe calls (${setup.calls - setup.people} tried again after BUSY), ${setup.requests} db requests`,
    );
    const ticks: Tick[] = [];
    for (let i = 0; i < MAX_TICKS; i += 1) {
      const t = await tick(cloud, AT + i * QUARTER_HOUR);
      ticks.push(t);
      console.log(
        `  tick ${i + 1} (+${i * 15} min): ${secs(t.ms)}, ${t.requests} db requests, ${t.delivered} delivered; ${outcome(t)}; ${await dayRecord(cloud.store)}`,
      );
      if (t.code === 0 && (t.run === null || t.run.status === 'done')) break;
    }
    const after = cloud.usage();
    const doneAt = ticks.findIndex((t) => t.run?.status === 'done');
    const delivered = ticks.reduce((n, t) => n + t.delivered, 0);
    const refused = Object.entries(after.refusals)
      .map(([k, n]) => [k, n - (before.refusals[k as keyof typeof before.refusals] ?? 0)] as const)
      .filter(([, n]) => n > 0);
    console.log(
      `reminders, ${label}, ${plan.label} plan: first run ${ticks[0]?.run?.status ?? String(ticks[0]?.code)} in ${secs(ticks[0]?.ms ?? 0)}; ` +
        `${doneAt >= 0 ? `done after ${doneAt + 1} tick(s)` : `not done after ${ticks.length} ticks`}, ${delivered} messages delivered ` +
        `(unmetered: ${unmeteredDelivered}); the runs' ${after.reads - before.reads} reads / ${after.writes - before.writes} writes of ` +
        `${plan.dbReadsPerDay} / ${plan.dbWritesPerDay} a day; refused by the platform: ${refused.length ? refused.map(([k, n]) => `${k} ${n}`).join(', ') : 'nothing'}`,
    );
    console.log(`reminders, ${label}, ${plan.label} plan: sent entries in reminderSubs: ${await sentStatuses(cloud.store)}`);
  } finally {
    await stop();
  }
}

export async function remindersBench(lc: LocalCloudModule, root: string): Promise<void> {
  console.log('\n## Timed reminders (提醒): one tick of reminders/tick with every reminder due, everyone subscribed');
  await oneScale(lc, root, 1);
  const delivered = await oneScale(lc, root, 5);
  await onBasicPlan(lc, root, 5, delivered);
}

/**
 * A reminder run: what is due (shared/reminders/rules.ts), for whom a subscription allows it, sent as subscribe
 * messages. The timer trigger (config.json) fires every quarter hour; one run a day completes, in office hours.
 *
 * Never twice, never past an acceptance: each message is first claimed in the person's `reminderSubs` record by one
 * conditional update — the key not sent yet and a credit left (decremented in the same write) — and only then
 * handed to the platform. A claim whose outcome is lost (the instance died, the platform did not answer) stays
 * claimed and is not sent again: a reminder missed is better than one sent twice.
 *
 * A run that fails (a refused read, a spent quota, a timeout) leaves its day's record saying why, and the next tick
 * runs again: what was claimed before is skipped, what was not is sent. The record's lease keeps two runs — a tick
 * and the admin's button — from working at once.
 */
import { mpVersion } from '../../../server/common/release';
import type { Cloud, Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { allPages } from '../../../server/common/pages';
import { platformRefusal } from '../../../server/common/refusal';
import type { Handler, TimerCtx } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { inPark } from '../../../shared/common/time';
import type { RunView } from '../../../shared/reminders/contract';
import { dueReminders, inSendingHours, planSends, runDayOf, type PlannedSend } from '../../../shared/reminders/rules';
import { TEMPLATES, type TemplateKey } from '../../../shared/reminders/templates';
import { loadFacts } from './facts';
import { subscriberOf, type SentEntry, type SubDoc } from './subscriptions';

/** `reminderRuns/{park day}` */
export interface RunDoc extends RunView {
  _id: string;
  /** Until when the run at work holds the day (past the function's 60 s timeout: a dead run's lease runs out). */
  leaseUntil: number;
}

export const LEASE_MS = 75_000;
/**
 * New people are taken on until this long into a run: what is under way (a batch's claims, sends and outcome writes)
 * and the run's own record then fit in the rest of the 60 s timeout; the next tick goes on.
 */
export const BUDGET_MS = 40_000;
/** People whose messages are sent at once (each: a claim, up to three sends, an outcome write). */
const PEOPLE_AT_ONCE = 8;

/** The platform's errcodes of a send, and what each means for the person's credit. */
const REFUSED = 43101; // the person allowed no more: the platform holds no credit for them
const OUR_FAULT = new Set([40003, 40037, 41030, 47003]); // bad openid, template, page or value: nothing was used

const EMPTY_COUNTS = { due: 0, sent: 0, waiting: 0, alreadySent: 0, deferred: 0, failed: 0 };

export function runView(d: RunDoc): RunView {
  const { _id, leaseUntil: _lease, ...v } = d;
  return { ...v, day: _id };
}

/** Take the day's run, or null when it is done (for the timer) or another run holds it. */
async function begin(db: Database, now: number, trigger: RunView['trigger']): Promise<{ run: RunDoc } | { busy: RunDoc | null }> {
  const day = runDayOf(now);
  return withTransaction(db, async (tx) => {
    const ref = tx.collection<RunDoc>(COLL.reminderRuns).doc(day);
    const cur = (await ref.get()).data;
    if (cur && (cur.leaseUntil > now || (trigger === 'timer' && cur.status === 'done'))) return { busy: cur };
    const run: RunDoc = {
      _id: day,
      day,
      ...EMPTY_COUNTS,
      // what went out today adds up over the day's runs (a run that stopped short and the one that went on)
      sent: cur?.sent ?? 0,
      failed: cur?.failed ?? 0,
      status: 'running',
      trigger,
      attempts: (cur?.attempts ?? 0) + 1,
      startedAt: now,
      finishedAt: null,
      error: null,
      leaseUntil: now + LEASE_MS,
    };
    const { _id, ...data } = run;
    await ref.set({ data });
    return { run };
  });
}

async function finish(db: Database, run: RunDoc): Promise<void> {
  const { _id, ...data } = run;
  await db
    .collection<RunDoc>(COLL.reminderRuns)
    .doc(_id)
    .set({ data: { ...data, leaseUntil: 0 } });
}

function entryOf(s: PlannedSend, now: number): SentEntry {
  const { template, kind } = s.reminder;
  return {
    kind,
    template,
    title: s.reminder.data[Object.keys(TEMPLATES[template].keywords)[0] ?? ''] ?? '',
    // a ballot's reminder keeps its day only (subscriptions.ts)
    at: kind === 'ballot' ? inPark(now).startOf('day').valueOf() : now,
    status: 'sending',
  };
}

/**
 * The claim: one write that checks each key is unsent and a credit is left for it, and takes both — for all of a
 * person's messages of this run at once (a person gets at most one per template, so the credits checked are
 * distinct). When the whole set no longer holds (a credit gone meanwhile), each is claimed alone.
 */
async function claim(db: Database, openid: string, sends: PlannedSend[], now: number): Promise<PlannedSend[]> {
  const _ = db.command;
  const once = async (set: PlannedSend[]): Promise<boolean> => {
    const cond: Record<string, unknown> = { _id: openid };
    const data: Record<string, unknown> = { updatedAt: now };
    for (const x of set) {
      const { key, template } = x.reminder;
      cond[`sent.${key}`] = _.exists(false);
      data[`sent.${key}`] = _.set(entryOf(x, now));
      if (TEMPLATES[template].longTerm) cond[`accepted.${template}`] = true;
      else {
        cond[`credits.${template}`] = _.gt(0);
        data[`credits.${template}`] = _.inc(-1);
      }
    }
    const r = await db.collection<SubDoc>(COLL.reminderSubs).where(cond).update({ data });
    return r.stats.updated === 1;
  };
  if (await once(sends)) return sends;
  if (sends.length === 1) return [];
  const one = await Promise.all(sends.map(async (x) => ((await once([x])) ? [x] : [])));
  return one.flat();
}

type Outcome = { status: 'sent' } | { status: 'failed' | 'unknown'; errcode: number | null };

function errcodeOf(e: unknown): number | null {
  const c = e && typeof e === 'object' ? (e as { errCode?: unknown }).errCode : undefined;
  return typeof c === 'number' ? c : null;
}

async function deliver(cloud: Cloud, s: PlannedSend): Promise<Outcome> {
  const r = s.reminder;
  try {
    await cloud.openapi.subscribeMessage.send({
      touser: s.openid,
      templateId: TEMPLATES[r.template].id,
      page: r.page,
      data: Object.fromEntries(Object.entries(r.data).map(([k, value]) => [k, { value }])),
      miniprogramState: mpVersion().miniprogramState,
      lang: 'zh_CN',
    });
    return { status: 'sent' };
  } catch (e) {
    const errcode = errcodeOf(e);
    return { status: errcode === REFUSED || (errcode !== null && OUR_FAULT.has(errcode)) ? 'failed' : 'unknown', errcode };
  }
}

/** Outcomes written back, one write per person: statuses, and the credit a failed send did not use (or lost). */
async function record(db: Database, openid: string, done: { s: PlannedSend; out: Outcome }[], now: number): Promise<void> {
  const _ = db.command;
  const data: Record<string, unknown> = { updatedAt: now };
  for (const { s, out } of done) {
    const { key, template } = s.reminder;
    data[`sent.${key}.status`] = out.status;
    if (out.status === 'sent') continue;
    if (out.errcode !== null) data[`sent.${key}.errcode`] = out.errcode;
    if (TEMPLATES[template].longTerm) {
      if (out.errcode === REFUSED) data[`accepted.${template}`] = false;
    } else if (out.errcode === REFUSED) data[`credits.${template}`] = 0;
    else if (out.errcode !== null && OUR_FAULT.has(out.errcode)) data[`credits.${template}`] = _.inc(1);
  }
  await db.collection<SubDoc>(COLL.reminderSubs).doc(openid).update({ data });
}

function describe(e: unknown): string {
  if (e instanceof AppError) return e.message;
  const refusal = platformRefusal(e);
  if (refusal === 'quota') return '云数据库今日用量已达上限，明天再发送';
  if (refusal) return '云数据库繁忙，下次定时任务重试';
  const text = e instanceof Error ? e.message : JSON.stringify(e);
  return `运行出错：${String(text).slice(0, 160)}`;
}

/** One person's messages of this run: claimed, handed to the platform, and the outcomes written back. */
async function sendTo(db: Database, cloud: Cloud, run: RunDoc, openid: string, sends: PlannedSend[], now: number): Promise<void> {
  const claimed = await claim(db, openid, sends, now);
  if (claimed.length === 0) return;
  const done = await Promise.all(claimed.map(async (x) => ({ s: x, out: await deliver(cloud, x) })));
  for (const d of done) {
    if (d.out.status === 'sent') run.sent += 1;
    else run.failed += 1;
  }
  await record(db, openid, done, now);
}

/**
 * Send what is due and allowed, a few people at a time (two writes each: the claim and the outcomes, which keeps a
 * park inside the plan's database rate), until the time budget is spent; the rest waits for the next tick.
 */
async function sendDue(db: Database, cloud: Cloud, run: RunDoc, now: number, started: number): Promise<void> {
  const [facts, subs] = await Promise.all([
    loadFacts(db, now),
    allPages((skip, limit) => db.collection<SubDoc>(COLL.reminderSubs).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
  ]);
  const due = dueReminders(facts, now);
  const plan = planSends(
    due,
    subs.map((d) => subscriberOf(d, now)),
  );
  Object.assign(run, { due: due.length, waiting: plan.waiting, alreadySent: plan.alreadySent, deferred: plan.deferred });
  const byPerson = new Map<string, PlannedSend[]>();
  for (const x of plan.sends) byPerson.set(x.openid, [...(byPerson.get(x.openid) ?? []), x]);
  const people = [...byPerson];
  let left = 0;
  for (let i = 0; i < people.length; i += PEOPLE_AT_ONCE) {
    if (Date.now() - started > BUDGET_MS) {
      left = people.slice(i).reduce((n, [, xs]) => n + xs.length, 0);
      break;
    }
    await Promise.all(people.slice(i, i + PEOPLE_AT_ONCE).map(([openid, xs]) => sendTo(db, cloud, run, openid, xs, now)));
  }
  if (left > 0) {
    run.status = 'partial';
    run.error = `本次时间用尽，余下${left}条提醒在下次定时任务继续发送`;
  } else run.status = 'done';
}

/**
 * One run: the timer's (null when there is nothing to do now: outside office hours, the day's run done, or another
 * run at work) or the admin's, which runs when asked — whatever the hour, and again after the day's run (what came
 * due since is sent; nothing is sent twice).
 */
export async function runReminders(db: Database, cloud: Cloud, now: number, trigger: RunView['trigger']): Promise<RunDoc | null> {
  if (trigger === 'timer' && !inSendingHours(now)) return null;
  const started = Date.now();
  const taken = await begin(db, now, trigger);
  if ('busy' in taken) {
    if (trigger === 'timer') return null;
    throw new AppError('CONFLICT', '提醒正在发送，请稍后刷新');
  }
  const run = taken.run;
  try {
    await sendDue(db, cloud, run, now, started);
  } catch (e) {
    run.status = 'failed';
    run.error = describe(e);
    console.error('[reminders.run]', e);
  }
  // on the run's clock (the tick's time), however long it took
  run.finishedAt = now + (Date.now() - started);
  try {
    await finish(db, run);
  } catch (e) {
    // the record stays 'running' until its lease runs out; the next tick after that runs again, sending nothing twice
    console.error('[reminders.finish]', e);
  }
  return run;
}

/** The timer's tick: the time it fired for is the platform's clock, as the event says. */
export async function onTimer(ctx: TimerCtx): Promise<RunView | null> {
  const run = await runReminders(ctx.db, ctx.cloud, ctx.now, 'timer');
  return run ? runView(run) : null;
}

export const run: Handler<'reminders', 'run'> = async (_input, ctx) => {
  const r = await runReminders(ctx.db, ctx.cloud, ctx.now, 'admin');
  if (!r) throw new AppError('CONFLICT', '提醒正在发送，请稍后刷新');
  return runView(r);
};

export const runs: Handler<'reminders', 'runs'> = async (_input, ctx) => {
  const [list, subs] = await Promise.all([
    ctx.db.collection<RunDoc>(COLL.reminderRuns).orderBy('_id', 'desc').limit(14).get(),
    ctx.db.collection(COLL.reminderSubs).count(),
  ]);
  return { runs: list.data.map(runView), subscribers: subs.total };
};

export type { TemplateKey };

/**
 * The WeChat Cloud plan's limits as the platform enforces them (localcloud/src/plans.ts, limits.ts): over a limit
 * a call or a database request is REFUSED with the platform's error, never queued. Small plans keep the suite quick;
 * the clock is injected wherever a window or a day matters, so nothing here waits for time to pass.
 */
import fs from 'node:fs';
import path from 'node:path';
import { demoOpenid } from '../../demo/park';
import { seedDemo } from '../../demo/seed';
import { DatabaseLimits, RATE_WINDOW_MS } from '../../localcloud/src/limits';
import { PLANS, startLocalCloud, unmeteredDatabase, type LocalCloud, type Plan } from '../../localcloud/src/index';
import { SqliteStore } from '../../localcloud/src/store';
import { parkInstant } from '../../shared/common/time';
import { callFn, FIXTURE_FUNCTIONS, login, postJson, sdkFor, startTestCloud, tempDataDir } from './helpers';
import { ERROR_MESSAGES } from '../../shared/common/errors';

const REPO_FUNCTIONS = path.join(__dirname, '..', '..', 'cloudfunctions');

/** A plan of `basic` with some figures changed (the database unmetered unless set). */
const plan = (figures: Partial<Plan>): Plan => ({ ...unmeteredDatabase(PLANS.basic), name: 'test', ...figures });

/** Wait for a condition the cloud reports (instances running), polling; fails after 10 s. */
async function until(what: string, cond: () => boolean): Promise<void> {
  for (let waited = 0; !cond(); waited += 10) {
    if (waited > 10_000) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** What the real wx-server-sdk gives function code for a database call: its result, or its error's code and text. */
async function outcome(p: Promise<unknown>): Promise<{ ok: true } | { ok: false; errCode: unknown; errMsg: string }> {
  try {
    await p;
    return { ok: true };
  } catch (e) {
    const err = e as { errCode?: unknown; errMsg?: string; message?: string };
    return { ok: false, errCode: err.errCode, errMsg: String(err.errMsg ?? err.message) };
  }
}

describe('function concurrency: a call beyond the plan’s instances of one function is refused, not queued', () => {
  const INSTANCES = 3;
  let cloud: LocalCloud;
  let release: string;
  beforeAll(async () => {
    cloud = await startTestCloud('fn-limit', { plan: plan({ functionInstances: INSTANCES }) });
    release = path.join(tempDataDir('release'), 'go');
  });
  afterAll(() => cloud.stop());

  it('runs the first 3 (the plan’s instances) and refuses the 4th with -501004 as wx.cloud.callFunction fails', async () => {
    const token = await login(cloud, 'o_limits');
    const held = Array.from({ length: INSTANCES }, (_x, i) => callFn(cloud, 'hold', { until: release, tag: i }, token));
    await until('3 instances of hold running', () => cloud.usage().running.hold === INSTANCES);

    const refused = await callFn(cloud, 'hold', { until: release, tag: 'fourth' }, token);
    expect(refused.result).toBeUndefined();
    expect(refused.errCode).toBe(-501004);
    expect(refused.errMsg).toMatch(/^callFunction:fail -501004 exceed concurrent request limit\. \[EXCEED_CONCURRENT_REQUEST_LIMIT\] /);
    // a function calling it through the SDK is refused as well (node-sdk wraps it: errCode -1, the code in errMsg)
    const nested = await callFn(cloud, 'caller', { target: 'hold' }, token);
    expect(nested.result).toMatchObject({ ok: false, errCode: -1 });
    expect(nested.result.errMsg).toMatch(/EXCEED_CONCURRENT_REQUEST_LIMIT/);
    // refusing took no instance: the three are still the ones running
    expect(cloud.usage().running.hold).toBe(INSTANCES);

    fs.writeFileSync(release, '');
    expect((await Promise.all(held)).map((r) => r.result)).toEqual([{ held: 0 }, { held: 1 }, { held: 2 }]);
    expect(cloud.usage().refusals.functionInstances).toBe(2);
  });

  it('takes calls again once an instance is free', async () => {
    expect((await callFn(cloud, 'hold', { until: release, tag: 'later' })).result).toEqual({ held: 'later' });
  });
});

describe('database rate: a request over the plan’s QPS is refused (EXCEED_RATELIMIT), not delayed', () => {
  const QPS = 5;
  const t0 = parkInstant('2026-12-20', '10:00');
  let now = t0;
  let cloud: LocalCloud;
  let db: any;
  beforeAll(async () => {
    cloud = await startTestCloud('qps', { plan: plan({ dbQps: QPS }), clock: () => now });
    db = sdkFor(cloud).database({ throwOnNotFound: false });
  });
  afterAll(() => cloud.stop());

  it('serves 5 requests within a second and refuses the 6th, 7th and 8th with the error wx-server-sdk gives', async () => {
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => outcome(db.collection('c').doc('x').get())));
    expect(outcomes.filter((o) => o.ok)).toHaveLength(QPS);
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused).toHaveLength(3);
    // the SDK's table has no entry for EXCEED_RATELIMIT: -501001 (its SYS_ERR), the platform's code in errMsg
    for (const o of refused)
      expect(o).toMatchObject({ errCode: -501001, errMsg: expect.stringMatching(/^document\.get:fail -501001 .*\[EXCEED_RATELIMIT\]/) });
    expect(cloud.usage()).toMatchObject({ dbRequests: QPS, reads: QPS, refusals: { dbQps: 3 } });
  });

  it('counts what a transaction sends: starting it is a request too', async () => {
    now = t0 + RATE_WINDOW_MS; // the window of the first five has passed
    const tx = await db.startTransaction(); // 1
    await tx.collection('c').doc('x').get(); // 2
    await tx
      .collection('c')
      .doc('x')
      .set({ data: { n: 1 } }); // 3
    await db.collection('c').where({ n: 1 }).count(); // 4
    expect(await outcome(tx.commit())).toEqual({ ok: true }); // 5
    expect(await outcome(db.collection('c').doc('x').get())).toMatchObject({ ok: false, errMsg: expect.stringMatching(/EXCEED_RATELIMIT/) });
  });

  it('accepts requests again 1000 ms after the ones that filled the window, not 1 ms before', async () => {
    now = t0 + 2 * RATE_WINDOW_MS - 1;
    expect(await outcome(db.collection('c').doc('x').get())).toMatchObject({ ok: false });
    now = t0 + 2 * RATE_WINDOW_MS;
    expect(await outcome(db.collection('c').doc('x').get())).toEqual({ ok: true });
  });
});

describe('database connections: a request beyond the plan’s connections at once is refused', () => {
  // Locally a request is served synchronously in well under a millisecond, so requests never overlap at the server:
  // the limit is tested on the limiter itself.
  it('refuses the 3rd request while 2 are being served, and takes it once one is answered', () => {
    const store = new SqliteStore(tempDataDir('connections'));
    try {
      const limits = new DatabaseLimits(plan({ dbConnections: 2 }), store, () => Date.now());
      expect(limits.admit('database.getDocument', 'read')).toBeNull();
      expect(limits.admit('database.getDocument', 'read')).toBeNull();
      const refused = limits.admit('database.getDocument', 'read');
      expect(refused?.code).toBe('EXCEED_CONCURRENT_REQUEST_LIMIT');
      expect(refused?.message).toMatch(/^\[EXCEED_CONCURRENT_REQUEST_LIMIT\] .*2 at once/);
      limits.release();
      expect(limits.admit('database.getDocument', 'read')).toBeNull();
      expect(limits.refusals.dbConnections).toBe(1);
    } finally {
      store.close();
    }
  });
});

describe('daily quotas: reads and writes a China calendar day, kept across restarts, renewed at 00:00 China time', () => {
  const READS = 3;
  const WRITES = 2;
  const quotaPlan = plan({ dbReadsPerDay: READS, dbWritesPerDay: WRITES });
  const lastMinute = parkInstant('2026-12-20', '23:59'); // 15:59 UTC
  const midnight = parkInstant('2026-12-21', '00:00'); // 16:00 UTC
  let now = lastMinute;
  const dataDir = tempDataDir('quota');
  const start = () => startLocalCloud({ dataDir, functionsDir: FIXTURE_FUNCTIONS, port: 0, plan: quotaPlan, clock: () => now });
  let cloud: LocalCloud;
  let db: any;
  beforeAll(async () => {
    cloud = await start();
    db = sdkFor(cloud).database({ throwOnNotFound: false });
  });
  afterAll(() => cloud.stop());

  const read = () => outcome(db.collection('q').doc('a').get());
  const write = (n: number) => outcome(db.collection('q').add({ data: { n } }));

  it('refuses the 3rd write with -501016 and still serves reads', async () => {
    expect([await write(1), await write(2)]).toEqual([{ ok: true }, { ok: true }]);
    const refused = await write(3);
    // EXCEED_REQUEST_LIMIT, which wx-server-sdk reports as -501003, with the platform's -501016 in errMsg
    expect(refused).toMatchObject({ ok: false, errCode: -501003 });
    expect(refused.ok === false && refused.errMsg).toMatch(/^collection\.add:fail -501003 exceed request limit\. \[EXCEED_REQUEST_LIMIT\] -501016 /);
    expect(await read()).toEqual({ ok: true });
  });

  it('refuses the 4th read with -501015; a write is still refused for its own quota', async () => {
    expect([await read(), await read()]).toEqual([{ ok: true }, { ok: true }]);
    const refused = await read();
    expect(refused).toMatchObject({ ok: false, errCode: -501003 });
    expect(refused.ok === false && refused.errMsg).toMatch(/^document\.get:fail -501003 exceed request limit\. \[EXCEED_REQUEST_LIMIT\] -501015 /);
    expect(await write(4)).toMatchObject({ ok: false, errMsg: expect.stringMatching(/-501016/) });
    expect(cloud.usage()).toMatchObject({ day: '2026-12-20', reads: READS, writes: WRITES, refusals: { dbReadsPerDay: 1, dbWritesPerDay: 2 } });
  });

  it('keeps the day’s counts across a restart', async () => {
    await cloud.stop();
    cloud = await start();
    db = sdkFor(cloud).database({ throwOnNotFound: false });
    expect(cloud.usage()).toMatchObject({ day: '2026-12-20', reads: READS, writes: WRITES });
    expect(await read()).toMatchObject({ ok: false, errMsg: expect.stringMatching(/-501015/) });
    expect(await write(5)).toMatchObject({ ok: false, errMsg: expect.stringMatching(/-501016/) });
  });

  it('is still spent 1 ms before China midnight and renewed at it (16:00 UTC)', async () => {
    now = midnight - 1;
    expect(await read()).toMatchObject({ ok: false });
    now = midnight;
    expect(await read()).toEqual({ ok: true });
    expect(await write(6)).toEqual({ ok: true });
    expect(cloud.usage()).toMatchObject({ day: '2026-12-21', reads: 1, writes: 1 });
  });
});

describe('inside a cloud function (the router): a refusal for load is BUSY, a spent quota QUOTA, never INTERNAL', () => {
  const now = parkInstant('2026-12-20', '10:00');
  const clouds: LocalCloud[] = [];
  /** The real functions and the demo park, on a plan; the admin's members.me as the H5 client calls it. */
  async function meOn(p: Plan): Promise<{ code: unknown }> {
    const cloud = await startLocalCloud({
      dataDir: tempDataDir('router'),
      functionsDir: REPO_FUNCTIONS,
      port: 0,
      demo: true,
      plan: p,
      clock: () => now,
    });
    clouds.push(cloud);
    seedDemo(cloud.store, now);
    const { token } = await postJson(`${cloud.url}/api/dev/login`, { openid: demoOpenid('M002') });
    return (await callFn(cloud, 'members', { action: 'me', input: {} }, token)).result;
  }
  afterAll(() => Promise.all(clouds.map((c) => c.stop())));

  it('answers members.me on a plan with room', async () => {
    expect(await meOn(plan({}))).toMatchObject({ code: 0 });
  });

  it('answers BUSY when the database refuses the 2nd request of the call for its rate (QPS 1)', async () => {
    expect(await meOn(plan({ dbQps: 1 }))).toEqual({ code: 'BUSY', message: expect.any(String) });
  });

  it('answers QUOTA, which the phone does not retry, when the day’s reads are spent', async () => {
    expect(await meOn(plan({ dbReadsPerDay: 1 }))).toEqual({ code: 'QUOTA', message: ERROR_MESSAGES.QUOTA });
  });
});

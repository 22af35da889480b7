/**
 * Local cloud for Yardstick: real cloud-function code with the real wx-server-sdk 4.0.2, redirected by environment
 * variables to this HTTP server, which speaks the SDK's protocol over a durable sqlite-backed store and enforces
 * WeChat Cloud's limits; the same server is the gateway for the H5 build of the mini-program.
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LIMITS } from '../../shared/common/config';
import { DatabaseService } from './database';
import { readTriggers, startTimers } from './timers';
import { FunctionsHost } from './functions-host';
import { Gateway } from './gateway';
import { RequestGuard } from './guard';
import { sendJson } from './http-util';
import { DatabaseLimits } from './limits';
import { resolvePlan, type LimitName, type Plan, type PlanName } from './plans';
import { SdkProtocol } from './sdk-protocol';
import { FileStorage } from './storage';
import { StorageRules } from './storage-rules';
import { SqliteStore, type Store } from './store';
import { loadSubscribeTemplates, SubscribeMessages, type OutboxMessage, type SubscribeTemplates } from './subscribe';
import { functionCredentials, newCredentials, type SdkCredentials } from './tc3';
import { TransactionManager } from './transactions';

export type { Store } from './store';
export type { SdkCredentials } from './tc3';
export type { OutboxMessage, SubscribeTemplates } from './subscribe';
export { IDLE_RETIRE_MS, MAX_TOTAL_INSTANCES } from './functions-host';
export { DEFAULT_PLAN, PLANS, resolvePlan, unmeteredDatabase, type LimitName, type Plan, type PlanName } from './plans';

/** The product's storage security rules, next to the functions they deploy with (pasted into the console too). */
export const STORAGE_RULES_FILE = 'storage-rules.json';

export interface LocalCloudOptions {
  dataDir: string;
  functionsDir: string;
  port?: number;
  host?: string;
  envId?: string;
  appId?: string;
  h5Dir?: string;
  publicBaseUrl?: string;
  /**
   * Demo mode: the dev sign-in (`/api/dev/login`, `/api/dev/people`) that lets the H5 build be anyone. Off unless
   * asked for (npm start and the tests ask).
   */
  demo?: boolean;
  /** Life of a demo session token (default 12 h). */
  sessionTtlSeconds?: number;
  listDemoPeople?: () => Promise<unknown[]>;
  /**
   * Storage security rules for client requests: a rules object, or the path of a rules file. Default:
   * `<functionsDir>/storage-rules.json` when there is one, else `{}` (WeChat's default: no client access).
   */
  storageRules?: string | Record<string, unknown>;
  /** Largest file a client may upload (default LIMITS.photoMaxBytes). */
  clientUploadMaxBytes?: number;
  /** More `host:port` names the server answers to, besides loopback, the bind address and publicBaseUrl. */
  allowedHosts?: string[];
  /** Origins of H5 dev servers on other ports allowed to call `/api/*` (CORS); none by default. */
  corsOrigins?: string[];
  /**
   * The WeChat Cloud plan whose limits are enforced (plans.ts): a plan's name or its figures. Default `basic`
   * (基础版): 20 instances of a function, database 30 QPS and 20 connections, 50,000 reads and 30,000 writes a day.
   */
  plan?: PlanName | Plan;
  /** The clock the plan's limits read (the rate's window, the China day of the daily counters); for tests. */
  clock?: () => number;
  /**
   * Run the functions' timer triggers (their config.json) on schedule, as the platform does (./timers.ts). Off unless
   * asked for: npm start asks; a test that wants them asks.
   */
  timers?: boolean;
  /** Where a timed run that failed, or a malformed trigger, is reported (default: console.warn). */
  onTimerProblem?: (message: string) => void;
  /**
   * The app's subscribe-message templates, as the console lists them (id → title, keywords, longTerm): an object, or
   * a file's path. Default `<functionsDir>/subscribe-templates.json` when there is one, else none.
   */
  subscribeTemplates?: string | SubscribeTemplates;
  /**
   * Environment variables of each function, as the console's 云函数 → 版本与配置 → 环境变量 sets them (function name →
   * variables): `npm run start:empty` gives the park function its one-time YARDSTICK_SETUP_CODE this way.
   */
  functionEnv?: Record<string, Record<string, string>>;
  /** An idle function instance is stopped after this long (default a minute: functions-host.ts IDLE_RETIRE_MS). */
  idleRetireMs?: number;
  /** Function instances of all functions together (default functions-host.ts MAX_TOTAL_INSTANCES). */
  maxTotalInstances?: number;
}

/** What the cloud has used of its plan, for benchmarks and tests. */
export interface CloudUsage {
  plan: Plan;
  /** The China calendar day (UTC+8) the daily counters are for. */
  day: string;
  /** Database requests accepted since this start. */
  dbRequests: number;
  /** Database reads and writes counted today (kept in the store: they survive a restart; reset at China midnight). */
  reads: number;
  writes: number;
  /**
   * Refusals since this start, by the limit refused: functionInstances -501004 (callFunction), dbConnections
   * EXCEED_CONCURRENT_REQUEST_LIMIT (-501004), dbQps EXCEED_RATELIMIT, dbReadsPerDay / dbWritesPerDay
   * EXCEED_REQUEST_LIMIT (-501003, with -501015 / -501016 in its message).
   */
  refusals: Record<LimitName, number>;
  /** Instances running an invocation now, by function. */
  running: Record<string, number>;
  /** Instances alive (running or idle), by function, and how many were stopped idle or to make room. */
  alive: Record<string, number>;
  retired: number;
}

export interface LocalCloud {
  url: string;
  port: number;
  store: Store;
  /** This start's SDK credentials: only requests signed with them reach `/admin`. */
  credentials: SdkCredentials;
  /** The environment that points a wx-server-sdk (a tool's, a test's) at this cloud, credentials included. */
  sdkEnv(): Record<string, string>;
  /** SDK requests received so far, by action (for benchmarks: database requests per operation). */
  requestCounts(): Record<string, number>;
  /** The plan whose limits this cloud enforces. */
  plan: Plan;
  /** What has been used of the plan, and what it refused. */
  usage(): CloudUsage;
  /** Subscribe messages the platform delivered, newest first (every person's 服务通知; no route serves this). */
  sentMessages(): OutboxMessage[];
  /** Acceptances a person holds of a template, as the platform counts them. */
  subscribeCredits(openid: string, templateId: string): number;
  /** Fire one of a function's timer triggers now, as the platform would at `at` (the event's Time). */
  fireTimer(fn: string, trigger: string, at?: number): Promise<{ ok: boolean; result?: unknown; message?: string }>;
  stop(): Promise<void>;
}

/** The worker must be the built file (worker threads cannot run TypeScript); same path from src/ and build/. */
export const WORKER_FILE = path.join(__dirname, '..', 'build', 'worker.js');

/**
 * Environment that points wx-server-sdk (inside a function instance) at this server instead of Tencent Cloud.
 * node-sdk signs every request with the credentials; the server checks that signature against this start's own.
 */
export function sdkRedirectEnv(adminUrl: string, envId: string, credentials: SdkCredentials): Record<string, string> {
  return {
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: adminUrl }),
    TENCENTCLOUD_SECRETID: credentials.secretId,
    TENCENTCLOUD_SECRETKEY: credentials.secretKey,
    // the SCF marker stops node-sdk probing the cloud metadata host on every call
    TENCENTCLOUD_RUNENV: 'SCF',
    TENCENTCLOUD_REGION: 'ap-shanghai',
    SCF_NAMESPACE: envId,
    TCB_ENV: envId,
    SILENCE: 'true',
  };
}

export async function startLocalCloud(opts: LocalCloudOptions): Promise<LocalCloud> {
  const host = opts.host ?? '127.0.0.1';
  const envId = opts.envId ?? 'yardstick-local';
  const appId = opts.appId ?? 'wx-local-yardstick';
  if (!fs.existsSync(WORKER_FILE)) throw new Error(`${WORKER_FILE} is missing: run node scripts/build-localcloud.mjs`);
  fs.mkdirSync(opts.dataDir, { recursive: true });
  // before anything is opened: a rules file that does not parse stops the start, as it would not deploy either
  const rules = loadStorageRules(opts);
  const templates = loadSubscribeTemplates(opts.subscribeTemplates, opts.functionsDir);
  const plan = resolvePlan(opts.plan);

  const store = new SqliteStore(opts.dataDir);
  // WeChat's own records (acceptances, delivered messages) in a store of their own: no function reaches them
  const platformStore = new SqliteStore(path.join(opts.dataDir, 'platform'));
  const messages = new SubscribeMessages(platformStore, templates);
  const limits = new DatabaseLimits(plan, store, opts.clock ?? Date.now);
  const txs = new TransactionManager(store);
  const db = new DatabaseService(store, txs);
  let baseUrl = '';
  const publicBaseUrl = (): string => (opts.publicBaseUrl ?? baseUrl).replace(/\/+$/, '');
  const storage = new FileStorage(opts.dataDir, envId, publicBaseUrl);
  // fresh at every start: a key that was never written anywhere cannot leak from an old run or a config file
  const credentials = newCredentials();

  // the function host needs the port, which exists only after listen(); requests cannot arrive before that
  let protocol: SdkProtocol | undefined;
  let gateway: Gateway | undefined;
  let guard: RequestGuard | undefined;

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://local');
    if (!guard) {
      sendJson(res, 503, { errCode: -1, errMsg: 'starting' });
      return;
    }
    if (guard.screen(req, res, url.pathname)) return;
    const route = async (): Promise<void> => {
      if (req.method === 'POST' && url.pathname === '/admin' && protocol) return protocol.handle(req, res);
      if (gateway && (await gateway.handle(req, res, url))) return;
      sendJson(res, 404, { error: 'not found' });
    };
    route().catch((e: unknown) => {
      console.error('[localcloud] request failed', req.method, req.url, e);
      if (!res.headersSent) sendJson(res, 500, { errCode: -1, errMsg: `internal error: ${(e as Error).message}` });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  baseUrl = `http://${urlHost}:${port}`;
  guard = new RequestGuard({
    port,
    bindHost: host,
    publicBaseUrl: opts.publicBaseUrl,
    allowedHosts: opts.allowedHosts,
    corsOrigins: opts.corsOrigins,
  });

  const sdkEnv = (): Record<string, string> => sdkRedirectEnv(`${baseUrl}/admin`, envId, credentials);
  const functions = new FunctionsHost({
    functionsDir: opts.functionsDir,
    workerFile: WORKER_FILE,
    baseEnv: { ...sdkEnv(), PATH: process.env.PATH ?? '' },
    credentialsOf: (fn) => functionCredentials(credentials, fn),
    functionEnv: opts.functionEnv,
    envId,
    maxInstances: plan.functionInstances,
    planLabel: `${plan.label} (${plan.name})`,
    idleRetireMs: opts.idleRetireMs,
    maxTotalInstances: opts.maxTotalInstances,
  });
  protocol = new SdkProtocol({ db, limits, functions, storage, appId, publicBaseUrl, credentials, messages });
  gateway = new Gateway({
    dataDir: opts.dataDir,
    functions,
    storage,
    rules,
    clientUploadMaxBytes: opts.clientUploadMaxBytes ?? LIMITS.photoMaxBytes,
    appId,
    h5Dir: opts.h5Dir,
    demo: opts.demo === true,
    sessionTtlSeconds: opts.sessionTtlSeconds,
    listDemoPeople: opts.listDemoPeople,
    messages,
  });

  const warn = opts.onTimerProblem ?? ((m: string) => console.warn(`timer: ${m}`));
  // a timed run: no caller, the platform's timer event
  const fire = (fn: string, name: string, at: number) =>
    functions.invoke(fn, { Type: 'Timer', TriggerName: name, Time: new Date(at).toISOString() }, { openid: '', appid: appId, source: 'wx_timer' });
  const stopTimers = opts.timers
    ? startTimers(readTriggers(opts.functionsDir, warn), async (t, at) => {
        const out = await fire(t.fn, t.name, at);
        if (!out.ok) warn(`${t.fn}/${t.name} at ${new Date(at).toISOString()}: ${out.message}`);
      })
    : () => undefined;

  let stopped = false;
  const proto = protocol;
  return {
    url: baseUrl,
    port,
    store,
    credentials,
    sdkEnv,
    requestCounts: () => Object.fromEntries(proto.requests),
    plan,
    usage: () => ({
      plan,
      ...limits.usage(),
      refusals: { functionInstances: functions.refused, ...limits.refusals },
      running: functions.running(),
      alive: functions.alive(),
      retired: functions.retired,
    }),
    sentMessages: () => messages.allSent(),
    subscribeCredits: (openid, templateId) => messages.credits(openid, templateId),
    async fireTimer(fn, trigger, at = Date.now()) {
      const known = readTriggers(opts.functionsDir, warn).some((t) => t.fn === fn && t.name === trigger);
      if (!known) return { ok: false, message: `${fn} has no timer trigger ${trigger}` };
      const out = await fire(fn, trigger, at);
      return out.ok ? { ok: true, result: JSON.parse(out.json) as unknown } : { ok: false, message: out.message };
    },
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      stopTimers();
      await functions.stop();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      txs.close();
      store.close();
      platformStore.close();
    },
  };
}

function loadStorageRules(opts: LocalCloudOptions): StorageRules {
  const given = opts.storageRules;
  if (given && typeof given === 'object') return new StorageRules(given);
  const file = given ?? path.join(opts.functionsDir, STORAGE_RULES_FILE);
  if (typeof given === 'string' || fs.existsSync(file)) return StorageRules.fromFile(file);
  return new StorageRules({});
}

/**
 * Runs `<functionsDir>/<name>/index.js` the way the cloud does: warm instances (worker threads) reused one
 * invocation at a time, at most the plan's instances of one function at once (20 on the basic plan) — a call
 * beyond them is refused with -501004, not queued, as the platform refuses it — a timeout from the function's
 * config.json (default 3 s, at most 60 s) after which the instance is killed, and a 1 MB cap on the result.
 *
 * Instances are reclaimed as the platform reclaims them: one idle for `idleRetireMs` is stopped (its memory goes
 * back), so a burst does not leave the server at its peak for good. And since this is one machine, not a fleet,
 * the instances of all functions together are bounded (`maxTotalInstances`): a new one beyond the bound first
 * stops the instance idle longest, of any function; with none idle the call is refused as the plan refuses it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { WorkerReply } from './worker';

/** The basic plan's instances of one function (plans.ts); the host takes the plan's figure. */
export const MAX_INSTANCES_PER_FUNCTION = 20;
export const DEFAULT_TIMEOUT_S = 3;
export const MAX_TIMEOUT_S = 60;
export const MAX_RESULT_BYTES = 1024 * 1024;
/** Loading the function module (cold start) has its own, longer limit, like SCF's initialization timeout. */
export const INIT_TIMEOUT_S = 60;
/** Memory of the basic plan's function instances. */
const MEMORY_MB = 256;
/**
 * An instance idle this long is stopped. The platform reclaims idle instances after a while it does not promise
 * (a later call then starts cold); a minute keeps a person's next tap warm and gives the memory back soon after.
 */
export const IDLE_RETIRE_MS = 60_000;
/** Instances of every function together (each holds some 40 MB once the SDK is loaded): about 1.3 GB at most. */
export const MAX_TOTAL_INSTANCES = 32;

/** Who is calling: becomes WX_OPENID / WX_APPID / WX_UNIONID / TCB_SOURCE in the function's environment. */
export interface CallerIdentity {
  openid: string;
  appid: string;
  unionid?: string;
  source: string;
}

/** Platform error codes a caller sees (WeChat's callFunction errCodes). */
export const FN_ERR = {
  NOT_FOUND: -501000,
  EXECUTE_FAIL: -504002,
  TIMEOUT: -504003,
  RESULT_TOO_LARGE: -604001,
  INVALID_PARAM: -501007,
  /** More concurrent executions of the function than the plan allows (EXCEED_CONCURRENT_REQUEST_LIMIT). */
  CONCURRENCY_LIMIT: -501004,
} as const;

export type InvokeOutcome = { ok: true; json: string } | { ok: false; errCode: number; message: string };

interface Instance {
  worker: Worker;
  busy: boolean;
  /** When it last finished a call (for the longest-idle choice). */
  idleSince: number;
  /** Stops it once idle for `idleRetireMs`; cleared while it runs a call. */
  retire: NodeJS.Timeout | null;
}

class FunctionPool {
  readonly instances: Instance[] = [];
  constructor(
    readonly name: string,
    readonly file: string,
    readonly timeoutS: number,
    /** The cloud calls (云调用) its config.json declares. */
    readonly openapi: readonly string[],
  ) {}
}

export interface FunctionsHostOptions {
  functionsDir: string;
  workerFile: string;
  /** SDK redirection (TCB_CONTEXT_CNFG, dummy secrets, SCF markers, TCB_ENV...) shared by every invocation */
  baseEnv: Record<string, string>;
  envId: string;
  /** Instances of one function running at once; a call beyond them is refused (default: the basic plan's 20). */
  maxInstances?: number;
  /** The plan's label, for the refusal's message. */
  planLabel?: string;
  /** Each function's own SDK credentials (the cloud then knows which function a request comes from). */
  credentialsOf?: (fn: string) => { secretId: string; secretKey: string };
  /** Each function's own environment variables (the console's 环境变量); never another function's. */
  functionEnv?: Record<string, Record<string, string>>;
  /** An instance idle this long is stopped (default IDLE_RETIRE_MS). */
  idleRetireMs?: number;
  /** Instances of all functions together (default MAX_TOTAL_INSTANCES). */
  maxTotalInstances?: number;
}

export class FunctionsHost {
  private readonly pools = new Map<string, FunctionPool>();
  private stopped = false;
  private readonly maxInstances: number;
  /** Calls refused because every instance the plan allows was busy. */
  refused = 0;

  constructor(private readonly opts: FunctionsHostOptions) {
    this.maxInstances = opts.maxInstances ?? MAX_INSTANCES_PER_FUNCTION;
  }

  /** May the function make this cloud call? Only what its config.json declares (`permissions.openapi`). */
  openapiAllowed(fn: string, apiName: string): boolean {
    return this.pool(fn)?.openapi.includes(apiName) ?? false;
  }

  /** Instances alive now (running or idle), by function: what holds memory. */
  alive(): Record<string, number> {
    return Object.fromEntries([...this.pools].map(([name, p]) => [name, p.instances.length]));
  }

  /** Instances stopped for being idle, or to make room under the total bound. */
  retired = 0;

  private total(): number {
    let n = 0;
    for (const p of this.pools.values()) n += p.instances.length;
    return n;
  }

  /** Stop an idle instance: its thread ends and its memory goes back. */
  private stopInstance(pool: FunctionPool, inst: Instance): void {
    if (inst.retire) clearTimeout(inst.retire);
    inst.retire = null;
    this.discard(pool, inst);
    this.retired += 1;
    void inst.worker.terminate();
  }

  /** The instance idle longest, of any function, stopped to make room; false when every instance is busy. */
  private makeRoom(): boolean {
    let oldest: { pool: FunctionPool; inst: Instance } | null = null;
    for (const pool of this.pools.values()) {
      for (const inst of pool.instances) if (!inst.busy && (!oldest || inst.idleSince < oldest.inst.idleSince)) oldest = { pool, inst };
    }
    if (!oldest) return false;
    this.stopInstance(oldest.pool, oldest.inst);
    return true;
  }

  /** Back to the pool after a call; stopped if nothing uses it for `idleRetireMs`. */
  private release(pool: FunctionPool, inst: Instance): void {
    inst.busy = false;
    inst.idleSince = Date.now();
    if (inst.retire) clearTimeout(inst.retire);
    inst.retire = setTimeout(() => {
      if (!inst.busy && pool.instances.includes(inst)) this.stopInstance(pool, inst);
    }, this.opts.idleRetireMs ?? IDLE_RETIRE_MS);
    // a test's jsdom gives timers as numbers: nothing to unref there
    (inst.retire as { unref?: () => void }).unref?.();
  }

  /** Instances running an invocation now, by function. */
  running(): Record<string, number> {
    return Object.fromEntries([...this.pools].map(([name, p]) => [name, p.instances.filter((i) => i.busy).length]));
  }

  private pool(name: string): FunctionPool | null {
    if (!/^[A-Za-z0-9_-]{1,60}$/.test(name)) return null;
    const existing = this.pools.get(name);
    if (existing) return existing;
    const dir = path.join(this.opts.functionsDir, name);
    const file = path.join(dir, 'index.js');
    if (!fs.existsSync(file)) return null;
    let timeoutS = DEFAULT_TIMEOUT_S;
    let openapi: string[] = [];
    try {
      const cfg = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8')) as { timeout?: unknown; permissions?: { openapi?: unknown } };
      const t = Number(cfg.timeout);
      if (Number.isFinite(t) && t > 0) timeoutS = Math.min(Math.max(t, 1), MAX_TIMEOUT_S);
      const declared = cfg.permissions?.openapi;
      if (Array.isArray(declared)) openapi = declared.filter((x): x is string => typeof x === 'string');
    } catch {
      // no or unreadable config.json: the platform defaults apply (3 s, no cloud calls)
    }
    const pool = new FunctionPool(name, file, timeoutS, openapi);
    this.pools.set(name, pool);
    return pool;
  }

  /** An idle instance, a new one while the plan allows more, or null: every instance allowed is busy. */
  private acquire(pool: FunctionPool): Instance | null {
    const idle = pool.instances.find((i) => !i.busy);
    if (idle) {
      idle.busy = true;
      if (idle.retire) clearTimeout(idle.retire);
      idle.retire = null;
      return idle;
    }
    if (pool.instances.length >= this.maxInstances) return null;
    if (this.total() >= (this.opts.maxTotalInstances ?? MAX_TOTAL_INSTANCES) && !this.makeRoom()) return null;
    const own = this.opts.credentialsOf?.(pool.name);
    const worker = new Worker(this.opts.workerFile, {
      env: {
        ...(Object.prototype.hasOwnProperty.call(this.opts.functionEnv ?? {}, pool.name) ? this.opts.functionEnv?.[pool.name] : {}),
        ...this.opts.baseEnv,
        ...(own ? { TENCENTCLOUD_SECRETID: own.secretId, TENCENTCLOUD_SECRETKEY: own.secretKey } : {}),
      },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB },
    });
    worker.unref();
    const inst: Instance = { worker, busy: true, idleSince: Date.now(), retire: null };
    pool.instances.push(inst);
    worker.on('exit', () => this.discard(pool, inst));
    worker.on('error', (e) => console.error(`[localcloud] function ${pool.name} instance crashed:`, e));
    return inst;
  }

  private discard(pool: FunctionPool, inst: Instance): void {
    const idx = pool.instances.indexOf(inst);
    if (idx !== -1) pool.instances.splice(idx, 1);
  }

  async invoke(name: string, event: unknown, caller: CallerIdentity): Promise<InvokeOutcome> {
    if (this.stopped) return { ok: false, errCode: FN_ERR.EXECUTE_FAIL, message: 'local cloud is stopping' };
    const pool = this.pool(name);
    if (!pool) {
      return { ok: false, errCode: FN_ERR.NOT_FOUND, message: `[ResourceNotFound.FunctionName] FunctionName parameter could not be found: ${name}` };
    }
    const inst = this.acquire(pool);
    if (!inst) {
      this.refused += 1;
      const plan = this.opts.planLabel ? ` of ${this.opts.planLabel}` : '';
      return {
        ok: false,
        errCode: FN_ERR.CONCURRENCY_LIMIT,
        message:
          pool.instances.length >= this.maxInstances
            ? `[EXCEED_CONCURRENT_REQUEST_LIMIT] function ${name} is running ${this.maxInstances} instances, the limit${plan}: this call was refused, not queued`
            : `[EXCEED_CONCURRENT_REQUEST_LIMIT] all ${this.opts.maxTotalInstances ?? MAX_TOTAL_INSTANCES} function instances this server runs are busy: this call was refused, not queued`,
      };
    }
    const requestId = crypto.randomUUID();
    const env: Record<string, string | null> = {
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      WX_OPENID: caller.openid,
      WX_APPID: caller.appid,
      WX_UNIONID: caller.unionid ?? null,
      TCB_SOURCE: caller.source,
      TCB_ENV: this.opts.envId,
      SCF_NAMESPACE: this.opts.envId,
      // the invocation's id, as the platform gives it: node-sdk puts it in every request's seqId, so no two requests
      // of any two instances are the same signed request (the SDK endpoint accepts each signature once)
      TCB_CONTEXT_KEYS: 'TCB_SEQID',
      TCB_SEQID: requestId,
    };
    const context = {
      callbackWaitsForEmptyEventLoop: false,
      memory_limit_in_mb: MEMORY_MB,
      time_limit_in_ms: pool.timeoutS * 1000,
      request_id: requestId,
      function_name: name,
      function_version: '$LATEST',
      namespace: this.opts.envId,
      environ: '',
    };
    return new Promise<InvokeOutcome>((resolve) => {
      let settled = false;
      const onTimeout = (message: string): void => {
        if (settled) return;
        settled = true;
        inst.worker.off('message', onMessage);
        inst.worker.off('exit', onExit);
        // the instance may be stuck in a loop: kill it, as the platform does
        void inst.worker.terminate();
        this.discard(pool, inst);
        resolve({ ok: false, errCode: FN_ERR.TIMEOUT, message });
      };
      let timer = setTimeout(() => onTimeout(`function initialization timed out after ${INIT_TIMEOUT_S} seconds`), INIT_TIMEOUT_S * 1000);
      const finish = (outcome: InvokeOutcome, reusable: boolean): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        inst.worker.off('message', onMessage);
        inst.worker.off('exit', onExit);
        if (reusable) this.release(pool, inst);
        resolve(outcome);
      };
      const onMessage = (reply: WorkerReply): void => {
        if (reply.type === 'started') {
          clearTimeout(timer);
          timer = setTimeout(() => onTimeout(`Invoking task timed out after ${pool.timeoutS} seconds`), pool.timeoutS * 1000);
        } else if (reply.type === 'error') {
          finish({ ok: false, errCode: FN_ERR.EXECUTE_FAIL, message: reply.message }, true);
        } else if (Buffer.byteLength(reply.json) > MAX_RESULT_BYTES) {
          finish({ ok: false, errCode: FN_ERR.RESULT_TOO_LARGE, message: 'cloudfunction result size exceed limit (1MB)' }, true);
        } else finish({ ok: true, json: reply.json }, true);
      };
      const onExit = (code: number): void =>
        finish({ ok: false, errCode: FN_ERR.EXECUTE_FAIL, message: `function instance exited with code ${code} (crash or out of memory)` }, false);
      inst.worker.on('message', onMessage);
      inst.worker.on('exit', onExit);
      try {
        inst.worker.postMessage({ type: 'invoke', file: pool.file, env, event, context });
      } catch (e) {
        // the event could not be cloned (too deep, or not cloneable): nothing reached the instance, which is as
        // idle as before and goes back to the pool at once rather than waiting out the start-up timer
        finish({ ok: false, errCode: FN_ERR.INVALID_PARAM, message: `the event cannot be passed to the function: ${(e as Error).message}` }, true);
      }
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const p of this.pools.values()) for (const i of p.instances) if (i.retire) clearTimeout(i.retire);
    const all = [...this.pools.values()].flatMap((p) => p.instances.map((i) => i.worker));
    this.pools.clear();
    await Promise.all(all.map((w) => w.terminate()));
  }
}

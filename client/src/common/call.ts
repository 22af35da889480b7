/**
 * The one typed call to a cloud function, on both platforms. Never throws: platform failures come back as
 * `{ code: 'NETWORK' | 'TIMEOUT' | 'BUSY' | 'QUOTA' | 'INTERNAL', message }` with a Chinese message.
 *   weapp: wx.cloud.callFunction({ name, data: { action, input, requestId } }) → res.result
 *   h5:    POST /api/call { name, data } with X-Session → { result } | { errCode, errMsg }
 * What may succeed a moment later (load refusals, timeouts, a dropped network) is tried again by itself, with
 * backoff and jitter (shared/common/retry.ts); every try carries the same request id, so an action that changed
 * data before its reply was lost answers the retry with its first reply instead of acting twice.
 */
import Taro from '@tarojs/taro';
import type { ActionName, FnName, InputOf, OutputOf } from '../../../shared/contracts';
import { ERROR_MESSAGES, type ErrorCode, type Fail, type Reply } from '../../../shared/common/errors';
import { GAVE_UP, CALL_RETRY, isRetryable, retryDelayMs } from '../../../shared/common/retry';
import { getSession } from './session';

const KNOWN = new Set<string>(Object.keys(ERROR_MESSAGES));

/** Map a platform error (errMsg / message text) to one of our codes. */
export function platformFail(e: unknown): Fail {
  const text = errText(e);
  // a quota of the environment is spent (requests -501003, daily reads -501015 / writes -501016): final until it renews
  if (/-501003\b|-50101[56]\b/.test(text)) return { code: 'QUOTA', message: ERROR_MESSAGES.QUOTA };
  // concurrency over the plan (-501004): refused for load, try again in a moment
  if (/-501004\b/.test(text)) return { code: 'BUSY', message: ERROR_MESSAGES.BUSY };
  if (/timeout|timed out|超时/i.test(text)) return { code: 'TIMEOUT', message: ERROR_MESSAGES.TIMEOUT };
  // call data over 100 KB, or a result over 1 MB
  if (/over 100KB|-604001|exceed|too large/i.test(text)) return { code: 'TOO_LARGE', message: ERROR_MESSAGES.TOO_LARGE };
  if (/network|request:fail|fetch|offline|ERR_|网络/i.test(text)) return { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK };
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
}

function errText(e: unknown): string {
  if (typeof e === 'string') return e;
  if (e && typeof e === 'object') {
    const o = e as { errMsg?: unknown; message?: unknown; errCode?: unknown };
    const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
    return `${part(o.errCode)} ${part(o.errMsg)} ${part(o.message)}`;
  }
  return '';
}

/** Check that a function's result has our reply shape; anything else is INTERNAL. */
function asReply<T>(result: unknown): Reply<T> {
  if (result && typeof result === 'object' && 'code' in result) {
    const r = result as { code: unknown; message?: unknown; data?: unknown };
    if (r.code === 0) return result as Reply<T>;
    if (typeof r.code === 'string' && KNOWN.has(r.code)) {
      const code = r.code as ErrorCode;
      const message = typeof r.message === 'string' && r.message ? r.message : ERROR_MESSAGES[code];
      return { ...(result as Fail), code, message };
    }
  }
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
}

export interface CallOptions {
  /** Told before each automatic retry: the try about to be made (2, 3, …) of `of`, and why. */
  onRetry?(attempt: number, of: number, code: ErrorCode): void;
  /**
   * The request's identity. Give one that lives as long as the user's intent (kept with a draft until it
   * succeeds) so that pressing 提交 again after a failure is the same request too; otherwise one per call.
   */
  requestId?: string;
  /** false: a single try (a page that polls anyway). */
  retry?: boolean;
  /** Tries in all (default CALL_RETRY.attempts): CALL_RETRY.patientAttempts where the page asks the user to wait. */
  attempts?: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A fresh request id: unique per device and moment (it need not be secret: the cloud keys it by the caller). */
export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}${Math.random().toString(36).slice(2, 12)}`;
}

export async function call<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A>,
  options: CallOptions = {},
): Promise<Reply<OutputOf<F, A>>> {
  const requestId = options.requestId ?? newRequestId();
  const tries = options.retry === false ? 1 : (options.attempts ?? CALL_RETRY.attempts);
  for (let attempt = 1; ; attempt += 1) {
    const r = await callOnce<OutputOf<F, A>>(fn, { action, input, requestId });
    if (r.code === 0 || !isRetryable(r.code)) return r;
    if (attempt >= tries) return tries > 1 ? { ...r, message: GAVE_UP[r.code] ?? r.message } : r;
    options.onRetry?.(attempt + 1, tries, r.code);
    await sleep(retryDelayMs(attempt));
  }
}

async function callOnce<T>(fn: FnName, data: { action: string; input: unknown; requestId: string }): Promise<Reply<T>> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.cloud.callFunction({ name: fn, data });
      return asReply<T>(res.result);
    }
    const res = await Taro.request<{ result?: unknown; errCode?: number; errMsg?: string }>({
      url: '/api/call',
      method: 'POST',
      header: { 'content-type': 'application/json', 'X-Session': getSession() },
      data: { name: fn, data },
      dataType: 'json',
    });
    const body = res.data;
    if (body && typeof body === 'object') {
      if ('result' in body) return asReply<T>(body.result);
      if ('errCode' in body) return platformFail(body);
    }
    if (res.statusCode >= 500 || res.statusCode === 0) return { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK };
    return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
  } catch (e) {
    return platformFail(e);
  }
}

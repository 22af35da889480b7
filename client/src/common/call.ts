/**
 * The one typed call to a cloud function, on both platforms. Never throws: platform failures come back as
 * `{ code: 'NETWORK' | 'TIMEOUT' | 'INTERNAL', message }` with a Chinese message.
 *   weapp: wx.cloud.callFunction({ name, data: { action, input } }) → res.result
 *   h5:    POST /api/call { name, data } with X-Session → { result } | { errCode, errMsg }
 */
import Taro from '@tarojs/taro';
import type { ActionName, FnName, InputOf, OutputOf } from '../../../shared/contracts';
import { ERROR_MESSAGES, type ErrorCode, type Fail, type Reply } from '../../../shared/common/errors';
import { getSession } from './session';

const KNOWN = new Set<string>(Object.keys(ERROR_MESSAGES));

/** Map a platform error (errMsg / message text) to one of our codes. */
export function platformFail(e: unknown): Fail {
  const text = errText(e);
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

export async function call<F extends FnName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A>): Promise<Reply<OutputOf<F, A>>> {
  const data = { action, input };
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.cloud.callFunction({ name: fn, data });
      return asReply<OutputOf<F, A>>(res.result);
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
      if ('result' in body) return asReply<OutputOf<F, A>>(body.result);
      if ('errCode' in body) return platformFail(body);
    }
    if (res.statusCode >= 500 || res.statusCode === 0) return { code: 'NETWORK', message: ERROR_MESSAGES.NETWORK };
    return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL };
  } catch (e) {
    return platformFail(e);
  }
}

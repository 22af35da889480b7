/**
 * Is this error the platform refusing a request over the plan's limits (WeChat Cloud refuses, it does not queue)?
 * How each refusal reaches function code through wx-server-sdk 4.0.2 (see localcloud/README.md, "Plan limits"):
 *
 * - load, retryable in a moment:
 *   - database rate over the plan's QPS: `EXCEED_RATELIMIT` in errMsg (the SDK's table lacks the code: errCode
 *     -501001);
 *   - database connections or a called function's instances over the plan: `EXCEED_CONCURRENT_REQUEST_LIMIT`,
 *     errCode -501004 ("exceed concurrent request limit"; -1 when the SDK wraps a called function's failure);
 * - quota, spent until the quota renews (the daily database reads -501015 / writes -501016, reset at 00:00 China
 *   time; other request counts of the plan, -501003): `EXCEED_REQUEST_LIMIT`, errCode -501003, with -501015 /
 *   -501016 in errMsg.
 */
export type PlatformRefusal = 'load' | 'quota';

const QUOTA_CODES = new Set([-501003, -501015, -501016]);
const LOAD_CODES = new Set([-501004]);

/** The platform's words for a spent quota: its code names, and the WeChat codes as they appear in errMsg. */
const QUOTA_TEXT = /\bEXCEED_REQUEST_LIMIT\b|(?:^|[^\d])-50101[56](?!\d)|(?:^|[^\d])-501003(?!\d)|exceed request limit|配额耗尽/i;
const LOAD_TEXT = /\bEXCEED_RATELIMIT\b|\bEXCEED_CONCURRENT_REQUEST_LIMIT\b|(?:^|[^\d])-501004(?!\d)|exceed concurrent request limit/i;

function textOf(e: unknown): string {
  if (typeof e === 'string') return e;
  if (!e || typeof e !== 'object') return '';
  const o = e as Record<string, unknown>;
  const part = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
  return ['errCode', 'code', 'errMsg', 'message'].map((k) => part(o[k])).join(' ');
}

/** 'load' or 'quota' when `e` is the platform refusing over a limit, else null. */
export function platformRefusal(e: unknown): PlatformRefusal | null {
  const code = e && typeof e === 'object' ? (e as { errCode?: unknown }).errCode : undefined;
  const text = textOf(e);
  // a spent quota first: it is final until the quota renews, so a message that names both is not a load refusal
  if ((typeof code === 'number' && QUOTA_CODES.has(code)) || QUOTA_TEXT.test(text)) return 'quota';
  if ((typeof code === 'number' && LOAD_CODES.has(code)) || LOAD_TEXT.test(text)) return 'load';
  return null;
}

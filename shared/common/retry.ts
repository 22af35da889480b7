/**
 * When the device calls again by itself (STYLE: one rule, one file). A refusal for load (the platform's
 * concurrency or request quota, our own transaction retries run out), a timeout or a dropped network may succeed a
 * moment later, and every action that changes data is safe to send twice (its reply is the first one's), so these
 * are retried with exponential backoff and "equal" jitter (half the window fixed, half random) — a hall of 300
 * phones refused in the same second must not come back in the same second, and a phone that drew short waits
 * again and again must not spend all its tries while the queue is still long (with full jitter 5 of 300 voters
 * gave up on the basic plan; npm run bench). Anything else (bad input, no permission, closed, conflict, a daily quota spent) is
 * final: retrying cannot fix it, and the user is told at once.
 */
import type { ErrorCode } from './errors';

export const CALL_RETRY = {
  /** Tries in all, the first included. */
  attempts: 7,
  /**
   * Where the user waits on a page that says so and nothing is lost by waiting (the ballot in the year-end hall,
   * whose 300 submissions the basic plan cannot serve in less than about 75 s): between 75 s and 150 s of tries.
   */
  patientAttempts: 28,
  baseDelayMs: 400,
  /** No single wait longer than this. */
  maxDelayMs: 6000,
} as const;

const RETRYABLE = new Set<ErrorCode>(['BUSY', 'TIMEOUT', 'NETWORK']);

export function isRetryable(code: ErrorCode): boolean {
  return RETRYABLE.has(code);
}

/** The wait before try number `attempt + 1` (attempt counts from 1): uniform in [cap / 2, cap], cap = min(max, base × 2^attempt). */
export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(CALL_RETRY.maxDelayMs, CALL_RETRY.baseDelayMs * 2 ** attempt);
  return Math.floor(cap / 2 + (random() * cap) / 2);
}

/** The longest all retries together can wait: what the page promises before it gives up. */
export function worstCaseWaitMs(attempts: number = CALL_RETRY.attempts): number {
  let sum = 0;
  for (let a = 1; a < attempts; a += 1) sum += Math.min(CALL_RETRY.maxDelayMs, CALL_RETRY.baseDelayMs * 2 ** a);
  return sum;
}

/** The shortest all retries together can wait: how long a phone stays in the queue at least before it gives up. */
export function leastWaitMs(attempts: number = CALL_RETRY.attempts): number {
  return worstCaseWaitMs(attempts) / 2;
}

/** What the page shows when the retries ran out: what happened and what to do. */
export const GAVE_UP: Partial<Record<ErrorCode, string>> = {
  BUSY: '提交人数较多，多次重试仍未成功。已填写的内容已保留，请过一两分钟再点提交',
  TIMEOUT: '服务多次响应超时。已填写的内容已保留，请稍后再点提交；如已提交成功，再次提交不会重复计入',
  NETWORK: '网络一直不可用。已填写的内容已保留，请换个网络或稍后再点提交',
};

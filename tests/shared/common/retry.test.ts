import { CALL_RETRY, GAVE_UP, isRetryable, leastWaitMs, retryDelayMs, worstCaseWaitMs } from '../../../shared/common/retry';
import { ErrorCode } from '../../../shared/common/errors';

describe('when the device tries again by itself', () => {
  it('retries load refusals, timeouts and a lost network, and nothing retrying cannot fix', () => {
    const retried = Object.values(ErrorCode).filter(isRetryable);
    expect(retried.sort()).toEqual(['BUSY', 'NETWORK', 'TIMEOUT']);
    for (const code of retried) expect(GAVE_UP[code]).toMatch(/已填写的内容已保留/);
    expect(isRetryable('QUOTA')).toBe(false);
    expect(isRetryable('CONFLICT')).toBe(false);
  });
  it('waits at least half of a window that doubles, capped, and a random share of the rest', () => {
    const window1 = CALL_RETRY.baseDelayMs * 2;
    expect(retryDelayMs(1, () => 0)).toBe(window1 / 2);
    expect(retryDelayMs(1, () => 0.999)).toBe(Math.floor(window1 / 2 + (0.999 * window1) / 2));
    expect(retryDelayMs(2, () => 0.5)).toBe(CALL_RETRY.baseDelayMs * 3);
    expect(retryDelayMs(20, () => 0.999)).toBeLessThan(CALL_RETRY.maxDelayMs);
    expect(retryDelayMs(20, () => 0)).toBe(CALL_RETRY.maxDelayMs / 2);
  });
  it('gives up within half a minute in the worst case; where the page asks for patience, stays longer than the basic plan needs for a hall of 300', () => {
    expect(worstCaseWaitMs()).toBeLessThanOrEqual(30_000);
    // 300 ballots × about 7.4 database requests ÷ 30 a second (npm run bench): about 75 s
    expect(leastWaitMs(CALL_RETRY.patientAttempts)).toBeGreaterThanOrEqual(74_000);
    expect(worstCaseWaitMs(CALL_RETRY.patientAttempts)).toBeLessThanOrEqual(150_000);
  });
});

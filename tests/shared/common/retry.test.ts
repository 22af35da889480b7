import { CALL_RETRY, GAVE_UP, isRetryable, retryDelayMs, worstCaseWaitMs } from '../../../shared/common/retry';
import { ErrorCode } from '../../../shared/common/errors';

describe('when the device tries again by itself', () => {
  it('retries load refusals, timeouts and a lost network, and nothing retrying cannot fix', () => {
    const retried = Object.values(ErrorCode).filter(isRetryable);
    expect(retried.sort()).toEqual(['BUSY', 'NETWORK', 'TIMEOUT']);
    for (const code of retried) expect(GAVE_UP[code]).toMatch(/已填写的内容已保留/);
    expect(isRetryable('QUOTA')).toBe(false);
    expect(isRetryable('CONFLICT')).toBe(false);
  });
  it('waits a random share of a window that doubles, capped', () => {
    expect(retryDelayMs(1, () => 0.999)).toBe(Math.floor(0.999 * CALL_RETRY.baseDelayMs * 2));
    expect(retryDelayMs(2, () => 0.5)).toBe(CALL_RETRY.baseDelayMs * 2);
    expect(retryDelayMs(20, () => 0.999)).toBeLessThan(CALL_RETRY.maxDelayMs);
    expect(retryDelayMs(3, () => 0)).toBe(0);
  });
  it('gives up within half a minute in the worst case, within a minute and a half where the page asks for patience', () => {
    expect(worstCaseWaitMs()).toBeLessThanOrEqual(30_000);
    expect(worstCaseWaitMs(CALL_RETRY.patientAttempts)).toBeGreaterThan(45_000);
    expect(worstCaseWaitMs(CALL_RETRY.patientAttempts)).toBeLessThanOrEqual(90_000);
  });
});

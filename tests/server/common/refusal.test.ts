/**
 * platformRefusal: which errors are the platform refusing a request over the plan's limits. The errors are the
 * ones wx-server-sdk 4.0.2 throws in function code against the local cloud (tests/localcloud/limits.test.ts makes
 * each of them for real).
 */
import { AppError } from '../../../shared/common/errors';
import { platformRefusal } from '../../../server/common/refusal';

/** An error as wx-server-sdk's toSDKError makes it: an Error with errCode and errMsg. */
function sdkError(errCode: number, errMsg: string): Error {
  return Object.assign(new Error(errMsg), { errCode, errMsg });
}

describe('a refusal for load: try again shortly', () => {
  it('is the database over its QPS (EXCEED_RATELIMIT, which the SDK can only report as -501001)', () => {
    const e = sdkError(
      -501001,
      "document.get:fail -501001 resource system error. [EXCEED_RATELIMIT] database.getDocument: database requests exceed the 基础版 (basic) plan's QPS of 30 a second",
    );
    expect(platformRefusal(e)).toBe('load');
  });

  it('is the database over its connections (-501004)', () => {
    const e = sdkError(
      -501004,
      "collection.add:fail -501004 exceed concurrent request limit. [EXCEED_CONCURRENT_REQUEST_LIMIT] database.insertDocument: database connections exceed the 基础版 (basic) plan's 20 at once",
    );
    expect(platformRefusal(e)).toBe('load');
  });

  it('is a called function at its instances (node-sdk wraps it: errCode -1, the code only in the text)', () => {
    const e = sdkError(-1, 'callFunction:fail [EXCEED_CONCURRENT_REQUEST_LIMIT] errCode: -501004 | function votes is running 20 instances');
    expect(platformRefusal(e)).toBe('load');
    expect(platformRefusal({ errCode: -501004, errMsg: 'callFunction:fail -501004 exceed concurrent request limit. busy' })).toBe('load');
  });
});

describe('a spent quota: nothing to retry until it renews', () => {
  it('is the day’s reads (-501015) or writes (-501016), sent as EXCEED_REQUEST_LIMIT (-501003)', () => {
    const reads = sdkError(
      -501003,
      'document.get:fail -501003 exceed request limit. [EXCEED_REQUEST_LIMIT] -501015 the read request quota is exhausted (读请求次数配额耗尽)',
    );
    const writes = sdkError(
      -501003,
      'collection.add:fail -501003 exceed request limit. [EXCEED_REQUEST_LIMIT] -501016 the write request quota is exhausted (写请求次数配额耗尽)',
    );
    expect(platformRefusal(reads)).toBe('quota');
    expect(platformRefusal(writes)).toBe('quota');
  });

  it('is any of the WeChat quota codes, whether in errCode or only in the text', () => {
    for (const code of [-501003, -501015, -501016]) expect(platformRefusal({ errCode: code, errMsg: 'x' })).toBe('quota');
    expect(platformRefusal('errCode: -501015 读请求次数配额耗尽')).toBe('quota');
  });
});

describe('not a refusal', () => {
  it.each([
    ['a system error', sdkError(-501001, 'document.get:fail -501001 resource system error. [SYS_ERR] boom')],
    [
      'a transaction conflict',
      sdkError(-501001, 'document.update:fail -501001 resource system error. [DATABASE_TRANSACTION_CONFLICT] database transaction conflict'),
    ],
    ['a duplicate _id', sdkError(-502001, 'collection.add:fail -502001 database request fail. E11000 duplicate key error')],
    ['a code that only contains the digits', sdkError(-5010040, 'document.get:fail -5010040 x; id 1501004')],
    ['a product error', new AppError('CONFLICT')],
    ['nothing', undefined],
    ['a plain string', 'socket hang up'],
  ])('%s', (_what, e) => {
    expect(platformRefusal(e)).toBeNull();
  });
});

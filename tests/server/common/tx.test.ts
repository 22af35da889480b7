/**
 * withTransaction when the platform refuses for load: the refusal reaches the router (which answers BUSY), and
 * the transaction is rolled back even if the rollback is refused at first — left open it would hold its documents
 * until it expires.
 */
import type { Database, Transaction } from '../../../server/common/cloud';
import { ROLLBACK_TRIES, withTransaction } from '../../../server/common/tx';
import { platformRefusal } from '../../../server/common/refusal';

const rateRefusal = () =>
  Object.assign(new Error('x'), {
    errCode: -501001,
    errMsg: 'transaction.commit:fail -501001 resource system error. [EXCEED_RATELIMIT] database requests exceed the plan’s QPS',
  });

/** A database whose transaction's commit is refused, and whose rollback is refused `refusedRollbacks` times first. */
function fakeDb(refusedRollbacks: number): { db: Database; rollbacks: () => number } {
  let rollbacks = 0;
  const tx = {
    collection: () => ({}),
    commit: () => Promise.reject(rateRefusal()),
    rollback: () => {
      rollbacks += 1;
      return rollbacks <= refusedRollbacks ? Promise.reject(rateRefusal()) : Promise.resolve({});
    },
  } as unknown as Transaction;
  return { db: { startTransaction: () => Promise.resolve(tx) } as unknown as Database, rollbacks: () => rollbacks };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

async function run(refusedRollbacks: number): Promise<{ error: unknown; rollbacks: number }> {
  const { db, rollbacks } = fakeDb(refusedRollbacks);
  const done = withTransaction(db, () => Promise.resolve('work done')).then(
    () => null,
    (e: unknown) => e,
  );
  await jest.runAllTimersAsync();
  return { error: await done, rollbacks: rollbacks() };
}

it('passes a refused commit on as a load refusal, after one rollback', async () => {
  const { error, rollbacks } = await run(0);
  expect(platformRefusal(error)).toBe('load');
  expect(rollbacks).toBe(1);
});

it('tries a refused rollback again, and stops once it is through', async () => {
  expect((await run(ROLLBACK_TRIES - 1)).rollbacks).toBe(ROLLBACK_TRIES);
});

it(`gives up on the rollback after ${ROLLBACK_TRIES} tries (the transaction then expires by itself)`, async () => {
  const { error, rollbacks } = await run(ROLLBACK_TRIES + 5);
  expect(rollbacks).toBe(ROLLBACK_TRIES);
  expect(platformRefusal(error)).toBe('load');
});

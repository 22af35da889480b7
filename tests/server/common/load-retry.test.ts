import type { Database } from '../../../server/common/cloud';
import { withLoadRetry } from '../../../server/common/load-retry';
import { DB_LOAD_RETRY } from '../../../shared/common/config';

const refused = () => Object.assign(new Error('[EXCEED_RATELIMIT] request rate exceeds the plan (30/s)'), { errCode: -501001 });

/** A stand-in for the SDK's database: each terminal request answers from `answers`, in order, and counts itself. */
function fakeDb(answers: Array<'refuse' | 'ok' | 'conflict'>) {
  const sent: string[] = [];
  const answer = (what: string) => {
    sent.push(what);
    const a = answers.shift() ?? 'ok';
    if (a === 'refuse') return Promise.reject(refused());
    if (a === 'conflict') return Promise.reject(new Error('DATABASE_TRANSACTION_CONFLICT'));
    return Promise.resolve({ data: { _id: 'x', what } });
  };
  const docRef = (id: string) => ({ get: () => answer(`get ${id}`), update: () => answer(`update ${id}`) });
  const command = { inc: (n: number) => ({ $inc: n }) };
  const db = {
    command,
    collection: (name: string) => ({ doc: (id: string) => docRef(`${name}/${id}`), where: () => ({ get: () => answer(`query ${name}`) }) }),
    startTransaction: () =>
      answer('start').then(() => ({
        collection: (name: string) => ({ doc: (id: string) => docRef(`${name}/${id}`) }),
        commit: () => answer('commit'),
      })),
  };
  return { db: withLoadRetry(db as unknown as Database), sent, command };
}

describe('a database request refused for load, inside a function', () => {
  it('is sent again in place, and the call goes on', async () => {
    jest.useFakeTimers();
    try {
      const { db, sent } = fakeDb(['refuse', 'refuse', 'ok']);
      const got = db.collection('voteRolls').doc('V1_M001').get();
      await jest.runAllTimersAsync();
      expect(await got).toMatchObject({ data: { what: 'get voteRolls/V1_M001' } });
      expect(sent).toEqual(['get voteRolls/V1_M001', 'get voteRolls/V1_M001', 'get voteRolls/V1_M001']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('inside a transaction too: start, each request, commit', async () => {
    jest.useFakeTimers();
    try {
      const { db, sent } = fakeDb(['refuse', 'ok', 'ok', 'refuse', 'ok', 'refuse', 'ok']);
      const run = (async () => {
        const tx = await db.startTransaction();
        await tx.collection('voteRolls').doc('a').get();
        await tx
          .collection('voteRolls')
          .doc('a')
          .update({ data: { voted: true } });
        await tx.commit();
      })();
      await jest.runAllTimersAsync();
      await run;
      expect(sent).toEqual(['start', 'start', 'get voteRolls/a', 'update voteRolls/a', 'update voteRolls/a', 'commit', 'commit']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives up after its tries, passes anything else at once, and leaves db.command as the SDK made it', async () => {
    jest.useFakeTimers();
    try {
      const always = fakeDb(Array<'refuse'>(DB_LOAD_RETRY.tries + 2).fill('refuse'));
      const got = always.db.collection('members').where({}).get();
      const failed = expect(got).rejects.toThrow(/EXCEED_RATELIMIT/);
      await jest.runAllTimersAsync();
      await failed;
      expect(always.sent).toHaveLength(DB_LOAD_RETRY.tries);
      const conflict = fakeDb(['conflict']);
      await expect(conflict.db.collection('members').doc('M1').get()).rejects.toThrow(/CONFLICT/);
      expect(conflict.sent).toHaveLength(1);
      expect(conflict.db.command).toBe(conflict.command);
    } finally {
      jest.useRealTimers();
    }
  });
});

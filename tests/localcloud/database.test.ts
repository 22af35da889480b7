/** Database actions through the real wx-server-sdk 4.0.2 against the local cloud. */
import { startTestCloud, sdkFor } from './helpers';
import type { LocalCloud } from '../../localcloud/src/index';
import { SqliteStore } from '../../localcloud/src/store';
import { TransactionManager } from '../../localcloud/src/transactions';

let cloud: LocalCloud & { dataDir: string };
let db: any;
let _: any;

beforeAll(async () => {
  cloud = await startTestCloud('db');
  const sdk = sdkFor(cloud);
  db = sdk.database();
  _ = db.command;
});
afterAll(() => cloud.stop());

/** The store's find() is synchronous here (the public type allows a Promise). */
const rows = (coll: string, q?: object): any[] => cloud.store.find(coll, q) as any[];

const errOf = async (p: Promise<unknown>): Promise<any> => {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error('expected a rejection');
};

describe('CRUD and operators', () => {
  test('add, doc get, dates and server dates', async () => {
    const before = Date.now();
    const { _id } = await db.collection('people').add({ data: { name: 'Ann', born: new Date('1990-05-01T00:00:00Z'), at: db.serverDate(), n: 1.5 } });
    expect(_id).toMatch(/^[0-9a-f]{32}$/);
    const { data } = await db.collection('people').doc(_id).get();
    expect(data.born).toBeInstanceOf(Date);
    expect(data.born.toISOString()).toBe('1990-05-01T00:00:00.000Z');
    expect(data.at).toBeInstanceOf(Date);
    expect(data.at.getTime()).toBeGreaterThanOrEqual(before - 5);
    expect(data.n).toBe(1.5);
    // dates are stored as dates: range queries on them work
    const found = await db
      .collection('people')
      .where({ born: _.lt(new Date('2000-01-01')) })
      .get();
    expect(found.data.map((d: any) => d._id)).toEqual([_id]);
    // serverDate() also works inside queries
    const past = await db
      .collection('people')
      .where({ at: _.lte(db.serverDate({ offset: 1000 })) })
      .count();
    expect(past.total).toBe(1);
  });

  test('$rename and $push with position', async () => {
    await db
      .collection('ops2')
      .doc('r')
      .set({ data: { old: 1, list: ['a', 'c'] } });
    await db
      .collection('ops2')
      .doc('r')
      .update({ data: { old: _.rename('renamed'), list: _.push({ each: ['b'], position: 1 }) } });
    expect((await db.collection('ops2').doc('r').get()).data).toEqual({ _id: 'r', renamed: 1, list: ['a', 'b', 'c'] });
  });

  test('update operators and dotted paths', async () => {
    await db
      .collection('ops')
      .doc('a')
      .set({ data: { n: 1, m: 2, arr: [3, 1], tags: ['x'], obj: { k: 1, j: 1 }, gone: true, lo: 5, hi: 5, old: 'v' } });
    const res = await db
      .collection('ops')
      .doc('a')
      .update({
        data: {
          n: _.inc(2),
          m: _.mul(3),
          arr: _.push({ each: [5, 0], sort: 1, slice: 3 }),
          tags: _.addToSet('y'),
          'obj.k': 9,
          gone: _.remove(),
          lo: _.min(2),
          hi: _.max(7),
        },
      });
    expect(res.stats.updated).toBe(1);
    const { data } = await db.collection('ops').doc('a').get();
    expect(data).toEqual({ _id: 'a', n: 3, m: 6, arr: [0, 1, 3], tags: ['x', 'y'], obj: { k: 9, j: 1 }, lo: 2, hi: 7, old: 'v' });
    await db
      .collection('ops')
      .doc('a')
      .update({ data: { tags: _.pull('x'), arr: _.pullAll([0, 1]), obj: _.set({ only: true }) } });
    expect((await db.collection('ops').doc('a').get()).data).toMatchObject({ tags: ['y'], arr: [3], obj: { only: true } });
    // nested objects in update() merge (flattened to dotted paths)
    await db
      .collection('ops')
      .doc('a')
      .update({ data: { obj: { more: 1 } } });
    expect((await db.collection('ops').doc('a').get()).data.obj).toEqual({ only: true, more: 1 });
    // set() replaces the whole document
    await db
      .collection('ops')
      .doc('a')
      .set({ data: { fresh: 1 } });
    expect((await db.collection('ops').doc('a').get()).data).toEqual({ _id: 'a', fresh: 1 });
  });

  test('where update / remove with multi, upsert via set', async () => {
    await db.collection('multi').add({ data: { g: 'a', v: 1 } });
    await db.collection('multi').add({ data: { g: 'a', v: 2 } });
    await db.collection('multi').add({ data: { g: 'b', v: 3 } });
    const upd = await db
      .collection('multi')
      .where({ g: 'a' })
      .update({ data: { v: _.inc(10) } });
    expect(upd.stats.updated).toBe(2);
    expect(
      (
        await db
          .collection('multi')
          .where({ v: _.gt(10) })
          .count()
      ).total,
    ).toBe(2);
    const rm = await db.collection('multi').where({ g: 'a' }).remove();
    expect(rm.stats.removed).toBe(2);
    expect((await db.collection('multi').count()).total).toBe(1);
    const set = await db
      .collection('multi')
      .doc('new')
      .set({ data: { g: 'c' } });
    expect(set.stats.created).toBe(1);
    expect((await db.collection('multi').doc('new').remove()).stats.removed).toBe(1);
  });

  test('orderBy, skip, limit, field, regexp, $or', async () => {
    cloud.store.insertMany(
      'scores',
      Array.from({ length: 30 }, (_x, i) => ({ _id: `s${String(i).padStart(2, '0')}`, score: i % 10, name: i % 2 ? `Odd${i}` : `even${i}` })),
    );
    const page = await db.collection('scores').orderBy('score', 'desc').orderBy('_id', 'asc').skip(2).limit(4).field({ score: true }).get();
    expect(page.data).toEqual([
      { _id: 's29', score: 9 },
      { _id: 's08', score: 8 },
      { _id: 's18', score: 8 },
      { _id: 's28', score: 8 },
    ]);
    const re = await db
      .collection('scores')
      .where({ name: db.RegExp({ regexp: '^odd1', options: 'i' }) })
      .get();
    expect(re.data.map((d: any) => d._id).sort()).toEqual(['s01', 's11', 's13', 's15', 's17', 's19']);
    const or = await db
      .collection('scores')
      .where(_.or([{ score: 0 }, { score: _.gte(9) }]))
      .count();
    expect(or.total).toBe(6);
  });

  test('aggregate with group / sort / limit', async () => {
    const res = await db
      .collection('scores')
      .aggregate()
      .group({ _id: '$score', c: db.command.aggregate.sum(1) })
      .sort({ _id: 1 })
      .limit(3)
      .end();
    expect(res.list).toEqual([
      { _id: 0, c: 3 },
      { _id: 1, c: 3 },
      { _id: 2, c: 3 },
    ]);
  });

  test('duplicate _id is refused with the cloud error', async () => {
    await db.collection('dup').add({ data: { _id: 'same' } });
    const e = await errOf(db.collection('dup').add({ data: { _id: 'same' } }));
    expect(e.errCode).toBe(-502001);
    expect(e.errMsg).toMatch(/duplicate key/);
  });

  test('doc().get() of a missing document throws', async () => {
    const e = await errOf(db.collection('dup').doc('nope').get());
    expect(e.errMsg).toMatch(/document\.get:fail .*does not exist/);
  });
});

describe('limits', () => {
  beforeAll(() => {
    cloud.store.insertMany(
      'many',
      Array.from({ length: 1200 }, (_x, i) => ({ _id: `m${i}`, i })),
    );
  });
  test('get() returns 100 by default and at most 1000', async () => {
    expect((await db.collection('many').get()).data).toHaveLength(100);
    expect((await db.collection('many').limit(150).get()).data).toHaveLength(150);
    expect((await db.collection('many').limit(5000).get()).data).toHaveLength(1000);
  });
  test('aggregate returns 20 without $limit, more with one', async () => {
    expect(
      (
        await db
          .collection('many')
          .aggregate()
          .match({ i: _.gte(0) })
          .end()
      ).list,
    ).toHaveLength(20);
    expect(
      (
        await db
          .collection('many')
          .aggregate()
          .match({ i: _.gte(0) })
          .limit(500)
          .end()
      ).list,
    ).toHaveLength(500);
  });
  test('a request body over the platform cap is refused', async () => {
    const e = await errOf(db.collection('huge').add({ data: { s: 'x'.repeat(7 * 1024 * 1024) } }));
    expect(e.errMsg).toMatch(/EXCEED_REQUEST_LIMIT/);
    expect(cloud.store.count('huge')).toBe(0);
  });
});

describe('transactions', () => {
  beforeEach(() => {
    cloud.store.drop('acct');
    cloud.store.insertMany('acct', [
      { _id: 'a', bal: 100 },
      { _id: 'b', bal: 0 },
    ]);
  });

  test('commit applies all writes; add() allowed', async () => {
    const tx = await db.startTransaction();
    await tx
      .collection('acct')
      .doc('a')
      .update({ data: { bal: _.inc(-30) } });
    await tx
      .collection('acct')
      .doc('b')
      .update({ data: { bal: _.inc(30) } });
    await tx.collection('acct').add({ data: { _id: 'log1', amount: 30 } });
    // not visible outside before commit
    expect(rows('acct', { _id: 'a' })[0]?.bal).toBe(100);
    await tx.commit();
    expect(rows('acct').map((d: any) => [d._id, d.bal ?? d.amount])).toEqual(
      expect.arrayContaining([
        ['a', 70],
        ['b', 30],
        ['log1', 30],
      ]),
    );
  });

  test('snapshot read: a transaction sees the state at its start plus its own writes', async () => {
    const tx = await db.startTransaction();
    await db
      .collection('acct')
      .doc('b')
      .update({ data: { bal: 5 } }); // outside the transaction
    expect((await tx.collection('acct').doc('b').get()).data.bal).toBe(0);
    await tx
      .collection('acct')
      .doc('a')
      .update({ data: { bal: 1 } });
    expect((await tx.collection('acct').doc('a').get()).data.bal).toBe(1);
    // writing the document changed after our snapshot conflicts
    const e = await errOf(
      tx
        .collection('acct')
        .doc('b')
        .update({ data: { bal: 6 } }),
    );
    expect(e.errMsg).toMatch(/DATABASE_TRANSACTION_CONFLICT/);
    await tx.rollback();
  });

  test('two open transactions writing the same document: the second fails at once', async () => {
    const t1 = await db.startTransaction();
    const t2 = await db.startTransaction();
    await t1
      .collection('acct')
      .doc('a')
      .update({ data: { bal: _.inc(1) } });
    // t1 is still open and commits only afterwards: had t2 waited for t1's lock, this would never return.
    const e = await errOf(
      t2
        .collection('acct')
        .doc('a')
        .update({ data: { bal: _.inc(2) } }),
    );
    expect(e.errCode).toBe(-501001); // wx-server-sdk rewrites the code...
    expect(e.errMsg).toMatch(/DATABASE_TRANSACTION_CONFLICT/); // ...but keeps the message
    await t2.rollback();
    await t1.commit();
    expect(rows('acct', { _id: 'a' })[0]?.bal).toBe(101);
  });

  test('abort leaves nothing', async () => {
    const tx = await db.startTransaction();
    await tx.collection('acct').doc('a').remove();
    await tx.collection('acct').add({ data: { _id: 'ghost' } });
    await tx.rollback();
    expect(
      rows('acct')
        .map((d: any) => d._id)
        .sort(),
    ).toEqual(['a', 'b']);
    // the lock is gone too
    await db
      .collection('acct')
      .doc('a')
      .update({ data: { bal: 1 } });
  });

  test('where() inside a transaction is refused', async () => {
    const tx = await db.startTransaction();
    const e1 = await errOf(tx.collection('acct').where({ bal: 100 }).get());
    expect(e1.errMsg).toMatch(/only doc\(\) operations and add\(\)/);
    await tx.rollback();
  });

  test('where().update() on a transaction is sent WITHOUT the transactionId by the SDK: it escapes the transaction', async () => {
    // @cloudbase/database's Query.update()/remove() never pass _transactionId, so neither this server nor WeChat's
    // can refuse it: the write happens at once and survives the rollback. Application code must not do this.
    const tx = await db.startTransaction();
    await tx
      .collection('acct')
      .where({ _id: 'b' })
      .update({ data: { bal: 7 } });
    await tx.rollback();
    expect(rows('acct', { _id: 'b' })[0]?.bal).toBe(7);
  });

  test('runTransaction commits the callback result', async () => {
    const out = await db.runTransaction(async (t: any) => {
      const a = (await t.collection('acct').doc('a').get()).data;
      await t
        .collection('acct')
        .doc('a')
        .update({ data: { bal: a.bal - 1 } });
      return a.bal;
    });
    expect(out).toBe(100);
    expect(rows('acct', { _id: 'a' })[0]?.bal).toBe(99);
  });

  test('a transaction older than the limit is aborted', () => {
    const store = new SqliteStore(`${cloud.dataDir}/tx-expiry`);
    const txs = new TransactionManager(store, 50);
    const id = txs.start();
    txs.write(id, { coll: 'c', id: 'x', doc: { _id: 'x' } });
    const until = Date.now() + 80;
    while (Date.now() < until) {
      /* wait past the limit */
    }
    expect(() => txs.commit(id)).toThrow(/expired/);
    expect(store.count('c')).toBe(0);
    txs.close();
    store.close();
  });
});

/**
 * What the local store's files keep: no more than the platform would. A reader of the data folder taken more than
 * CHECKPOINT_WITHIN_MS after a write — however busy the store is with reads meanwhile — must learn neither the order
 * documents were written in (for ballots: the order of voting, which pairs each ballot with the roll entry flipped
 * in the same commit) nor what an overwritten document said before. The same with the real functions and a park
 * in use: tests/cloudfunctions/votes-forensics.test.ts, ratings-forensics.test.ts.
 */
import { DatabaseLimits } from '../../localcloud/src/limits';
import { PLANS, unmeteredDatabase } from '../../localcloud/src/plans';
import { CHECKPOINT_WITHIN_MS, SqliteStore } from '../../localcloud/src/store';
import { ballotsAndVoters, copyFolder, linkedByCommits, rawFiles, walCommits, walSize } from '../support/forensics';
import { tempDataDir } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ballots cast one by one, each with its roll entry flipped in the same commit, as the votes function does. */
function castBallots(store: SqliteStore, voters: string[], receipts: string[], category: string): void {
  store.applyWrites(voters.map((v) => ({ coll: 'rolls', id: v, doc: { _id: v, memberId: v, voted: false } })));
  for (const [i, v] of voters.entries()) {
    const receipt = receipts[i] ?? '';
    store.applyWrites([
      { coll: 'ballots', id: receipt, doc: { _id: receipt, category } },
      { coll: 'rolls', id: v, doc: { _id: v, memberId: v, voted: true } },
    ]);
  }
}

describe('the local store keeps no write order and no overwritten content', () => {
  it('returns documents in key order, whatever order they were written in', () => {
    const store = new SqliteStore(tempDataDir('order'));
    const ids = ['K7', 'A2', 'Z9', 'C1', 'M4'];
    for (const id of ids) store.applyWrites([{ coll: 'ballots', id, doc: { _id: id } }]);
    expect(store.all('ballots').map((d) => d._id)).toEqual([...ids].sort());
    store.applyWrites([{ coll: 'ballots', id: 'C1', doc: null }]);
    expect(store.all('ballots').map((d) => d._id)).toEqual(['A2', 'K7', 'M4', 'Z9']);
    store.close();
  });

  it('leaves, once the bound has passed, a WAL with nothing in it and no trace of what was overwritten', async () => {
    const dir = tempDataDir('forensic');
    const store = new SqliteStore(dir);
    const voters = ['V03', 'V11', 'V07', 'V01', 'V09'];
    const receipts = ['QX7P-2M4K-A2B3', 'A3LD-88ZT-C4D5', 'MM2R-K4PW-E6F7', 'Z9EE-92QA-G8H9', 'BT5S-X2VN-J2K3'];
    castBallots(store, voters, receipts, 'leader-secret-category');
    // the count seals a lone voter's ballot: its old category must be gone from the files too
    for (const r of receipts) store.applyWrites([{ coll: 'ballots', id: r, doc: { _id: r, category: 'merged' } }]);
    const during = copyFolder(dir);
    expect(rawFiles(during).includes('leader-secret-category')).toBe(true); // writes just landed: still in the WAL

    await sleep(CHECKPOINT_WITHIN_MS + 1000);
    const after = copyFolder(dir);
    expect(walSize(after)).toBe(0);
    expect(rawFiles(after).includes('leader-secret-category')).toBe(false);
    // and a store opened on the copy lists ballots in key order, not in the order they were cast
    const copy = new SqliteStore(after);
    expect(copy.all('ballots').map((d) => d._id)).toEqual([...receipts].sort());
    copy.close();
    store.close();
  });

  it('folds and truncates the WAL within the bound after the last ballot, however busy the reads', async () => {
    const dir = tempDataDir('forensic-busy');
    const store = new SqliteStore(dir);
    // every database request of a park in use is counted towards the plan's daily quotas, in the same store
    const limits = new DatabaseLimits(unmeteredDatabase(PLANS.basic), store, Date.now);
    const reads = setInterval(() => {
      limits.admit('database.getDocument', 'read');
      limits.release();
    }, 100);
    try {
      const voters = Array.from({ length: 12 }, (_, i) => `M${String(i + 1).padStart(3, '0')}`);
      const receipts = [...'ABCDEFGHJKMN'].map((x) => `RCPT-${x}${x}2${x}-XY2Z`);
      castBallots(store, voters, receipts, 'leader-secret-category');
      // just written: the WAL's commits pair every ballot with its voter's roll flip
      expect(linkedByCommits(copyFolder(dir), ballotsAndVoters)).toHaveLength(12);

      await sleep(CHECKPOINT_WITHIN_MS + 1000);
      const after = copyFolder(dir);
      expect(linkedByCommits(after, ballotsAndVoters)).toEqual([]);
      // the WAL may hold the reads' counters since, but no page with a ballot or a roll entry
      const pages = walCommits(after)
        .flat()
        .map((p) => ballotsAndVoters(p.toString('latin1')));
      expect(pages.flatMap((p) => [...p.secrets, ...p.identities])).toEqual([]);
      expect(rawFiles(after).includes('RCPT-AA2A')).toBe(true); // the ballot itself is in the database file
    } finally {
      clearInterval(reads);
      store.close();
    }
  });
});

/**
 * What the local store's files keep: no more than the platform would. A reader of the data folder after writes
 * pause must learn neither the order documents were written in (for ballots: the order of voting, which pairs each
 * ballot with the roll entry flipped in the same commit) nor what an overwritten document said before.
 */
import { copyFileSync, existsSync, readFileSync, readdirSync, statSync } from 'fs';
import { join } from 'path';
import { CHECKPOINT_IDLE_MS, SqliteStore } from '../../localcloud/src/store';
import { tempDataDir } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Copy the folder as someone with the disk would, while the store is still running. */
function copyFolder(from: string): string {
  const to = tempDataDir('copy');
  for (const f of readdirSync(from)) if (statSync(join(from, f)).isFile()) copyFileSync(join(from, f), join(to, f));
  return to;
}

function rawFiles(dir: string): Buffer {
  return Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
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

  it('leaves, once writes pause, a WAL with nothing in it and no trace of what was overwritten', async () => {
    const dir = tempDataDir('forensic');
    const store = new SqliteStore(dir);
    // ballots cast one by one, each with its roll entry flipped in the same commit, as the votes function does
    const voters = ['V03', 'V11', 'V07', 'V01', 'V09'];
    const receipts = ['QX7P-2M4K', 'A3LD-88ZT', 'MM2R-K4PW', 'Z0EE-91QA', 'BT5S-X2VN'];
    store.applyWrites(voters.map((v) => ({ coll: 'rolls', id: v, doc: { _id: v, voted: false } })));
    for (const [i, v] of voters.entries()) {
      const receipt = receipts[i] ?? '';
      store.applyWrites([
        { coll: 'ballots', id: receipt, doc: { _id: receipt, category: 'leader-secret-category' } },
        { coll: 'rolls', id: v, doc: { _id: v, voted: true } },
      ]);
    }
    // the count seals a lone voter's ballot: its old category must be gone from the files too
    for (const r of receipts) store.applyWrites([{ coll: 'ballots', id: r, doc: { _id: r, category: 'merged' } }]);
    const during = copyFolder(dir);
    expect(rawFiles(during).includes('leader-secret-category')).toBe(true); // writes just landed: still in the WAL

    await sleep(CHECKPOINT_IDLE_MS + 1000);
    const after = copyFolder(dir);
    const wal = join(after, 'localcloud.sqlite-wal');
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    expect(rawFiles(after).includes('leader-secret-category')).toBe(false);
    // and a store opened on the copy lists ballots in key order, not in the order they were cast
    const copy = new SqliteStore(after);
    expect(copy.all('ballots').map((d) => d._id)).toEqual([...receipts].sort());
    copy.close();
    store.close();
  });
});

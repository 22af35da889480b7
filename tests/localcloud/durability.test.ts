/** Every acknowledged write survives `kill -9` of the local cloud process. */
import { FIXTURE_FUNCTIONS, exited, sdkFor, startChildCloud, tempDataDir } from './helpers';

const startChild = (dataDir: string) => startChildCloud(dataDir, FIXTURE_FUNCTIONS);

test('kill -9 mid-stream loses no acknowledged write', async () => {
  const dataDir = tempDataDir('durable');
  const first = await startChild(dataDir);
  const db = sdkFor(first.url).database();
  const _ = db.command;
  await db
    .collection('counter')
    .doc('c')
    .set({ data: { n: 0 } });

  const acked: string[] = [];
  let incAcked = 0;
  let stop = false;
  const inserter = async (stream: number): Promise<void> => {
    for (let i = 0; !stop; i++) {
      const id = `w${stream}_${i}`;
      try {
        await db.collection('writes').add({ data: { _id: id, at: new Date(), payload: 'x'.repeat(200) } });
        acked.push(id);
      } catch {
        return; // the server is gone
      }
    }
  };
  const incrementer = async (): Promise<void> => {
    while (!stop) {
      try {
        await db
          .collection('counter')
          .doc('c')
          .update({ data: { n: _.inc(1) } });
        incAcked++;
      } catch {
        return;
      }
    }
  };
  const streams = [inserter(0), inserter(1), inserter(2), incrementer()];
  // kill once enough writes are acknowledged (a fixed wait gave too few on a loaded machine), at most 10 s
  for (let waited = 0; acked.length <= 60 && waited < 10_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
  first.child.kill('SIGKILL');
  await exited(first.child);
  stop = true;
  await Promise.all(streams);
  expect(acked.length).toBeGreaterThan(50);
  if (process.env.LOCALCLOUD_VERBOSE) console.log(`acknowledged ${acked.length} inserts and ${incAcked} increments before kill -9`);

  const second = await startChild(dataDir);
  try {
    const db2 = sdkFor(second.url).database();
    const found = new Set<string>();
    for (let i = 0; i < acked.length; i += 1000) {
      const batch = acked.slice(i, i + 1000);
      const { data } = await db2
        .collection('writes')
        .where({ _id: db2.command.in(batch) })
        .limit(1000)
        .field({ _id: true })
        .get();
      for (const d of data) found.add(d._id);
    }
    const missing = acked.filter((id) => !found.has(id));
    expect(missing).toEqual([]);
    const counter = (await db2.collection('counter').doc('c').get()).data.n;
    expect(counter).toBeGreaterThanOrEqual(incAcked);
    expect(counter).toBeLessThanOrEqual(incAcked + 1); // at most the one in flight when killed
  } finally {
    second.child.kill('SIGTERM');
    await exited(second.child);
  }
});

import { paced } from '../../../server/common/paced';
import { PACE } from '../../../shared/common/config';

describe('bulk writes in one call', () => {
  it('writes every item once, never more than a chunk at a time', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    await paced(
      Array.from({ length: 60 }, (_, i) => i),
      async (i) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await new Promise((r) => setImmediate(r));
        seen.push(i);
        inFlight -= 1;
      },
    );
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(most).toBe(PACE.writesAtOnce);
  });

  it('stops at a write that fails, writing nothing after its chunk', async () => {
    const seen: number[] = [];
    await expect(
      paced(
        [0, 1, 2, 3, 4, 5],
        (i) => {
          seen.push(i);
          return i === 1 ? Promise.reject(new Error('E11000 duplicate key')) : Promise.resolve();
        },
        2,
      ),
    ).rejects.toThrow(/E11000/);
    expect(seen).toEqual([0, 1]);
  });
});

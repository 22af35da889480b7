import { paced } from '../../../server/common/paced';
import { PACE } from '../../../shared/common/config';

const refusal = () => Object.assign(new Error('[EXCEED_RATELIMIT] request rate exceeds the plan'), { errCode: -501001 });

describe('bulk writes under the plan’s database rate', () => {
  it('writes every item once, a chunk at a time, and never waits while nothing is refused', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let most = 0;
    await paced(
      Array.from({ length: 60 }, (_, i) => i),
      async (i) => {
        inFlight += 1;
        most = Math.max(most, inFlight);
        await Promise.resolve();
        seen.push(i);
        inFlight -= 1;
      },
    );
    expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i));
    expect(most).toBeLessThanOrEqual(PACE.writesPerSecond);
  });

  it('tries a write refused for load again, and keeps to the pace from then on', async () => {
    jest.useFakeTimers();
    try {
      const tries = new Map<number, number>();
      const first = new Map<number, number>();
      const job = paced(
        [0, 1, 2, 3, 4, 5],
        (i) => {
          if (!first.has(i)) first.set(i, Date.now());
          tries.set(i, (tries.get(i) ?? 0) + 1);
          return i === 1 && tries.get(i) === 1 ? Promise.reject(refusal()) : Promise.resolve();
        },
        2,
      );
      await jest.runAllTimersAsync();
      await job;
      expect(tries.get(1)).toBe(2);
      expect([...tries.values()].reduce((a, b) => a + b, 0)).toBe(7);
      // after the refusal in the first chunk, each chunk that follows starts at least a second after the one before
      const at = (i: number) => first.get(i) ?? NaN;
      expect(at(2) - at(0)).toBeGreaterThanOrEqual(1000);
      expect(at(4) - at(2)).toBeGreaterThanOrEqual(1000);
    } finally {
      jest.useRealTimers();
    }
  });

  it('gives up on a write refused every time, and passes other errors at once', async () => {
    jest.useFakeTimers();
    try {
      let n = 0;
      const job = paced([0], () => {
        n += 1;
        return Promise.reject(refusal());
      });
      const done = expect(job).rejects.toThrow(/EXCEED_RATELIMIT/);
      await jest.runAllTimersAsync();
      await done;
      expect(n).toBe(PACE.writeTries);
      let m = 0;
      await expect(
        paced([0], () => {
          m += 1;
          return Promise.reject(new Error('E11000 duplicate key'));
        }),
      ).rejects.toThrow(/E11000/);
      expect(m).toBe(1);
    } finally {
      jest.useRealTimers();
    }
  });
});

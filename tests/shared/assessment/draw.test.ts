import { drawNumbered, drawSubSeed, drawTargets, seedFingerprint, verifyDraws } from '../../../shared/assessment/draw';

const seed = 'a'.repeat(63) + '1';
const pool = Array.from({ length: 24 }, (_, i) => `M${String(i + 1).padStart(3, '0')}`);
const drawsOf = (s: string, k: number) =>
  Array.from({ length: k }, (_, i) => ({ n: i + 1, candidates: pool, count: 4, picked: drawNumbered(s, '2026Q4', i + 1, pool, 4) }));

describe('a spot-check draw', () => {
  it('is the same for the same candidates and seed, whatever order the candidates came in', () => {
    expect(drawTargets(pool, 3, 42)).toEqual(drawTargets([...pool].reverse(), 3, 42));
    expect(new Set(drawTargets(pool, 3, 42)).size).toBe(3);
    expect(drawTargets(pool.slice(0, 8), 20, 1)).toHaveLength(8);
  });

  it('gives each numbered draw of a quarter its own sub-seed, so drawing again is a new draw, not the same one', () => {
    const subs = new Set(Array.from({ length: 50 }, (_, i) => drawSubSeed(seed, '2026Q4', i + 1)));
    expect(subs.size).toBe(50);
    expect(drawSubSeed(seed, '2026Q4', 1)).not.toBe(drawSubSeed(seed, '2027Q1', 1));
    expect(drawNumbered(seed, '2026Q4', 1, pool, 4)).not.toEqual(drawNumbered(seed, '2026Q4', 2, pool, 4));
  });

  it('publishes a SHA-256 fingerprint of the seed (known answer)', () => {
    // sha256("abc"), FIPS 180-2 appendix B.1
    expect(seedFingerprint('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('checking a quarter’s draws once its seed is revealed', () => {
  const commitment = { periodId: '2026Q4', seedHash: seedFingerprint(seed), seed };

  it('accepts the draws the seed gives', () => {
    expect(verifyDraws(commitment, drawsOf(seed, 3))).toEqual({ ok: true });
    expect(verifyDraws(commitment, [])).toEqual({ ok: true });
  });

  it('refuses a seed that is not the one committed to', () => {
    const other = 'b'.repeat(64);
    expect(verifyDraws({ ...commitment, seed: other }, drawsOf(other, 2))).toEqual({ ok: false, problem: '种子与事先公布的指纹不符' });
    expect(verifyDraws({ ...commitment, seed: 'not hex' }, [])).toMatchObject({ ok: false });
  });

  it('finds a draw whose names were changed, and a draw left out of the record', () => {
    const draws = drawsOf(seed, 3);
    const changed = draws.map((d) => (d.n === 2 ? { ...d, picked: [...d.picked.slice(0, 3), pool.find((p) => !d.picked.includes(p)) ?? ''] } : d));
    expect(verifyDraws(commitment, changed)).toEqual({ ok: false, problem: '第2次抽取的结果与种子复算不一致' });
    // draw 1 dropped (say, because its names did not suit): the numbering shows it
    expect(verifyDraws(commitment, draws.slice(1))).toEqual({ ok: false, problem: '抽取编号不连续：缺少第1次' });
  });
});

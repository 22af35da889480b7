import { seedFingerprint } from '../../../shared/assessment/draw';
import { allocation, drawSample, sampledIds, strataOf, verifySample } from '../../../shared/ratings/sample';
import { levelPoints, makeCode, MIN_RATERS, results, sceneOf, submissionProblem, CODE_PATTERN } from '../../../shared/ratings/rating';

const SEED = 'a'.repeat(64);
const OTHER = 'b'.repeat(64);
const industries = ['机械制造', '电子信息', '新材料', '食品加工'];
const enterprises = Array.from({ length: 120 }, (_, i) => ({
  _id: `E${String(i + 1).padStart(3, '0')}`,
  aboveScale: i % 2 === 0,
  industry: industries[i % 4 === 0 ? 0 : i % 3] as string,
}));

describe('the satisfaction sample (企业评抽样)', () => {
  it('takes the share of each stratum, at least one, adding up to the share of the pool', () => {
    expect(allocation([10, 20, 30], 0.2)).toEqual([2, 4, 6]);
    expect(allocation([1, 1, 40], 0.25)).toEqual([1, 1, 9]);
    const sizes = [7, 13, 3, 29];
    for (const share of [0.2, 0.25, 0.3]) {
      const take = allocation(sizes, share);
      expect(take.reduce((a, b) => a + b, 0)).toBe(Math.round(share * 52));
      take.forEach((n, i) => expect(Math.abs(n - share * (sizes[i] ?? 0))).toBeLessThanOrEqual(1));
    }
  });

  it('samples only above-scale enterprises by industry, and every key-project enterprise', () => {
    const { strata, census } = strataOf(enterprises, ['E002', 'E001', 'E001']);
    expect(census).toEqual(['E001', 'E002']);
    const ids = strata.flatMap((s) => s.ids);
    expect(ids.every((id) => enterprises.find((e) => e._id === id)?.aboveScale)).toBe(true);
    expect(ids).not.toContain('E001');
    const s = drawSample(SEED, 'RC1', strata, census, 0.25);
    for (const x of s.strata) {
      expect(x.picked).toHaveLength(x.take);
      expect(new Set(x.picked).size).toBe(x.take);
      expect(x.picked.every((id) => strata.find((y) => y.key === x.key)?.ids.includes(id))).toBe(true);
    }
    expect(sampledIds(s)).toEqual(expect.arrayContaining(['E001', 'E002']));
  });

  it('gives the same sample from the same seed, another from another, and each stratum its share over many seeds', () => {
    const { strata, census } = strataOf(enterprises, []);
    expect(drawSample(SEED, 'RC1', strata, census, 0.2)).toEqual(drawSample(SEED, 'RC1', strata, census, 0.2));
    expect(drawSample(OTHER, 'RC1', strata, census, 0.2)).not.toEqual(drawSample(SEED, 'RC1', strata, census, 0.2));
    // over many seeds every member of a stratum is drawn about as often as the share says
    const seen = new Map<string, number>();
    const runs = 400;
    for (let k = 0; k < runs; k += 1) {
      const seed = seedFingerprint(`seed-${k}`);
      for (const id of sampledIds(drawSample(seed, 'RC1', strata, census, 0.2))) seen.set(id, (seen.get(id) ?? 0) + 1);
    }
    const first = strata[0];
    if (!first) throw new Error('no stratum');
    const rate = first.ids.map((id) => (seen.get(id) ?? 0) / runs);
    const expected = (drawSample(SEED, 'RC1', strata, census, 0.2).strata[0]?.take ?? 0) / first.ids.length;
    for (const r of rate) expect(Math.abs(r - expected)).toBeLessThan(0.1);
  });

  it('lets anyone check the published seed against its fingerprint and redo the draw', () => {
    const { strata, census } = strataOf(enterprises, ['E003']);
    const sample = drawSample(SEED, 'RC9', strata, census, 0.3);
    const published = { campaignId: 'RC9', seedHash: seedFingerprint(SEED), seed: SEED, share: 0.3, strata, census };
    expect(verifySample(published, sample)).toEqual({ ok: true });
    expect(verifySample({ ...published, seed: OTHER }, sample)).toEqual({ ok: false, problem: '种子与事先公布的指纹不符' });
    const swapped = { ...sample, strata: sample.strata.map((x, i) => (i === 0 ? { ...x, picked: [...x.picked.slice(1), 'E999'] } : x)) };
    expect(verifySample(published, swapped)).toEqual({ ok: false, problem: '抽样结果与种子复算不一致' });
  });
});

describe('rating codes and scores', () => {
  it('makes codes whose scene fits WeChat’s 32 characters', () => {
    const code = makeCode(new Uint8Array(12).map((_, i) => i * 37));
    expect(code).toMatch(CODE_PATTERN);
    expect(sceneOf(code).length).toBeLessThanOrEqual(32);
  });

  it('refuses a rating missing a dimension or naming a cadre who did not serve the enterprise', () => {
    const served = new Set(['M010', 'M011']);
    const dims = { efficiency: 5, policy: 4, support: 4, conduct: 5 };
    expect(submissionProblem({ ...dims, conduct: undefined } as never, {}, served)).toBe('请评价「干部作风」');
    expect(submissionProblem(dims, { M099: 5 }, served)).toBe('只能评价为本企业服务过的干部');
    expect(submissionProblem(dims, { M010: 2 }, served)).toBeNull();
  });

  it('scores by the documented formula and withholds what fewer than three ratings would give away', () => {
    expect([5, 4, 3, 2, 1].map(levelPoints)).toEqual([100, 75, 50, 25, 0]);
    const r = (m: Record<string, number>, level = 5) => ({ dimensions: { efficiency: level, policy: level, support: level, conduct: 2 }, cadres: m });
    const out = results([r({ M010: 5, M011: 4 }), r({ M010: 4 }), r({ M010: 3, M012: 1 }, 4)], (id) => (id === 'M012' ? 'S02' : 'S01'));
    expect(out.responses).toBe(3);
    // 9 answers of 5 or 4, three of 2: 9 / 12 satisfied
    expect(out.satisfaction).toBe(0.75);
    // M011's one rating is withheld, and so is M010 (three): S01's four less M010's three would give M011's back
    expect(out.cadres.find((c) => c.id === 'M010')).toEqual({ id: 'M010', raters: null, score: null });
    expect(out.cadres.find((c) => c.id === 'M011')).toEqual({ id: 'M011', raters: null, score: null });
    expect(out.sections.find((s) => s.id === 'S01')).toMatchObject({ raters: 4, score: 75 });
    expect(out.sections.find((s) => s.id === 'S02')).toMatchObject({ raters: null, score: null });
    expect(results([r({})], () => null).satisfaction).toBeNull();
    expect(MIN_RATERS).toBe(3);
  });
});

/** Performance pay: the pool, the checks of the report's ratios, and the share to the fen. */
import fc from 'fast-check';
import type { AnnualGrade } from '../../../shared/annual/grades';
import type { SectionTier } from '../../../shared/annual/tiers';
import { defaultPaySettings, distribute, payGroups, payProblems, poolFen, taxFactor, yuan, type PayCadre } from '../../../shared/pay/pay';

const S = defaultPaySettings(2025);

describe('the pool', () => {
  it('is the base × the provincial tier’s factor × the tax factor, to the fen', () => {
    // no tax figures: factor 1; 3 000 000 × 1.0 (良好) = 300 000 000 fen
    expect(poolFen(S)).toBe(300_000_000);
    // 优秀 1.1; tax 12 000 against 10 000 with elasticity 0.5: 1 + 0.5 × 0.2 = 1.1 → 3 000 000 × 1.1 × 1.1 = 3 630 000 yuan
    const up = { ...S, provincialTier: 'excellent' as const, taxThisYear: 12_000, taxLastYear: 10_000 };
    expect(taxFactor(up)).toBe(1.1);
    expect(poolFen(up)).toBe(363_000_000);
    // a fall of 40%: 1 − 0.5 × 0.4 = 0.8, held at the floor 0.9
    expect(taxFactor({ ...S, taxThisYear: 6_000, taxLastYear: 10_000 })).toBe(0.9);
    // a rise of 6%: 1.03
    expect(taxFactor({ ...S, taxThisYear: 10_600, taxLastYear: 10_000 })).toBe(1.03);
  });
});

describe('the checks', () => {
  const tiers = (first: number, second: number): SectionTier[] => [...Array<SectionTier>(first).fill(1), ...Array<SectionTier>(second).fill(2)];

  it('hold for the defaults over 3 first-tier sections of 12', () => {
    // average section (3 × 1.25 + 9 × 1.0) / 12 = 1.0625; 1.25 / 1.0625 − 1 = 17.6% ≥ 16%
    expect(payProblems(S, tiers(3, 9))).toEqual([]);
  });

  it('refuse 优秀 below 1.5 × 不称职, a lower grade paid more, and a first tier less than 16% above the average section', () => {
    // 1.1 < 1.5 × 0.8 = 1.2
    expect(payProblems({ ...S, gradeCoefficients: { ...S.gradeCoefficients, excellent: 1.1 } }, tiers(3, 9))).toContainEqual({
      path: 'gradeCoefficients.excellent',
      message: '优秀系数应至少为不称职系数的1.5倍（现为1.375倍）',
    });
    expect(payProblems({ ...S, gradeCoefficients: { ...S.gradeCoefficients, basic: 1.3 } }, tiers(3, 9))).toContainEqual({
      path: 'gradeCoefficients.basic',
      message: '等次越低，系数不能越高',
    });
    // 6 of 12 first-tier: average (6 × 1.25 + 6) / 12 = 1.125; 1.25 / 1.125 − 1 = 11.1% < 16%
    expect(payProblems(S, tiers(6, 6))).toEqual([{ path: 'sectionCoefficients.1', message: '第一等次股室系数应比股室平均高16%以上（现高11.1%）' }]);
    expect(payProblems({ ...S, base: 0 }, tiers(3, 9))).toContainEqual({ path: 'base', message: '奖金总额应大于0' });
  });
});

describe('the share', () => {
  const cadre = (i: number, grade: AnnualGrade, tier: SectionTier): PayCadre => ({
    memberId: `M${100 + i}`,
    sectionId: `S${tier}`,
    rank: i + 1,
    grade,
    tier,
  });

  it('gives the leftover fens to the largest remainders, so the amounts add up to the pool', () => {
    const three = [cadre(0, 'competent', 2), cadre(1, 'competent', 2), cadre(2, 'competent', 2)];
    // 1000 fen over three equal weights: 333.33 each → 334 (the first by rank), 333, 333
    expect(distribute(1000, three, S).map((r) => r.fen)).toEqual([334, 333, 333]);
    // weights 1.25 × 1.5 = 1.875 and 1.0 × 0.8 = 0.8 over 10 000 fen: 7009.35… → 7009 and 2990.65… → 2991
    const two = distribute(10_000, [cadre(0, 'excellent', 1), cadre(1, 'incompetent', 2)], S);
    expect(two.map((r) => [r.weight, r.fen])).toEqual([
      [1.875, 7009],
      [0.8, 2991],
    ]);
  });

  it('for any park: adds up exactly, holds 优秀 ≥ 1.5 × 不称职 within a section to the fen, and pays the same weight the same to the fen', () => {
    const grades: AnnualGrade[] = ['excellent', 'competent', 'basic', 'incompetent'];
    fc.assert(
      fc.property(
        fc.array(fc.record({ g: fc.constantFrom(...grades), t: fc.constantFrom<SectionTier>(1, 2) }), { minLength: 1, maxLength: 300 }),
        fc.integer({ min: 1, max: 1_000_000_000 }),
        (xs, pool) => {
          const rows = distribute(
            pool,
            xs.map((x, i) => cadre(i, x.g, x.t)),
            S,
          );
          expect(rows.reduce((s, r) => s + r.fen, 0)).toBe(pool);
          for (const tier of [1, 2] as SectionTier[]) {
            const ex = rows.filter((r) => r.tier === tier && r.grade === 'excellent').map((r) => r.fen);
            const inc = rows.filter((r) => r.tier === tier && r.grade === 'incompetent').map((r) => r.fen);
            if (ex.length && inc.length) expect(Math.min(...ex) + 2).toBeGreaterThanOrEqual(1.5 * Math.max(...inc));
          }
          for (const g of payGroups(rows)) expect(g.maxFen - g.minFen).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shows fen as yuan', () => {
    expect(yuan(300_000_000)).toBe('3,000,000.00');
    expect(yuan(7009)).toBe('70.09');
    expect(yuan(5)).toBe('0.05');
  });
});

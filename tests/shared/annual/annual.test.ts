/**
 * The annual formula (三评价一抽查), the grades it proposes, and the leadership's adjustments — the arithmetic in
 * the comments, with the default formula: 指标评价 40%, 单位评价 30% (考人 : 考事 = 3 : 1), 民主测评 20%, 企业评价 10%.
 */
import { defaultFormula } from '../../../shared/annual/config';
import { formulaProblems } from '../../../shared/annual/formula';
import { adjustmentProblem, excellentQuota, finalGrades, proposeGrades } from '../../../shared/annual/grades';
import { firstTierPlaces, sectionTier } from '../../../shared/annual/tiers';
import { annualScore, sectionAnnualScore, type CadreYear, type QuarterRecord } from '../../../shared/annual/score';

const F = defaultFormula(2025);
const q = (n: number, indicators: number, staff: number, section: number, grade: QuarterRecord['grade'] = 'good', deductions = 0): QuarterRecord => ({
  periodId: `2025Q${n}`,
  indicators,
  staffEvaluation: staff,
  sectionEvaluation: section,
  deductions,
  score: 0,
  grade,
});
const cadre = (over: Partial<CadreYear> = {}): CadreYear => ({
  memberId: 'M1',
  name: '张三',
  sectionId: 'S1',
  quarters: [q(1, 90, 88, 84), q(2, 94, 92, 88), q(3, 86, 84, 80), q(4, 90, 88, 84)],
  votes: [{ campaignId: 'V1', title: '2025年度干部互评', overall: 91, dimensions: [], admonish: false, adjust: false }],
  ratings: [{ campaignId: 'R1', title: '2025年企业评', score: 85, raters: 6 }],
  redCard: false,
  ...over,
});
const value = (s: ReturnType<typeof annualScore>, key: string) => s.sources.find((x) => x.key === key);

describe('the annual score', () => {
  it('weighs the four evaluations and explains each with its records', () => {
    const s = annualScore(cadre(), F);
    // 指标评价 = (90 + 94 + 86 + 90) / 4 = 90
    expect(value(s, 'indicators')).toMatchObject({ value: 90, effectiveWeight: 0.4, points: 36 });
    expect(value(s, 'indicators')?.records.map((r) => r.label)).toEqual(['2025年第一季度', '2025年第二季度', '2025年第三季度', '2025年第四季度']);
    // 单位评价 = mean of (考人 × 0.75 + 考事 × 0.25): 87, 91, 83, 87 → 87
    expect(value(s, 'unit')).toMatchObject({ value: 87, points: 26.1 });
    expect(value(s, 'democratic')).toMatchObject({ value: 91, points: 18.2 });
    expect(value(s, 'enterprise')).toMatchObject({ value: 85, points: 8.5 });
    // 36 + 26.1 + 18.2 + 8.5 = 88.8
    expect(s.total).toBe(88.8);
    expect(s).toMatchObject({ quarters: 4, quartersGood: 4, quartersAveragePoor: 0 });
  });

  it('gives a missing source’s weight to the others in proportion, and says so', () => {
    const s = annualScore(cadre({ ratings: [{ campaignId: 'R1', title: '2025年企业评', score: null, raters: 2 }] }), F);
    // 企业评价 has too few raters: 40 : 30 : 20 over 90 → 0.4444, 0.3333, 0.2222
    expect(value(s, 'enterprise')).toMatchObject({ value: null, effectiveWeight: 0, points: 0 });
    expect(value(s, 'enterprise')?.note).toContain('按比例分担');
    expect(value(s, 'indicators')?.effectiveWeight).toBe(0.4444);
    // (90 × 40 + 87 × 30 + 91 × 20) / 90 = (3600 + 2610 + 1820) / 90 = 89.22
    expect(s.total).toBe(89.22);
  });

  it('counts bonus above 100 up to the cap, and takes the year’s spot-check deductions off', () => {
    const s = annualScore(
      cadre({ quarters: [q(1, 112, 88, 84), q(2, 108, 92, 88, 'good', 1.5), q(3, 100, 84, 80), q(4, 100, 88, 84, 'good', 0.5)] }),
      F,
    );
    // base 100 each; bonus (12 + 8 + 0 + 0) / 4 = 5 → capped at 5: 105
    expect(value(s, 'indicators')?.value).toBe(105);
    expect(s.deductions).toBe(2);
    // 105 × 0.4 + 87 × 0.3 + 91 × 0.2 + 85 × 0.1 − 2 = 42 + 26.1 + 18.2 + 8.5 − 2 = 92.8
    expect(s.total).toBe(92.8);
    const capped = annualScore(cadre({ quarters: [q(1, 130, 88, 84)] }), F);
    expect(value(capped, 'indicators')?.value).toBe(105);
  });

  it('a section: its quarters’ 考事 and its enterprise score', () => {
    const s = sectionAnnualScore(
      {
        sectionId: 'S1',
        name: '规划工程部',
        quarters: [
          { periodId: '2025Q1', score: 86 },
          { periodId: '2025Q2', score: 90 },
        ],
        ratings: [{ campaignId: 'R1', title: '2025年企业评', score: 80, raters: 9 }],
      },
      F,
    );
    // 88 × 0.8 + 80 × 0.2 = 70.4 + 16 = 86.4
    expect(s).toMatchObject({ work: 88, enterprise: 80, total: 86.4 });
  });
});

describe('the formula', () => {
  it('refuses weights that do not add up to 100% and cut-offs out of order', () => {
    expect(formulaProblems(F)).toEqual([]);
    const bad = formulaProblems({
      ...F,
      weights: { indicators: 0.5, unit: 0.3, democratic: 0.2, enterprise: 0.1 },
      cutoffs: { excellent: 80, competent: 85, basic: 60 },
    });
    expect(bad.map((p) => p.path)).toEqual(['weights', 'cutoffs']);
    expect(bad[0]?.message).toBe('四项评价的权重合计应为100%（现为110%：指标评价50%、单位评价30%、民主测评20%、企业评价10%）');
  });
});

/** n cadres with the given totals (and the same sources otherwise). */
function scores(totals: number[], over: (i: number) => Partial<CadreYear> = () => ({})) {
  return totals.map((total, i) => ({ ...annualScore(cadre({ memberId: `M${i + 1}`, ...over(i) }), F), total }));
}

describe('the proposed grades', () => {
  it('by the cut-offs 90 / 70 / 60', () => {
    const p = proposeGrades(scores([95, 75, 65, 50, 80, 80, 80, 80, 80, 80]), F);
    expect(p.slice(0, 4).map((x) => x.grade)).toEqual(['excellent', 'competent', 'basic', 'incompetent']);
  });

  it('优秀 for at most 20%: past the quota the higher total keeps it, and people tied at the edge all drop', () => {
    // 10 assessed → 2 优秀. Totals 96, 95, 95, 93: the two at 95 tie for the second place, so only 96 keeps it.
    const p = proposeGrades(scores([96, 95, 95, 93, 80, 80, 80, 80, 80, 80]), F);
    expect(excellentQuota(10, F)).toBe(2);
    expect(p.slice(0, 4).map((x) => [x.grade, x.cappedByQuota])).toEqual([
      ['excellent', false],
      ['competent', true],
      ['competent', true],
      ['competent', true],
    ]);
    expect(p[1]?.reasons[0]).toContain('优秀名额为参评人数的20%（2名）');
    // a tie broken by 指标评价: M2 has the higher indicator part and keeps 优秀
    const broken = scores([96, 95, 95, 80, 80, 80, 80, 80, 80, 80], (i) => (i === 1 ? { quarters: [q(1, 99, 88, 84)] } : {}));
    expect(
      proposeGrades(broken, F)
        .slice(0, 3)
        .map((x) => x.grade),
    ).toEqual(['excellent', 'excellent', 'competent']);
  });

  it('优秀 needs 好 in more than half of the quarters and none 一般 or 较差', () => {
    const twoOfFour = [q(1, 95, 90, 90, 'good'), q(2, 95, 90, 90, 'good'), q(3, 95, 90, 90, 'fair'), q(4, 95, 90, 90, 'fair')];
    const oneAverage = [q(1, 95, 90, 90, 'good'), q(2, 95, 90, 90, 'good'), q(3, 95, 90, 90, 'good'), q(4, 95, 90, 90, 'average')];
    const p = proposeGrades(
      scores([95, 95, 80, 80, 80, 80, 80, 80, 80, 80], (i) => ({ quarters: i === 0 ? twoOfFour : i === 1 ? oneAverage : cadre().quarters })),
      F,
    );
    expect(p[0]).toMatchObject({ grade: 'competent', byScore: 'excellent', cappedByQuota: false });
    expect(p[0]?.reasons[0]).toBe('优秀需半数以上季度为“好”且无“一般”“较差”（本年度4个季度中“好”2个）');
    expect(p[1]?.grade).toBe('competent');
  });

  it('vetoes: a red card in force bars 优秀, unless the setting is off', () => {
    const all = scores([95, 80, 80, 80, 80, 80, 80, 80, 80, 80], (i) => (i === 0 ? { redCard: true } : {}));
    const loose = { ...F, excellentNeedsGoodQuarters: false };
    const p = proposeGrades(all, loose);
    // 95 would be 优秀 (the quota of 10 is 2), the red card caps it at 称职
    expect(p[0]).toMatchObject({ grade: 'competent', byScore: 'excellent', reasons: ['有未解除的红牌，不能评为优秀'] });
    expect(proposeGrades(all, { ...loose, vetoes: { ...loose.vetoes, redCardBarsExcellent: false } })[0]?.grade).toBe('excellent');
  });

  it('vetoes: 诫勉 bars 优秀, 调整 caps at 基本称职, two quarters 较差 make 不称职', () => {
    const vote = (admonish: boolean, adjust: boolean) => [{ campaignId: 'V1', title: '互评', overall: 60, dimensions: [], admonish, adjust }];
    const poor = [q(1, 60, 60, 60, 'poor'), q(2, 60, 60, 60, 'poor'), q(3, 80, 80, 80, 'fair')];
    const p = proposeGrades(
      scores([95, 85, 72, 80, 80, 80, 80, 80, 80, 80], (i) =>
        i === 0 ? { votes: vote(true, false) } : i === 1 ? { votes: vote(false, true) } : i === 2 ? { quarters: poor } : {},
      ),
      F,
    );
    expect(p.slice(0, 3).map((x) => x.grade)).toEqual(['competent', 'basic', 'incompetent']);
    expect(p[0]?.reasons).toEqual(['民主测评达到诫勉情形，不能评为优秀']);
    expect(p[2]?.reasons).toEqual(['本年度2个季度为“较差”']);
    // with the vetoes switched off the scores decide
    const off = {
      ...F,
      vetoes: { admonishBarsExcellent: false, adjustCapsAt: null, poorQuartersMakeIncompetent: null, redCardBarsExcellent: false },
      excellentNeedsGoodQuarters: false,
    };
    expect(
      proposeGrades(
        scores([95, 85, 72, 80, 80, 80, 80, 80, 80, 80], (i) =>
          i === 0 ? { votes: vote(true, false) } : i === 1 ? { votes: vote(false, true) } : i === 2 ? { quarters: poor } : {},
        ),
        off,
      )
        .slice(0, 3)
        .map((x) => x.grade),
    ).toEqual(['excellent', 'competent', 'competent']);
  });
});

describe('the leadership’s adjustments', () => {
  const p = proposeGrades(scores([96, 93, 80, 80, 80, 80, 80, 80, 80, 80]), F);

  it('need a reason, and keep the 优秀 quota', () => {
    expect(adjustmentProblem(p, [{ memberId: 'M3', grade: 'excellent', reason: '' }], F)).toEqual({
      code: 'INVALID_INPUT',
      message: '调整等次须说明理由',
    });
    expect(adjustmentProblem(p, [{ memberId: 'M3', grade: 'excellent', reason: '抗洪抢险表现突出' }], F)).toEqual({
      code: 'CONFLICT',
      message: '优秀人数（3人）超出名额（2人）',
    });
    const swap = [
      { memberId: 'M2', grade: 'competent' as const, reason: '年度内受到通报批评' },
      { memberId: 'M3', grade: 'excellent' as const, reason: '抗洪抢险表现突出' },
    ];
    expect(adjustmentProblem(p, swap, F)).toBeNull();
    expect(finalGrades(p, swap).get('M3')).toBe('excellent');
    expect(adjustmentProblem(p, [{ memberId: 'M99', grade: 'basic', reason: '不在名单' }], F)?.code).toBe('INVALID_INPUT');
  });
});

describe('section tiers (第一等次 / 第二等次)', () => {
  it('gives the first tier the top share of places, at least one, and every section tied at its edge', () => {
    // 7 sections × 30% = 2.1 → 2 places; 3 × 30% = 0.9 → still 1 place; 10 × 30% = 3 exactly (no float drift to 2)
    expect([firstTierPlaces(7, 0.3), firstTierPlaces(3, 0.3), firstTierPlaces(10, 0.3), firstTierPlaces(0, 0.3)]).toEqual([2, 1, 3, 0]);
    // totals 95, 91, 91, 88, 80, 77, 70 → competition ranks 1, 2, 2, 4, 5, 6, 7: both sections at 91 are within 2 places
    expect([1, 2, 2, 4, 5, 6, 7].map((r) => sectionTier(r, 7, 0.3))).toEqual([1, 1, 1, 2, 2, 2, 2]);
    // a tie for first among three with one place: all three first tier, nobody below them
    expect([1, 1, 1, 4].map((r) => sectionTier(r, 4, 0.25))).toEqual([1, 1, 1, 2]);
  });
});

import { scoreQuantitative, weightProblems, weightedScore, type QuantSpec } from '../../../shared/indicators/rules';

describe('proportional to target, capped', () => {
  const visits: QuantSpec = { target: 30, direction: 'higher', rule: { type: 'proportional', cap: 100 } };
  it('scores reach over target', () => {
    expect(scoreQuantitative(visits, 30)).toBe(100);
    expect(scoreQuantitative(visits, 29)).toBe(96.67); // 29/30 × 100
    expect(scoreQuantitative(visits, 31)).toBe(100); // capped
  });
  it('inverts for lower-is-better targets', () => {
    const days: QuantSpec = { target: 10, direction: 'lower', rule: { type: 'proportional', cap: 100 } };
    expect(scoreQuantitative(days, 10)).toBe(100);
    expect(scoreQuantitative(days, 12.5)).toBe(80); // 10 / 12.5 × 100
    expect(scoreQuantitative(days, 8)).toBe(100); // 125 capped
  });
});

describe('tiers', () => {
  const spec: QuantSpec = {
    target: 95,
    direction: 'higher',
    rule: {
      type: 'tiers',
      tiers: [
        { atLeast: 95, points: 100 },
        { atLeast: 90, points: 85 },
        { atLeast: 80, points: 70 },
      ],
    },
  };
  it('gives the highest tier reached', () => {
    expect(scoreQuantitative(spec, 95)).toBe(100);
    expect(scoreQuantitative(spec, 94.9)).toBe(85);
    expect(scoreQuantitative(spec, 90)).toBe(85);
    expect(scoreQuantitative(spec, 79.9)).toBe(0);
  });
});

describe('deduction per shortfall', () => {
  const spec: QuantSpec = { target: 10, direction: 'higher', rule: { type: 'deduction', perUnit: 8, floor: 20 } };
  it('takes points per unit short, down to the floor', () => {
    expect(scoreQuantitative(spec, 10)).toBe(100);
    expect(scoreQuantitative(spec, 12)).toBe(100);
    expect(scoreQuantitative(spec, 9)).toBe(92); // 100 − 1 × 8
    expect(scoreQuantitative(spec, 0)).toBe(20); // 100 − 80 = 20, the floor
  });
});

describe('capped bonus for excess', () => {
  const spec: QuantSpec = { target: 5, direction: 'higher', rule: { type: 'bonus', perUnit: 4, cap: 10 } };
  it('adds per unit beyond target up to the cap, and is proportional below', () => {
    expect(scoreQuantitative(spec, 5)).toBe(100);
    expect(scoreQuantitative(spec, 7)).toBe(108); // 100 + 2 × 4
    expect(scoreQuantitative(spec, 9)).toBe(110); // 100 + min(10, 16)
    expect(scoreQuantitative(spec, 4)).toBe(80); // 4/5 × 100
  });
});

describe('weights', () => {
  it('combine indicator scores by weight', () => {
    // (40 × 100 + 60 × 80) / 100 = 88
    expect(
      weightedScore([
        { weight: 40, score: 100 },
        { weight: 60, score: 80 },
      ]),
    ).toBe(88);
  });
  it('must add up to 100 under every node, and the check says where they do not', () => {
    const nodes = [
      { group: 'park', weight: 60 },
      { group: 'park', weight: 40 },
      { group: 'section:S01', weight: 50 },
      { group: 'section:S01', weight: 45 },
    ];
    expect(weightProblems(nodes)).toEqual([{ group: 'section:S01', sum: 95 }]);
    expect(weightProblems([...nodes, { group: 'section:S01', weight: 5 }])).toEqual([]);
  });
});

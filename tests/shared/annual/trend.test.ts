/** What the leaders' charts are drawn from: the quarter trend against the mean, the 德能勤绩廉 profile. */
import { dimensionPoints, profiles, quarterStats, quarterTrend } from '../../../shared/annual/trend';
import type { VoteRecord } from '../../../shared/annual/score';

const vote = (campaignId: string, dims: [string, string, number][]): VoteRecord => ({
  campaignId,
  title: campaignId,
  overall: 0,
  dimensions: dims.map(([key, label, value]) => ({ key, label, value })),
  admonish: false,
  adjust: false,
});

describe('the quarter trend', () => {
  it('puts each quarter beside the mean and count of all ranked that quarter, in quarter order', () => {
    const stats = quarterStats([
      { periodId: '2025Q1', score: 80 },
      { periodId: '2025Q1', score: 91 },
      { periodId: '2025Q2', score: 70 },
      { periodId: '2025Q2', score: 75 },
      { periodId: '2025Q2', score: 90.5 },
    ]);
    // Q1: (80 + 91) / 2 = 85.5 of 2; Q2: (70 + 75 + 90.5) / 3 = 78.5 of 3
    expect(stats.get('2025Q1')).toEqual({ mean: 85.5, of: 2 });
    expect(stats.get('2025Q2')).toEqual({ mean: 78.5, of: 3 });
    const trend = quarterTrend(
      [
        { periodId: '2025Q2', score: 90.5, rank: 1 },
        { periodId: '2025Q1', score: 80, rank: 2 },
      ],
      stats,
    );
    expect(trend).toEqual([
      { periodId: '2025Q1', score: 80, rank: 2, of: 2, mean: 85.5 },
      { periodId: '2025Q2', score: 90.5, rank: 1, of: 3, mean: 78.5 },
    ]);
  });

  it('rounds the mean to two decimals', () => {
    // (90 + 91 + 93) / 3 = 91.333… → 91.33
    expect(quarterStats([90, 91, 93].map((score) => ({ periodId: '2025Q3', score }))).get('2025Q3')).toEqual({ mean: 91.33, of: 3 });
  });
});

describe('the five-dimension profile', () => {
  it('is the mean over the year’s campaigns per dimension, in the first campaign’s order', () => {
    const points = dimensionPoints([
      vote('V1', [
        ['de', '德', 90],
        ['ji', '绩', 80],
      ]),
      vote('V2', [
        ['de', '德', 86],
        ['neng', '能', 70],
      ]),
    ]);
    // 德 (90 + 86) / 2 = 88; 绩 only in V1: 80; 能 only in V2: 70
    expect(points).toEqual([
      { key: 'de', label: '德', value: 88 },
      { key: 'ji', label: '绩', value: 80 },
      { key: 'neng', label: '能', value: 70 },
    ]);
    expect(dimensionPoints([])).toEqual([]);
  });

  it('sets the mean of every evaluated cadre beside each of a cadre’s dimensions', () => {
    const out = profiles(
      new Map([
        ['M1', [{ key: 'de', label: '德', value: 90 }]],
        ['M2', [{ key: 'de', label: '德', value: 81 }]],
        ['M3', []],
      ]),
    );
    // 德: (90 + 81) / 2 = 85.5; a cadre not evaluated has no profile
    expect(out.get('M1')).toEqual([{ key: 'de', label: '德', value: 90, mean: 85.5 }]);
    expect(out.get('M2')).toEqual([{ key: 'de', label: '德', value: 81, mean: 85.5 }]);
    expect(out.get('M3')).toEqual([]);
  });
});

import { DEFAULT_RULES } from '../../../shared/votes/config';
import { biasFlags } from '../../../shared/votes/flags';
import { tally, trimmedMean, withRanks, type Turnout } from '../../../shared/votes/tally';
import { ballot, grades, points, spec } from './fixtures';

const pts = spec(2, { scale: { type: 'points', min: 0, max: 100 } });
/** C2's ratings vary by dimension, so that no ballot below is void for having one value throughout. */
const C2 = { de: 70, neng: 71, qin: 69, ji: 70, lian: 70 }; // weighted: (1750+1065+1035+2100+1050)/100 = 70
/** A points ballot: C1 gets `c1` on every dimension, C2 gets about 70. */
const b = (category: string, c1: number, section: string | null = null) => ballot(category, { ...points({ C1: c1 }, pts), C2 }, section);
const roll = (leader: number, sectionHead: number, cadre: number): Turnout[] => [
  { category: 'leader', roll: leader, voted: 0 },
  { category: 'sectionHead', roll: sectionHead, voted: 0 },
  { category: 'cadre', roll: cadre, voted: 0 },
];

describe('trimmed mean (drop the highest and lowest above 5 raters)', () => {
  it('keeps all of 5 raters', () => {
    // (60 + 70 + 80 + 90 + 100) / 5 = 80
    expect(trimmedMean([60, 70, 80, 90, 100], DEFAULT_RULES.trimAbove)).toBe(80);
  });
  it('drops one highest and one lowest of 6 raters', () => {
    // drop 0 and 100: (70 + 80 + 80 + 90) / 4 = 80
    expect(trimmedMean([100, 70, 80, 0, 80, 90], DEFAULT_RULES.trimAbove)).toBe(80);
  });
  it('has nothing to say of no raters', () => {
    expect(trimmedMean([], DEFAULT_RULES.trimAbove)).toBeNull();
  });
});

describe('weighted score across voter categories', () => {
  it('weights category means leader 40 / section head 30 / cadre 30', () => {
    const ballots = [b('leader', 90), b('sectionHead', 80), b('cadre', 60)];
    const r = tally(pts, ballots, roll(1, 1, 1));
    // (90×40 + 80×30 + 60×30) / 100 = (3600 + 2400 + 1800) / 100 = 78
    expect(r.candidates.find((c) => c.id === 'C1')?.overall).toBe(78);
  });

  it('re-weights over the categories that rated the candidate at all', () => {
    const r = tally(pts, [b('leader', 90), b('cadre', 60)], roll(1, 1, 1));
    // (90×40 + 60×30) / 70 = 5400 / 70 = 77.142… → 77.14
    expect(r.candidates.find((c) => c.id === 'C1')?.overall).toBe(77.14);
  });

  it('trims within a category of 6 cadres, not across categories', () => {
    const cadres = [0, 70, 80, 80, 90, 100].map((p) => b('cadre', p));
    const r = tally(pts, [...cadres, b('leader', 100)], roll(1, 0, 6));
    // cadre mean after trimming 0 and 100: (70+80+80+90)/4 = 80; leader 100 → (100×40 + 80×30)/70 = 6400/70 = 91.43
    expect(r.candidates.find((c) => c.id === 'C1')?.overall).toBe(91.43);
  });
});

describe('turnout floor (2/3 of the roll)', () => {
  it('is met at exactly two thirds', () => {
    const ballots = Array.from({ length: 6 }, (_, i) => b('cadre', 80 + i));
    expect(tally(pts, ballots, roll(0, 0, 9)).belowTurnoutFloor).toBe(false); // 6/9 = 0.667
  });
  it('is missed one ballot below', () => {
    const ballots = Array.from({ length: 5 }, (_, i) => b('cadre', 80 + i));
    const r = tally(pts, ballots, roll(0, 0, 9)); // 5/9 = 0.556
    expect(r.belowTurnoutFloor).toBe(true);
    expect(r.turnout).toBeCloseTo(5 / 9);
  });
});

describe('void ballots are received but not counted', () => {
  it('counts a void ballot in turnout and receipts, not in scores', () => {
    const s = spec(2);
    const voided = ballot('cadre', grades({ C1: 'excellent', C2: 'excellent' }, s));
    const real = ballot('cadre', grades({ C1: 'basic', C2: 'competent' }, s));
    const r = tally(s, [voided, real], roll(0, 0, 2));
    expect([r.ballots, r.valid, r.void]).toEqual([2, 1, 1]);
    expect(r.receipts).toEqual([voided.receipt, real.receipt].sort());
    expect(r.candidates.find((c) => c.id === 'C1')?.overall).toBe(65); // only the basic (65) counted
  });
});

describe('grade distribution flags', () => {
  const s = spec(2);
  /** n ballots giving C1 `grade` (C2 always competent, C1 basic on 廉 to avoid identical-value ballots). */
  const many = (n: number, grade: 'excellent' | 'competent' | 'basic' | 'incompetent') =>
    Array.from({ length: n }, () => ballot('cadre', grades({ C1: grade, C2: grade === 'competent' ? 'basic' : 'competent' }, s)));

  it('flags an admonition talk when 优秀+称职 is under 2/3, not at exactly 2/3', () => {
    const at = tally(s, [...many(4, 'competent'), ...many(2, 'basic')], roll(0, 0, 6)); // 4/6 = 2/3
    expect(at.candidates.find((c) => c.id === 'C1')?.admonish).toBe(false);
    const under = tally(s, [...many(3, 'competent'), ...many(2, 'basic')], roll(0, 0, 5)); // 3/5 = 0.6
    expect(under.candidates.find((c) => c.id === 'C1')?.admonish).toBe(true);
  });

  it('flags adjustment when 不称职 is over 1/3, not at exactly 1/3', () => {
    const at = tally(s, [...many(2, 'incompetent'), ...many(4, 'competent')], roll(0, 0, 6)); // 2/6 = 1/3
    expect(at.candidates.find((c) => c.id === 'C1')?.adjust).toBe(false);
    const over = tally(s, [...many(3, 'incompetent'), ...many(4, 'competent')], roll(0, 0, 7)); // 3/7 = 0.43
    expect(over.candidates.find((c) => c.id === 'C1')?.adjust).toBe(true);
  });
});

describe('category breakdowns stay hidden below 5 raters', () => {
  it('shows the cadre category of 5 and hides the leader category of 4', () => {
    const ballots = [...[80, 82, 84, 86, 88].map((p) => b('cadre', p)), ...[90, 91, 92, 93].map((p) => b('leader', p))];
    const c1 = tally(pts, ballots, roll(4, 0, 5)).candidates.find((c) => c.id === 'C1');
    expect(c1?.byCategory.find((x) => x.category === 'cadre')).toEqual({ category: 'cadre', label: '干部', raters: 5, overall: 84 });
    expect(c1?.byCategory.find((x) => x.category === 'leader')).toEqual({ category: 'leader', label: '班子成员', raters: 4, overall: null });
  });
});

describe('ranking', () => {
  it('gives equal scores the same rank and skips the next (1, 2, 2, 4)', () => {
    const ranked = withRanks([{ overall: 80 }, { overall: 90 }, { overall: 80 }, { overall: 70 }]);
    expect(ranked.map((r) => [r.overall, r.rank])).toEqual([
      [90, 1],
      [80, 2],
      [80, 2],
      [70, 4],
    ]);
  });
});

describe('bias and collusion flags (never dropping a ballot)', () => {
  it('flags a ballot far more lenient than the rest, by z-score', () => {
    const usual = [70, 72, 74, 76, 78, 70, 72, 74, 76, 78].map((p) => b('cadre', p));
    const lenient = b('cadre', 100);
    const f = biasFlags(pts, [...usual, lenient]);
    expect(f.leniency.map((x) => [x.receipt, x.kind])).toEqual([[lenient.receipt, 'lenient']]);
    expect(tally(pts, [...usual, lenient], roll(0, 0, 11)).valid).toBe(11);
  });

  it('flags ballots identical to each other', () => {
    const twinA = b('cadre', 83);
    const twinB = b('cadre', 83);
    const f = biasFlags(pts, [twinA, twinB, b('cadre', 60)]);
    expect(f.identical).toEqual([{ receipts: [twinA.receipt, twinB.receipt].sort() }]);
  });

  it('flags a section whose own voters rate it far above how others do', () => {
    // C1 is in S1. S1's five voters give C1 95; the other voters give C1 72: 95 − 72 = 23 ≥ 10.
    // S2's voters give C2 (in S2) the same 70 as S1's voters do: no flag for S2.
    const bloc = Array.from({ length: 5 }, () => b('cadre', 95, 'S1'));
    const others = Array.from({ length: 5 }, () => b('cadre', 72, 'S2'));
    const f = biasFlags(pts, [...bloc, ...others]);
    expect(f.blocs).toEqual([{ sectionId: 'S1', ballots: 5, gap: 23 }]);
  });

  it('does not judge a section from fewer than 5 of its ballots', () => {
    const bloc = Array.from({ length: 4 }, () => b('cadre', 95, 'S1'));
    const others = Array.from({ length: 5 }, () => b('cadre', 72, 'S2'));
    expect(biasFlags(pts, [...bloc, ...others]).blocs).toEqual([]);
  });
});

import { DEFAULT_GRADE_POINTS, DEFAULT_RULES } from '../../../shared/votes/config';
import { ballotProblems, excellentCap, gradeOfPoints, isVoid, problemMessage, voidWarning, weightedPoints } from '../../../shared/votes/ballot';
import { grades, points, spec } from './fixtures';

describe('a ballot’s 优秀 cap (at most 20% of those rated)', () => {
  it('is 24 for 121 candidates when the voter is one of them (120 rated × 20%)', () => {
    expect(excellentCap(spec(121), 'C1')).toBe(24);
  });
  it('rounds down: 12 rated × 20% = 2.4 → 2', () => {
    expect(excellentCap(spec(12), 'nobody')).toBe(2);
  });
  it('leaves at least one 优秀 for a small list: 3 × 20% = 0.6 → 1', () => {
    expect(excellentCap(spec(3), 'nobody')).toBe(1);
  });
  it('accepts exactly the cap and refuses one more, saying how many are allowed', () => {
    const s = spec(10); // cap 10 × 20% = 2
    const atCap = grades(
      {
        C1: 'excellent',
        C2: 'excellent',
        C3: 'competent',
        C4: 'competent',
        C5: 'competent',
        C6: 'competent',
        C7: 'competent',
        C8: 'basic',
        C9: 'competent',
        C10: 'competent',
      },
      s,
    );
    expect(ballotProblems(s, 'nobody', atCap)).toEqual([]);
    const over = { ...atCap, ...grades({ C3: 'excellent' }, s) };
    const problems = ballotProblems(s, 'nobody', over);
    expect(problems).toEqual([{ kind: 'too_many_excellent', count: 3, cap: 2 }]);
    expect(problemMessage(problems[0] as never)).toBe('总体评价为“优秀”的有 3 人，最多 2 人，请调整');
  });
});

describe('what a ballot may not contain', () => {
  const s = spec(3);
  it('a rating of oneself', () => {
    expect(ballotProblems(s, 'C1', grades({ C1: 'competent', C2: 'competent', C3: 'basic' }, s))).toContainEqual({ kind: 'self', candidateId: 'C1' });
  });
  it('someone not on the candidate list', () => {
    expect(ballotProblems(s, 'X', grades({ C9: 'competent' }, s), true)).toContainEqual({ kind: 'unknown_candidate', candidateId: 'C9' });
  });
  it('an unknown dimension or a value off the scale', () => {
    const r = { C1: { de: 'competent', charm: 'competent' }, C2: { de: 'superb' } };
    const problems = ballotProblems(s, 'X', r as never, true);
    expect(problems).toContainEqual({ kind: 'unknown_dimension', candidateId: 'C1', dimension: 'charm' });
    expect(problems).toContainEqual({ kind: 'off_scale', candidateId: 'C2', dimension: 'de' });
  });
  it('a points value outside the range', () => {
    const ps = spec(2, { scale: { type: 'points', min: 0, max: 100 } });
    expect(ballotProblems(ps, 'X', points({ C1: 101, C2: 80 }, ps))).toContainEqual({ kind: 'off_scale', candidateId: 'C1', dimension: 'de' });
    expect(ballotProblems(ps, 'X', points({ C1: 100, C2: 0 }, ps))).toEqual([]);
  });
  it('missing ratings, counted, unless the ballot is still being filled in', () => {
    const r = grades({ C1: 'competent' }, s);
    // 2 candidates × 5 dimensions left
    expect(ballotProblems(s, 'X', r)).toContainEqual({ kind: 'missing', count: 10 });
    expect(ballotProblems(s, 'X', r, true)).toEqual([]);
  });
});

describe('the overall grade a ballot gives', () => {
  it('follows the cut-offs 90 / 75 / 60, at or above each', () => {
    const c = DEFAULT_RULES.gradeCutoffs;
    expect(gradeOfPoints(90, c)).toBe('excellent');
    expect(gradeOfPoints(89.99, c)).toBe('competent');
    expect(gradeOfPoints(75, c)).toBe('competent');
    expect(gradeOfPoints(74.9, c)).toBe('basic');
    expect(gradeOfPoints(60, c)).toBe('basic');
    expect(gradeOfPoints(59.9, c)).toBe('incompetent');
  });
  it('weighs the dimensions 德25 能15 勤15 绩30 廉15', () => {
    const s = spec(1);
    const r = { de: 'excellent', neng: 'competent', qin: 'competent', ji: 'excellent', lian: 'competent' } as const;
    // (95×25 + 80×15 + 80×15 + 95×30 + 80×15) / 100 = (2375 + 1200 + 1200 + 2850 + 1200) / 100 = 88.25
    expect(weightedPoints(s, r)).toBeCloseTo(88.25);
    expect(DEFAULT_GRADE_POINTS.excellent).toBe(95);
  });
});

describe('void ballots', () => {
  const s = spec(3);
  it('a ballot giving everyone the same on everything is void', () => {
    expect(isVoid(s, grades({ C1: 'competent', C2: 'competent', C3: 'competent' }, s))).toBe(true);
  });
  it('one different value makes it count', () => {
    const r = grades({ C1: 'competent', C2: 'competent', C3: 'competent' }, s);
    r.C3 = { ...r.C3, ji: 'basic' };
    expect(isVoid(s, r)).toBe(false);
  });
  it('the rule can be switched off', () => {
    const off = spec(3, { rules: { ...DEFAULT_RULES, voidIfAllSame: false } });
    expect(isVoid(off, grades({ C1: 'competent', C2: 'competent', C3: 'competent' }, off))).toBe(false);
    expect(voidWarning(off, grades({ C1: 'competent', C2: 'competent', C3: 'competent' }, off))).toBeNull();
  });
  it('the voter is told before submitting, naming the one value given and that it will not count', () => {
    expect(voidWarning(s, grades({ C1: 'competent', C2: 'competent', C3: 'competent' }, s))).toMatch(/都是“称职”.*废票，不计入结果/);
    const r = grades({ C1: 'competent', C2: 'competent', C3: 'competent' }, s);
    r.C3 = { ...r.C3, ji: 'basic' };
    expect(voidWarning(s, r)).toBeNull();
  });
});

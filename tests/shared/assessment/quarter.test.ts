import { DEFAULT_QUARTER_SETTINGS, assessQuarter, gradeOfScore, quarterScore, type QuarterInput } from '../../../shared/assessment/quarter';

const person = (
  memberId: string,
  indicators: number,
  staffEvaluation = indicators,
  sectionEvaluation = indicators,
  deductions = 0,
): QuarterInput => ({
  memberId,
  indicators,
  staffEvaluation,
  sectionEvaluation,
  deductions,
});

describe('quarter score', () => {
  it('weighs indicators 60%, the section head’s evaluation 30%, the section’s 10%, minus spot-check deductions', () => {
    // 90 × 0.6 + 80 × 0.3 + 70 × 0.1 − 3 = 54 + 24 + 7 − 3 = 82
    expect(quarterScore(person('a', 90, 80, 70, 3))).toBe(82);
    expect(DEFAULT_QUARTER_SETTINGS.weights).toEqual({ indicators: 0.6, staffEvaluation: 0.3, sectionEvaluation: 0.1 });
  });
  it('stays within 0–100', () => {
    expect(quarterScore(person('a', 10, 10, 10, 50))).toBe(0);
  });
});

describe('grade cut-offs 90 / 80 / 60', () => {
  it('at, just below each', () => {
    expect(gradeOfScore(90)).toBe('good');
    expect(gradeOfScore(89.99)).toBe('fair');
    expect(gradeOfScore(80)).toBe('fair');
    expect(gradeOfScore(79.99)).toBe('average');
    expect(gradeOfScore(60)).toBe('average');
    expect(gradeOfScore(59.99)).toBe('poor');
  });
});

describe('好 for at most 40%', () => {
  it('keeps 好 for everyone at or under the quota', () => {
    // 10 people, quota 4: four reach 90
    const r = assessQuarter([95, 94, 93, 92, 85, 85, 80, 70, 60, 50].map((s, i) => person(`m${i}`, s)));
    expect(r.filter((o) => o.grade === 'good')).toHaveLength(4);
  });
  it('gives the fifth of five over-90 scores 较好 when the quota is 4', () => {
    const r = assessQuarter([95, 94, 93, 92, 91, 85, 80, 70, 60, 50].map((s, i) => person(`m${i}`, s)));
    expect(r.filter((o) => o.grade === 'good').map((o) => o.memberId)).toEqual(['m0', 'm1', 'm2', 'm3']);
    expect(r.find((o) => o.memberId === 'm4')).toMatchObject({ grade: 'fair', cappedByQuota: true });
  });
  it('breaks a tie at the edge by the indicator part (work results)', () => {
    const top = [person('m0', 99), person('m1', 98), person('m2', 97)];
    const rest = Array.from({ length: 5 }, (_, i) => person(`x${i}`, 70));
    const e1 = person('e1', 95, 85, 80); // 57 + 25.5 + 8 = 90.5
    const e2 = person('e2', 90, 95, 85, 0.5); // 54 + 28.5 + 8.5 − 0.5 = 90.5
    expect(quarterScore(e1)).toBe(quarterScore(e2));
    const r = assessQuarter([...top, e1, e2, ...rest]); // 10 people, quota 4: one place for two equal scores
    expect(r.find((o) => o.memberId === 'e1')?.grade).toBe('good');
    expect(r.find((o) => o.memberId === 'e2')).toMatchObject({ grade: 'fair', cappedByQuota: true });
  });
  it('lets people still tied at the edge all drop, never exceeding the quota', () => {
    const top = [person('m0', 99), person('m1', 98), person('m2', 97)];
    const tied = [person('t1', 92), person('t2', 92)];
    const rest = Array.from({ length: 5 }, (_, i) => person(`x${i}`, 70));
    const r = assessQuarter([...top, ...tied, ...rest]); // quota 4, one place left for two equals
    expect(r.filter((o) => o.grade === 'good').map((o) => o.memberId)).toEqual(['m0', 'm1', 'm2']);
    expect(
      r
        .filter((o) => o.cappedByQuota)
        .map((o) => o.memberId)
        .sort(),
    ).toEqual(['t1', 't2']);
  });
});

import { dayOf, isDayString, parkInstant, parkTimeText, quarterLabel, quarterOf, quarterRange, shiftQuarter } from '../../../shared/common/time';

describe('park time (Asia/Shanghai)', () => {
  it('puts 00:30 on New Year in Ji’an into the new year’s first quarter, though UTC is still in December', () => {
    const instant = Date.UTC(2026, 11, 31, 16, 30); // 2026-12-31 16:30 UTC = 2027-01-01 00:30 +08:00
    expect(dayOf(instant)).toBe('2027-01-01');
    expect(quarterOf(instant)).toBe('2027Q1');
  });

  it('keeps 23:59 on 30 September in the third quarter', () => {
    const instant = Date.UTC(2026, 8, 30, 15, 59); // 23:59 +08:00
    expect(quarterOf(instant)).toBe('2026Q3');
  });

  it('gives each quarter its first and last calendar day', () => {
    expect(quarterRange('2026Q4')).toEqual({ first: '2026-10-01', last: '2026-12-31' });
    expect(quarterRange('2024Q1')).toEqual({ first: '2024-01-01', last: '2024-03-31' });
    expect(quarterRange('2026Q2')).toEqual({ first: '2026-04-01', last: '2026-06-30' });
  });

  it('names a quarter the way the park writes it', () => {
    expect(quarterLabel('2026Q4')).toBe('2026年第四季度');
  });

  it('accepts only real calendar days', () => {
    expect(isDayString('2026-11-24')).toBe(true);
    expect(isDayString('2024-02-29')).toBe(true);
    expect(isDayString('2026-02-29')).toBe(false);
    expect(isDayString('2026-2-3')).toBe(false);
    expect(isDayString('2026-11-24T00:00')).toBe(false);
  });

  it('turns a park-clock day and time into an instant and back, without Intl time zones', () => {
    const at = parkInstant('2026-12-20', '18:00');
    expect(at).toBe(Date.UTC(2026, 11, 20, 10, 0)); // 18:00 +08:00 = 10:00 UTC
    expect(parkTimeText(at)).toBe('2026-12-20 18:00');
    expect(parkTimeText(Date.UTC(2026, 11, 31, 16, 30))).toBe('2027-01-01 00:30');
  });

  it('steps across year ends when moving between quarters', () => {
    expect(shiftQuarter('2026Q4', 1)).toBe('2027Q1');
    expect(shiftQuarter('2026Q1', -1)).toBe('2025Q4');
    expect(shiftQuarter('2026Q3', -6)).toBe('2025Q1');
  });
});

import { LIBRARY_CALENDARS } from '../../../shared/common/holidays';
import { parkInstant, parkTimeText } from '../../../shared/common/time';
import { WorkCalendar, yearCalendarProblem } from '../../../shared/common/workdays';

const years = [2025, 2026].map((y) => LIBRARY_CALENDARS.get(y)).filter((y) => y !== undefined);
const cal = new WorkCalendar(years);

describe('the working-day clock (工作日)', () => {
  it('has the State Council calendars of this year and last', () => {
    expect(cal.knows(2026)).toBe(true);
    expect(cal.knows(2025)).toBe(true);
    expect(cal.knows(2031)).toBe(false);
  });

  it('skips a weekend: filed on Friday, due the end of Monday', () => {
    // 2026-11-27 is a Friday
    expect(cal.addWorkdays('2026-11-27', 1)).toBe('2026-11-30');
    expect(parkTimeText(cal.deadline(parkInstant('2026-11-27', '16:30'), 1))).toBe('2026-11-30 23:59');
  });

  it('skips the National Day week and counts its make-up Saturday as a working day', () => {
    // 2026: 10-01 … 10-07 off; Saturday 10-10 worked (调休上班)
    expect(cal.isWorkday('2026-10-05')).toBe(false);
    expect(cal.isWorkday('2026-10-10')).toBe(true);
    expect(cal.addWorkdays('2026-09-30', 1)).toBe('2026-10-08');
    expect(cal.addWorkdays('2026-10-09', 1)).toBe('2026-10-10');
    // filed on Saturday 10-10 (a working day): due Monday 10-12
    expect(cal.addWorkdays('2026-10-10', 1)).toBe('2026-10-12');
  });

  it('counts the Spring Festival holiday as days off, weekdays included, and its make-up Saturdays as working days', () => {
    // 2026 Spring Festival: 02-15 … 02-23 off; 02-14 (Sat) and 02-28 (Sat) worked
    expect(cal.isWorkday('2026-02-14')).toBe(true);
    expect(cal.isWorkday('2026-02-16')).toBe(false);
    expect(cal.isWorkday('2026-02-23')).toBe(false);
    expect(cal.addWorkdays('2026-02-13', 1)).toBe('2026-02-14');
    expect(cal.addWorkdays('2026-02-14', 1)).toBe('2026-02-24');
  });

  it('counts 15 working days across a year end and New Year’s Day', () => {
    // 2025-12-31 (Wed): 2026-01-01 … 01-03 off, Sunday 01-04 worked
    expect(cal.addWorkdays('2025-12-31', 1)).toBe('2026-01-04');
    const fifteen = cal.addWorkdays('2025-12-31', 15);
    expect(cal.workdaysBetween(parkInstant('2025-12-31', '09:00'), parkInstant(fifteen, '09:00'))).toBe(15);
  });

  it('counts weekdays only in a year it has no calendar for', () => {
    const bare = new WorkCalendar([]);
    expect(bare.isWorkday('2031-10-01')).toBe(true);
    expect(bare.isWorkday('2031-10-04')).toBe(false);
  });

  it('counts with a year the admin entered', () => {
    const withAdmin = new WorkCalendar([...years, { year: 2027, offDays: ['2027-01-01'], makeUpDays: [], source: 'admin' }]);
    expect(withAdmin.knows(2027)).toBe(true);
    expect(withAdmin.isWorkday('2027-01-01')).toBe(false);
    expect(withAdmin.isWorkday('2027-01-04')).toBe(true);
  });

  it('refuses a year’s table with a date of another year, a day both off and worked, or a weekday make-up day', () => {
    expect(yearCalendarProblem({ year: 2027, offDays: ['2026-12-31'], makeUpDays: [] })).toMatch(/不在 2027 年内/);
    expect(yearCalendarProblem({ year: 2027, offDays: ['2027-02-06'], makeUpDays: ['2027-02-06'] })).toMatch(/既是放假日又是调休上班日/);
    expect(yearCalendarProblem({ year: 2027, offDays: [], makeUpDays: ['2027-02-08'] })).toMatch(/是工作日/);
    expect(yearCalendarProblem({ year: 2027, offDays: ['2027-01-01'], makeUpDays: ['2027-02-06'] })).toBeNull();
  });
});

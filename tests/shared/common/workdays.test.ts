import { filedAppeal, recountDeadlines } from '../../../shared/appeals/appeal';
import { LIBRARY_CALENDARS, statutoryCalendar, statutoryHolidays } from '../../../shared/common/holidays';
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

describe('a year without the State Council’s arrangement (chinese-days stops at 2026)', () => {
  const withLaw = new WorkCalendar([...years, statutoryCalendar(2027)]);

  it('computes the law’s 13 days, the lunar ones included, as the State Council’s own tables of 2025 and 2026 have them', () => {
    for (const y of [2025, 2026]) {
      const table = new Set(LIBRARY_CALENDARS.get(y)?.offDays ?? []);
      const days = statutoryHolidays(y).flatMap((h) => h.days);
      expect(days).toHaveLength(13);
      expect(days.filter((d) => !table.has(d))).toEqual([]);
    }
    // 2027: 除夕 is 5 February, 清明 5 April, 端午 9 June, 中秋 15 September
    expect(Object.fromEntries(statutoryHolidays(2027).map((h) => [h.name, h.days]))).toEqual({
      元旦: ['2027-01-01'],
      春节: ['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'],
      清明节: ['2027-04-05'],
      劳动节: ['2027-05-01', '2027-05-02'],
      端午节: ['2027-06-09'],
      中秋节: ['2027-09-15'],
      国庆节: ['2027-10-01', '2027-10-02', '2027-10-03'],
    });
    expect(statutoryCalendar(2027)).toMatchObject({ source: 'statutory', makeUpDays: [] });
  });

  it('counts an appeal filed on New Year’s Eve 2026 past 元旦 and the weekend, and says the deadline is provisional', () => {
    // Thursday 31 December: Friday 1 January is 元旦 (the law's), then Saturday and Sunday
    const at = parkInstant('2026-12-31', '10:00');
    expect(parkTimeText(withLaw.deadline(at, 1))).toBe('2027-01-04 23:59');
    expect(withLaw.provisional(at, withLaw.deadline(at, 1))).toBe(true);
    // a deadline inside a year the table has is not
    expect(withLaw.provisional(parkInstant('2026-12-08', '10:00'), withLaw.deadline(parkInstant('2026-12-08', '10:00'), 1))).toBe(false);
    const a = filedAppeal(
      {
        id: 'A1',
        enterprise: { _id: 'E1', name: '企业' },
        filer: null,
        assignee: null,
        category: 'labour',
        text: '招工',
        photoFileIds: [],
        at,
      },
      withLaw,
    );
    expect(a.provisional).toEqual({ acceptBy: at, resolveBy: at });
  });

  it('counts across the Spring Festival 2027 from its lunar days', () => {
    // Thursday 4 February: 除夕 (Fri 5) to 初三 (Mon 8) are off, so the next working day is Tuesday 9
    expect(withLaw.addWorkdays('2027-02-04', 1)).toBe('2027-02-09');
    // weekdays only (the old count) would have said Friday 5
    expect(new WorkCalendar(years).addWorkdays('2027-02-04', 1)).toBe('2027-02-05');
  });

  it('counts a provisional deadline again once the year is entered, and it is provisional no more', () => {
    const at = parkInstant('2026-12-31', '10:00');
    const a = filedAppeal(
      { id: 'A1', enterprise: { _id: 'E1', name: '企业' }, filer: null, assignee: null, category: 'labour', text: '招工', photoFileIds: [], at },
      withLaw,
    );
    // the notice as entered: 1–3 January off, and (say) Monday 4 January bridged, worked on Saturday 9th
    const entered = new WorkCalendar([...years, { year: 2027, offDays: ['2027-01-01', '2027-01-04'], makeUpDays: ['2027-01-09'], source: 'admin' }]);
    const again = recountDeadlines(a, entered);
    expect(parkTimeText(again?.acceptBy ?? 0)).toBe('2027-01-05 23:59');
    expect(again?.provisional).toEqual({});
    expect(recountDeadlines({ provisional: undefined, followUp: null }, entered)).toBeNull();
  });
});

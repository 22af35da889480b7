import { dashboard, type DashboardAppeal } from '../../../shared/appeals/dashboard';
import { parkInstant } from '../../../shared/common/time';

const H = 3_600_000;
const base = (filed: string, over: Partial<DashboardAppeal> = {}): DashboardAppeal => {
  const filedAt = parkInstant(filed, '09:00');
  return {
    filedAt,
    status: 'confirmed',
    acceptedAt: filedAt + 2 * H,
    resolvedAt: filedAt + 48 * H,
    confirmedAt: filedAt + 50 * H,
    acceptBy: filedAt + 24 * H,
    resolveBy: filedAt + 300 * H,
    rating: null,
    reRating: null,
    contest: null,
    followUp: null,
    ...over,
  };
};

describe('the park’s appeal figures', () => {
  const now = parkInstant('2026-12-02', '12:00');
  const appeals = [
    base('2026-11-03', { rating: { level: 5, comment: '', at: 0 } }),
    base('2026-11-10', {
      acceptedAt: parkInstant('2026-11-10', '13:00'),
      rating: { level: 1, comment: '', at: 0 },
      reRating: { level: 4, comment: '', at: 0 },
    }),
    base('2026-11-20', {
      rating: { level: 2, comment: '', at: 0 },
      contest: { reason: '误评', at: 0, by: 'M1', decision: { upheld: false, note: '', at: 0, by: 'M2' } },
    }),
    base('2026-12-01', { status: 'filed', acceptedAt: null, resolvedAt: null, confirmedAt: null, acceptBy: parkInstant('2026-12-01', '23:59') }),
    base('2026-12-01', { status: 'accepted', resolvedAt: null, confirmedAt: null, rating: { level: 2, comment: '', at: 0 } }),
  ];

  it('counts by month of filing, newest first, with medians in hours from filing', () => {
    const d = dashboard(appeals, now);
    expect(d.months.map((m) => m.month)).toEqual(['2026-12', '2026-11']);
    const nov = d.months[1];
    expect(nov).toMatchObject({ received: 3, resolved: 3, overdue: 0, medianAcceptHours: 2, medianResolveHours: 48 });
    const dec = d.months[0];
    expect(dec).toMatchObject({ received: 2, resolved: 0, overdue: 1, medianAcceptHours: 2, medianResolveHours: null });
    expect(d.resolvedShare).toBe(0.6);
  });

  it('counts the rating that stands: a re-rating replaces the first, a rating set aside counts for nothing', () => {
    const d = dashboard(appeals, now);
    // November: 5 and the re-rating 4 (the contested 2 was set aside): both satisfied
    expect(d.months[1]).toMatchObject({ rated: 2, satisfaction: 1 });
    expect(d.total).toMatchObject({ rated: 3, satisfaction: 0.667 });
  });
});

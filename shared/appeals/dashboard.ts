/**
 * The park dashboard's appeal figures (园区诉求看板), computed from the appeals themselves, by month of filing (park
 * time): received, resolved (confirmed by the enterprise, or resolved and waiting for it), overdue now, the median
 * time to accept and to resolve (hours, from filing), and the 好差评 satisfaction rate (基本满意 or better, of the
 * ratings that count: a re-rating replaces the first, a rating the admin set aside counts for nothing).
 */
import { effectiveRating, overdue, type AppealDoc } from './appeal';
import { inPark } from '../common/time';

/** The fields the dashboard reads (the function asks the database for these only). */
export type DashboardAppeal = Pick<
  AppealDoc,
  'filedAt' | 'status' | 'acceptedAt' | 'resolvedAt' | 'confirmedAt' | 'acceptBy' | 'resolveBy' | 'rating' | 'reRating' | 'contest' | 'followUp'
>;

export interface MonthRow {
  month: string;
  received: number;
  resolved: number;
  overdue: number;
  medianAcceptHours: number | null;
  medianResolveHours: number | null;
  rated: number;
  satisfaction: number | null;
}

export interface Dashboard {
  months: MonthRow[];
  total: MonthRow;
  /** Resolved of received, 0–1 (the report: 95%). */
  resolvedShare: number | null;
}

const HOUR = 3_600_000;

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  const m = s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

function row(month: string, list: DashboardAppeal[], now: number): MonthRow {
  const ratings = list.map((a) => effectiveRating(a)).filter((r) => r !== null);
  const resolved = list.filter((a) => a.status === 'resolved' || a.status === 'confirmed');
  return {
    month,
    received: list.length,
    resolved: resolved.length,
    overdue: list.filter((a) => overdue(a, now).length > 0).length,
    medianAcceptHours: median(list.filter((a) => a.acceptedAt !== null).map((a) => ((a.acceptedAt as number) - a.filedAt) / HOUR)),
    medianResolveHours: median(resolved.filter((a) => a.resolvedAt !== null).map((a) => ((a.resolvedAt as number) - a.filedAt) / HOUR)),
    rated: ratings.length,
    satisfaction: ratings.length ? Math.round((ratings.filter((r) => r.level >= 3).length / ratings.length) * 1000) / 1000 : null,
  };
}

/** The figures by month of filing, newest first, and for all of them. */
export function dashboard(appeals: DashboardAppeal[], now: number): Dashboard {
  const byMonth = new Map<string, DashboardAppeal[]>();
  for (const a of appeals) {
    const m = inPark(a.filedAt).format('YYYY-MM');
    byMonth.set(m, [...(byMonth.get(m) ?? []), a]);
  }
  const months = [...byMonth.keys()].sort().reverse();
  const total = row('all', appeals, now);
  return {
    months: months.map((m) => row(m, byMonth.get(m) ?? [], now)),
    total,
    resolvedShare: total.received ? Math.round((total.resolved / total.received) * 1000) / 1000 : null,
  };
}

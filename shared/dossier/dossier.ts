/**
 * Performance dossier (绩效档案): a cadre's quarterly targets and the progress counted from day-to-day reports
 * (日常表现、工作实绩). Source: the report's example dossier — "完成30家企业走访、推进5个重点项目进展达速、
 * 协调解决企业诉求10条" — counted automatically from what the cadre records.
 *
 * Pure: no I/O, no clock. Handlers load the dossier, call these, and save the result.
 */
import { quarterRange, type DayString, type QuarterId } from '../common/time';
import { DEFAULT_QUARTER_TARGETS } from './config';
import type { Metric, ReportKind, TargetProgress } from './contract';

export interface DossierTarget {
  metric: Metric;
  indicatorId: string;
  label: string;
  unit: string;
  target: number;
}

/** The stored dossier document, one per cadre per quarter, `_id` = `${periodId}_${memberId}`. */
export interface DossierDoc {
  _id: string;
  periodId: QuarterId;
  memberId: string;
  sectionId: string;
  targets: DossierTarget[];
  /** Counted progress per metric. `enterprise_visit` counts distinct enterprises. */
  progress: Record<Metric, number>;
  /** Enterprises visited this quarter, so that a repeat visit is not counted twice (visits denied left out). */
  visitedEnterpriseIds: string[];
  /** All visits, repeats included (visits denied left out). */
  visitCount: number;
  /** Visits per enterprise, denied ones left out: a denial takes the enterprise off only with its last visit. */
  visitTally?: Record<string, number>;
  /** Enterprises whose contact confirmed a visit (applyConfirmation), how many visits were confirmed and denied. */
  confirmedEnterpriseIds?: string[];
  confirmedVisits?: number;
  deniedVisits?: number;
}

/** What counts of a dossier's visits: the admin's setting (settings/dossier). */
export interface VisitRule {
  /** Visits no enterprise contact has confirmed (yet) count towards the 走访企业 target. */
  countUnconfirmed: boolean;
}
export const DEFAULT_VISIT_RULE: VisitRule = { countUnconfirmed: true };

export const METRIC_LABELS: Record<Metric, { label: string; unit: string }> = {
  enterprise_visit: { label: '走访企业', unit: '家' },
  project_milestone: { label: '重点项目进展达速', unit: '个' },
  appeal_resolved: { label: '协调解决企业诉求', unit: '条' },
};

/** The indicators (of the 47) that the three dossier targets count towards. */
export const DOSSIER_INDICATORS: Record<Metric, string> = {
  enterprise_visit: 'IND-ES-01',
  project_milestone: 'IND-PJ-01',
  appeal_resolved: 'IND-ES-02',
};

export function dossierId(periodId: QuarterId, memberId: string): string {
  return `${periodId}_${memberId}`;
}

export function emptyProgress(): Record<Metric, number> {
  return { enterprise_visit: 0, project_milestone: 0, appeal_resolved: 0 };
}

/** The default targets of a quarter's dossier, tied to the indicators that carry them. */
export function defaultTargets(indicatorIds: Record<Metric, string> = DOSSIER_INDICATORS): DossierTarget[] {
  return (Object.keys(DEFAULT_QUARTER_TARGETS) as Metric[]).map((metric) => ({
    metric,
    indicatorId: indicatorIds[metric],
    label: METRIC_LABELS[metric].label,
    unit: METRIC_LABELS[metric].unit,
    target: DEFAULT_QUARTER_TARGETS[metric],
  }));
}

/**
 * Percent of a target reached, rounded down and capped at 100. A zero target counts as met.
 * 17 of 30 → 56 (56.7 rounded down): a bar never shows "done" before it is.
 */
export function percentOf(done: number, target: number): number {
  if (target <= 0) return 100;
  return Math.min(100, Math.floor((done / target) * 100));
}

/**
 * The progress that counts under the park's visit rule: with unconfirmed visits left out, 走访企业 counts the
 * enterprises that confirmed a visit.
 */
export function countedProgress(
  d: Pick<DossierDoc, 'progress' | 'confirmedEnterpriseIds'>,
  rule: VisitRule = DEFAULT_VISIT_RULE,
): Record<Metric, number> {
  if (rule.countUnconfirmed) return d.progress;
  return { ...d.progress, enterprise_visit: (d.confirmedEnterpriseIds ?? []).length };
}

export function targetProgress(d: Pick<DossierDoc, 'targets' | 'progress' | 'confirmedEnterpriseIds'>, rule?: VisitRule): TargetProgress[] {
  const progress = countedProgress(d, rule);
  return d.targets.map((t) => {
    const done = progress[t.metric] ?? 0;
    return { metric: t.metric, label: t.label, unit: t.unit, target: t.target, done, percent: percentOf(done, t.target) };
  });
}

/** A cadre's dossier for a quarter before anything is reported: the default targets, nothing done. */
export function newDossier(periodId: QuarterId, m: { _id: string; sectionId: string | null }): DossierDoc {
  return {
    _id: dossierId(periodId, m._id),
    periodId,
    memberId: m._id,
    sectionId: m.sectionId ?? '',
    targets: defaultTargets(),
    progress: emptyProgress(),
    visitedEnterpriseIds: [],
    visitCount: 0,
    visitTally: {},
    confirmedEnterpriseIds: [],
    confirmedVisits: 0,
    deniedVisits: 0,
  };
}

/** Mean of the targets' percents, rounded down; 0 for a dossier without targets. */
export function overallPercent(rows: TargetProgress[]): number {
  if (rows.length === 0) return 0;
  return Math.floor(rows.reduce((s, r) => s + r.percent, 0) / rows.length);
}

export type ReportDateProblem = 'before_period' | 'after_period' | 'in_future';

/**
 * A report must be dated inside its quarter and not after today (park time): work is reported, not planned.
 * Returns the problem, or null when the date is acceptable.
 */
export function reportDateProblem(date: DayString, periodId: QuarterId, today: DayString): ReportDateProblem | null {
  const { first, last } = quarterRange(periodId);
  if (date < first) return 'before_period';
  if (date > last) return 'after_period';
  if (date > today) return 'in_future';
  return null;
}

export const REPORT_DATE_MESSAGES: Record<ReportDateProblem, string> = {
  before_period: '日期早于本季度，只能记录本季度的工作',
  after_period: '日期晚于本季度，只能记录本季度的工作',
  in_future: '日期不能晚于今天',
};

type Counters = Pick<DossierDoc, 'progress' | 'visitedEnterpriseIds' | 'visitCount' | 'visitTally'>;

/**
 * Apply one report to a dossier's counters. The first visit to an enterprise in the quarter moves the
 * "走访企业" target (it counts enterprises, 家); a repeat visit only adds to the visit count. An appeal resolved or
 * a project milestone adds one to its target; other achievements are recorded without a counter.
 */
export function applyReport(d: Counters, kind: ReportKind, enterpriseId: string | null): Counters {
  // Only the counters: the caller writes the result back, and a stored document's _id must never be sent in an
  // update (WeChat refuses it: 不能更新_id的值).
  const counters = { progress: d.progress, visitedEnterpriseIds: d.visitedEnterpriseIds, visitCount: d.visitCount, visitTally: d.visitTally ?? {} };
  if (kind === 'achievement') return counters;
  if (kind !== 'enterprise_visit') return { ...counters, progress: { ...d.progress, [kind]: d.progress[kind] + 1 } };
  const isNew = enterpriseId !== null && !d.visitedEnterpriseIds.includes(enterpriseId);
  return {
    progress: { ...d.progress, enterprise_visit: d.progress.enterprise_visit + (isNew ? 1 : 0) },
    visitedEnterpriseIds: isNew && enterpriseId ? [...d.visitedEnterpriseIds, enterpriseId] : d.visitedEnterpriseIds,
    visitCount: d.visitCount + 1,
    visitTally: enterpriseId ? { ...counters.visitTally, [enterpriseId]: (counters.visitTally[enterpriseId] ?? 0) + 1 } : counters.visitTally,
  };
}

/** Whether the enterprise contact confirmed a visit, denied it, or has not answered (yet). */
export type VisitConfirmation = 'pending' | 'confirmed' | 'denied';

type ConfirmCounters = Counters & Pick<DossierDoc, 'confirmedEnterpriseIds' | 'confirmedVisits' | 'deniedVisits'>;

/**
 * The enterprise's answer to one of the quarter's visits. Confirmed: the enterprise joins those confirmed. Denied
 * (不属实): the visit stops counting — off the visit count, and the enterprise off the target with its last visit.
 * A dossier written before visits were tallied counts the enterprise's visits as one.
 */
export function applyConfirmation(d: ConfirmCounters, enterpriseId: string, outcome: 'confirmed' | 'denied'): ConfirmCounters {
  const confirmed = d.confirmedEnterpriseIds ?? [];
  const base = {
    progress: d.progress,
    visitedEnterpriseIds: d.visitedEnterpriseIds,
    visitCount: d.visitCount,
    visitTally: d.visitTally ?? {},
    confirmedEnterpriseIds: confirmed,
    confirmedVisits: d.confirmedVisits ?? 0,
    deniedVisits: d.deniedVisits ?? 0,
  };
  if (outcome === 'confirmed') {
    return {
      ...base,
      confirmedEnterpriseIds: confirmed.includes(enterpriseId) ? confirmed : [...confirmed, enterpriseId],
      confirmedVisits: base.confirmedVisits + 1,
    };
  }
  const left = Math.max(0, (base.visitTally[enterpriseId] ?? 1) - 1);
  const gone = left === 0 && d.visitedEnterpriseIds.includes(enterpriseId);
  return {
    ...base,
    progress: { ...d.progress, enterprise_visit: Math.max(0, d.progress.enterprise_visit - (gone ? 1 : 0)) },
    visitedEnterpriseIds: gone ? d.visitedEnterpriseIds.filter((e) => e !== enterpriseId) : d.visitedEnterpriseIds,
    visitCount: Math.max(0, d.visitCount - 1),
    visitTally: { ...base.visitTally, [enterpriseId]: left },
    deniedVisits: base.deniedVisits + 1,
  };
}

/** The quarter's visits apart: confirmed by the enterprise, not (yet), and denied. */
export function visitSummary(d: Pick<DossierDoc, 'visitCount' | 'confirmedVisits' | 'deniedVisits'>) {
  const confirmed = d.confirmedVisits ?? 0;
  return { confirmed, unconfirmed: Math.max(0, d.visitCount - confirmed), denied: d.deniedVisits ?? 0 };
}

/** `reports/{id}` — one day-to-day work record (工作实绩) of a cadre. */
export interface ReportDoc {
  _id: string;
  memberId: string;
  sectionId: string;
  periodId: QuarterId;
  kind: ReportKind;
  date: DayString;
  enterpriseId: string | null;
  enterpriseName: string | null;
  projectId: string | null;
  projectName: string | null;
  note: string;
  photoFileIds: string[];
  createdAt: number;
  /** A visit's confirmation by the enterprise contact; absent on other kinds (and on visits recorded before it). */
  confirmation?: VisitConfirmation;
  confirmedAt?: number | null;
  /** What the contact added, denying: why it is not so. */
  confirmationNote?: string;
}

/**
 * `visitCodes/{code}` — the one-time code a cadre's phone shows after recording a visit (mini-program code, scene
 * `v=<code>`): the visited enterprise's contact scans it and confirms or denies the visit. Used once; expires.
 */
export interface VisitCodeDoc {
  _id: string;
  reportId: string;
  memberId: string;
  enterpriseId: string;
  periodId: QuarterId;
  expiresAt: number;
  used: boolean;
}

/**
 * Photos of a report must be the reporter's own uploads: the client uploads to `reports/<memberId>/…`, and a
 * file id under anyone else's folder is refused.
 */
export function isOwnPhoto(fileId: string, memberId: string): boolean {
  const m = /^cloud:\/\/[^/]+\/(.+)$/.exec(fileId);
  if (!m || m[1] === undefined) return false;
  const path = m[1];
  return path.startsWith(`reports/${memberId}/`) && !path.includes('..');
}

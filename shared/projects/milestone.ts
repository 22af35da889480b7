/**
 * Key projects (重点项目): milestones with planned and actual dates, where a project stands against its plan, and the
 * landing cycle (落地周期, signing to production) against the park's baseline. Source: the report — "推进5个重点项目
 * 进展达速", "砂石码头项目进展滞后", "项目落地周期缩短20%".
 *
 * Pure: no I/O, no clock (today comes from the caller, as a park-time day).
 */
import { daysBetween, parkInstant, type DayString } from '../common/time';
import { FIRST_MILESTONE, LAST_MILESTONE, PROJECTS } from './config';

export interface Milestone {
  /** Stable within its project: the standard ones by name (signing … production), added ones `m1`, `m2`, … */
  key: string;
  name: string;
  planned: DayString | null;
  actual: DayString | null;
}

/**
 * Where one milestone stands on `today`:
 * - `on_time`   reached on or before its planned date (it moves the owners' "重点项目进展达速" target);
 * - `late`      reached after it, `days` late;
 * - `lagging`   not reached, its planned date passed `days` ago (滞后);
 * - `due`       not reached, `days` left to its planned date (0: due today);
 * - `reached`   reached without a planned date (counted as neither);
 * - `unplanned` neither planned nor reached.
 */
export type MilestoneState = 'on_time' | 'late' | 'lagging' | 'due' | 'reached' | 'unplanned';

export function milestoneState(m: Pick<Milestone, 'planned' | 'actual'>, today: DayString): { state: MilestoneState; days: number } {
  if (m.actual !== null) {
    if (m.planned === null) return { state: 'reached', days: 0 };
    const late = daysBetween(m.planned, m.actual);
    return late > 0 ? { state: 'late', days: late } : { state: 'on_time', days: 0 };
  }
  if (m.planned === null) return { state: 'unplanned', days: 0 };
  const behind = daysBetween(m.planned, today);
  return behind > 0 ? { state: 'lagging', days: behind } : { state: 'due', days: Math.abs(behind) };
}

/** A milestone reached on or before its planned date: what "进展达速" counts. */
export function reachedOnTime(m: Pick<Milestone, 'planned' | 'actual'>): boolean {
  return m.planned !== null && m.actual !== null && m.actual <= m.planned;
}

export interface ProjectStatus {
  /** The last milestone reached, or '未签约'. */
  stage: string;
  /** Some milestone is past its planned date and not reached. */
  lagging: boolean;
  /** How far behind the plan the project is: the most days any unreached milestone is past its planned date. */
  lagDays: number;
  /** The milestone furthest behind, when lagging. */
  laggingName: string | null;
  /** The next milestone not yet reached. */
  next: { key: string; name: string; planned: DayString | null } | null;
  reached: number;
  total: number;
}

export function projectStatus(milestones: readonly Milestone[], today: DayString): ProjectStatus {
  let lagDays = 0;
  let laggingName: string | null = null;
  for (const m of milestones) {
    const s = milestoneState(m, today);
    if (s.state === 'lagging' && s.days > lagDays) {
      lagDays = s.days;
      laggingName = m.name;
    }
  }
  const reached = milestones.filter((m) => m.actual !== null);
  const next = milestones.find((m) => m.actual === null) ?? null;
  return {
    stage: reached.length ? (reached[reached.length - 1] as Milestone).name : '未签约',
    lagging: lagDays > 0,
    lagDays,
    laggingName,
    next: next ? { key: next.key, name: next.name, planned: next.planned } : null,
    reached: reached.length,
    total: milestones.length,
  };
}

/** Days from signing to production, once the project produces; null before. */
export function landingDays(milestones: readonly Milestone[]): number | null {
  const first = milestones.find((m) => m.key === FIRST_MILESTONE)?.actual ?? null;
  const last = milestones.find((m) => m.key === LAST_MILESTONE)?.actual ?? null;
  return first !== null && last !== null ? daysBetween(first, last) : null;
}

export interface LandingFigure {
  /** Projects that reached production. */
  landed: number;
  /** Their mean landing cycle in days, rounded; null when none landed. */
  meanDays: number | null;
  baselineDays: number;
  /** How much shorter than the baseline, in percent (negative: longer), rounded; null when none landed. */
  shorterPercent: number | null;
}

/** The landing cycle of the projects that landed against the baseline: the report's "落地周期缩短20%". */
export function landingFigure(cycles: readonly number[], baselineDays: number): LandingFigure {
  if (cycles.length === 0) return { landed: 0, meanDays: null, baselineDays, shorterPercent: null };
  const mean = cycles.reduce((s, d) => s + d, 0) / cycles.length;
  return {
    landed: cycles.length,
    meanDays: Math.round(mean),
    baselineDays,
    shorterPercent: baselineDays > 0 ? Math.round(((baselineDays - mean) / baselineDays) * 100) : null,
  };
}

/** A problem with a plan or an actual date, as the user is told it. */
export interface MilestoneProblem {
  code: 'INVALID_INPUT' | 'CONFLICT' | 'NOT_FOUND';
  message: string;
  path: string;
}

/**
 * A new plan for a project: the milestones in order with their names and planned dates. The first is signing and
 * the last production; names are distinct; planned dates never go back from one milestone to the next. A milestone
 * already reached keeps its place among the reached ones and its planned date: a plan cannot be redrawn after the
 * fact to make a late milestone look on time.
 */
export function planProblem(next: readonly Pick<Milestone, 'key' | 'name' | 'planned'>[], current: readonly Milestone[]): MilestoneProblem | null {
  const bad = (message: string, path = 'milestones'): MilestoneProblem => ({ code: 'INVALID_INPUT', message, path });
  if (next.length < 2) return bad('至少包括签约和投产两个节点');
  if (next.length > PROJECTS.milestonesMax) return bad(`节点不超过${PROJECTS.milestonesMax}个`);
  if (next[0]?.key !== FIRST_MILESTONE) return bad('第一个节点应为签约');
  if (next[next.length - 1]?.key !== LAST_MILESTONE) return bad('最后一个节点应为投产');
  const names = new Set<string>();
  const keys = new Set<string>();
  let lastPlanned: { name: string; day: DayString } | null = null;
  for (const [i, m] of next.entries()) {
    if (names.has(m.name)) return bad(`节点名称「${m.name}」重复`, `milestones.${i}.name`);
    if (keys.has(m.key)) return bad('节点重复', `milestones.${i}`);
    names.add(m.name);
    keys.add(m.key);
    if (m.planned !== null) {
      if (lastPlanned && m.planned < lastPlanned.day) {
        return bad(`「${m.name}」的计划日期不能早于「${lastPlanned.name}」（${lastPlanned.day}）`, `milestones.${i}.planned`);
      }
      lastPlanned = { name: m.name, day: m.planned };
    }
  }
  // Milestones are reached in order (reachProblem), so the reached ones are the plan's first ones.
  const reached = current.filter((m) => m.actual !== null);
  for (const [i, r] of reached.entries()) {
    const at = next.findIndex((m) => m.key === r.key);
    if (at < 0) return bad(`「${r.name}」已完成，不能删除`);
    if (at !== i) return bad(`「${r.name}」已完成，不能调整顺序`, `milestones.${at}`);
    if ((next[at] as Pick<Milestone, 'planned'>).planned !== r.planned) {
      return bad(`「${r.name}」已完成，计划日期不能再改`, `milestones.${at}.planned`);
    }
  }
  return null;
}

/**
 * Recording that `key` was reached on `actual`: milestones are reached in order, an actual date is not ahead of
 * today nor before the milestone reached before it, and it is recorded once (the log says by whom).
 */
export function reachProblem(milestones: readonly Milestone[], key: string, actual: DayString, today: DayString): MilestoneProblem | null {
  const i = milestones.findIndex((m) => m.key === key);
  const m = milestones[i];
  if (!m) return { code: 'NOT_FOUND', message: '该项目没有这个节点', path: 'key' };
  if (m.actual !== null) return { code: 'CONFLICT', message: `「${m.name}」已填报实际完成日期（${m.actual}）`, path: 'key' };
  if (actual > today) return { code: 'INVALID_INPUT', message: '实际完成日期不能晚于今天', path: 'actual' };
  const before = milestones.slice(0, i);
  const open = before.find((b) => b.actual === null);
  if (open) return { code: 'INVALID_INPUT', message: `请先填报「${open.name}」的实际完成日期`, path: 'key' };
  const prev = before[before.length - 1];
  if (prev?.actual && actual < prev.actual) {
    return { code: 'INVALID_INPUT', message: `实际完成日期不能早于「${prev.name}」（${prev.actual}）`, path: 'actual' };
  }
  return null;
}

/**
 * Correcting a reached milestone's actual date (the admin, with a reason): to another day that keeps the order —
 * not ahead of today, not before the milestone reached before it nor after the one reached after it — or back to
 * not reached (`null`), while the next one is not reached either.
 */
export function correctProblem(milestones: readonly Milestone[], key: string, actual: DayString | null, today: DayString): MilestoneProblem | null {
  const i = milestones.findIndex((m) => m.key === key);
  const m = milestones[i];
  if (!m) return { code: 'NOT_FOUND', message: '该项目没有这个节点', path: 'key' };
  if (m.actual === null) return { code: 'CONFLICT', message: `「${m.name}」尚未填报实际完成日期，请直接填报`, path: 'key' };
  if (actual === m.actual) return { code: 'INVALID_INPUT', message: '与原填报日期相同，无需更正', path: 'actual' };
  const prev = milestones[i - 1];
  const next = milestones[i + 1];
  if (actual === null) {
    return next?.actual ? { code: 'INVALID_INPUT', message: `「${next.name}」已完成，请先更正它`, path: 'actual' } : null;
  }
  if (actual > today) return { code: 'INVALID_INPUT', message: '实际完成日期不能晚于今天', path: 'actual' };
  if (prev?.actual && actual < prev.actual) {
    return { code: 'INVALID_INPUT', message: `实际完成日期不能早于「${prev.name}」（${prev.actual}）`, path: 'actual' };
  }
  if (next?.actual && actual > next.actual) {
    return { code: 'INVALID_INPUT', message: `实际完成日期不能晚于「${next.name}」（${next.actual}）`, path: 'actual' };
  }
  return null;
}

/**
 * The owners a milestone reached on `actual` counts for: those who claimed the project before that day began. A
 * claim made after the fact earns nothing, so nobody collects milestones by claiming projects about to reach them.
 */
export function creditedOwners<T extends { at: number }>(claims: readonly T[], actual: DayString): T[] {
  const dayStart = parkInstant(actual);
  return claims.filter((c) => c.at < dayStart);
}

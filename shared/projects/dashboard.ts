/**
 * The park dashboard's key-project figures (重点项目), computed from the milestones themselves, by month (park time):
 * milestones planned for the month and how many were reached on time (进展达速), projects that reached production
 * and their landing cycle; and the landing cycle of every project that landed against the park's baseline.
 */
import { landingDays, landingFigure, reachedOnTime, type LandingFigure, type Milestone } from './milestone';
import { LAST_MILESTONE } from './config';

export interface ProjectMonthRow {
  month: string;
  due: number;
  onTime: number;
  landed: number;
  meanLandingDays: number | null;
}

/** `months`: 'YYYY-MM', in the order wanted. */
export function projectMonths(projects: readonly { milestones: readonly Milestone[] }[], months: readonly string[]): ProjectMonthRow[] {
  return months.map((month) => {
    const due = projects.flatMap((p) => p.milestones.filter((m) => m.planned?.startsWith(month)));
    const cycles = projects
      .filter((p) => p.milestones.find((m) => m.key === LAST_MILESTONE)?.actual?.startsWith(month))
      .map((p) => landingDays(p.milestones))
      .filter((d): d is number => d !== null);
    return {
      month,
      due: due.length,
      onTime: due.filter(reachedOnTime).length,
      landed: cycles.length,
      meanLandingDays: landingFigure(cycles, 0).meanDays,
    };
  });
}

/** Every project that landed, against the baseline. */
export function parkLanding(projects: readonly { milestones: readonly Milestone[] }[], baselineDays: number): LandingFigure {
  return landingFigure(
    projects.map((p) => landingDays(p.milestones)).filter((d): d is number => d !== null),
    baselineDays,
  );
}

import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import type { Handler, TimerCtx } from '../../../server/common/router';
import { SNAPSHOT_MONTHS, snapshotOr, writeSnapshot } from '../../../server/common/snapshot';
import { dayOf, inPark } from '../../../shared/common/time';
import { parkLanding, projectMonths } from '../../../shared/projects/dashboard';
import { projectStatus } from '../../../shared/projects/milestone';
import { inForce, type ProjectDoc } from '../../../shared/projects/project';
import { PROJECTS_PAGE, baselineDays } from './lib';

type Loaded = { projects: ProjectDoc[]; baseline: number };

async function load(db: Database): Promise<Loaded> {
  const [projects, baseline] = await Promise.all([
    db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').field({ name: true, milestones: true, active: true }).limit(PROJECTS_PAGE).get(),
    baselineDays(db),
  ]);
  return { projects: projects.data.map(inForce), baseline };
}

/** Leaders' figures for key projects, from the milestones: by month, the landing cycle, and who lags now. */
function figures({ projects, baseline }: Loaded, months: number, nowMs: number) {
  const now = inPark(nowMs).startOf('month');
  const monthList = Array.from({ length: months }, (_, i) => now.subtract(i, 'month').format('YYYY-MM'));
  const today = dayOf(nowMs);
  const lagging = projects
    .map((p) => ({ id: p._id, name: p.name, ...projectStatus(p.milestones, today) }))
    .filter((p) => p.lagging)
    .sort((a, b) => b.lagDays - a.lagDays)
    .map((p) => ({ id: p.id, name: p.name, lagDays: p.lagDays, laggingName: p.laggingName }));
  return { months: projectMonths(projects, monthList), landing: parkLanding(projects, baseline), lagging };
}

const key = (months: number) => `projects_${months}`;

export const dashboard: Handler<'projects', 'dashboard'> = async ({ months }, ctx) =>
  snapshotOr(ctx.db, key(months), ctx.now, async () => figures(await load(ctx.db), months, ctx.now));

/** The hourly tick: the spans the page offers, from one read of the projects. */
export async function recomputeDashboard(ctx: TimerCtx): Promise<{ spans: number; projects: number }> {
  const loaded = await load(ctx.db);
  await Promise.all(SNAPSHOT_MONTHS.map((m) => writeSnapshot(ctx.db, key(m), figures(loaded, m, ctx.now), ctx.now)));
  return { spans: SNAPSHOT_MONTHS.length, projects: loaded.projects.length };
}

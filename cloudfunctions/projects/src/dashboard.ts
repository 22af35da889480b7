import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { dayOf, inPark } from '../../../shared/common/time';
import { parkLanding, projectMonths } from '../../../shared/projects/dashboard';
import { projectStatus } from '../../../shared/projects/milestone';
import type { ProjectDoc } from '../../../shared/projects/project';
import { PROJECTS_PAGE, baselineDays } from './lib';

/** Leaders' figures for key projects, from the milestones: by month, the landing cycle, and who lags now. */
export const dashboard: Handler<'projects', 'dashboard'> = async ({ months }, ctx) => {
  const [projects, baseline] = await Promise.all([
    ctx.db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').field({ name: true, milestones: true }).limit(PROJECTS_PAGE).get(),
    baselineDays(ctx.db),
  ]);
  const now = inPark(ctx.now).startOf('month');
  const monthList = Array.from({ length: months }, (_, i) => now.subtract(i, 'month').format('YYYY-MM'));
  const today = dayOf(ctx.now);
  const lagging = projects.data
    .map((p) => ({ id: p._id, name: p.name, ...projectStatus(p.milestones, today) }))
    .filter((p) => p.lagging)
    .sort((a, b) => b.lagDays - a.lagDays)
    .map((p) => ({ id: p.id, name: p.name, lagDays: p.lagDays, laggingName: p.laggingName }));
  return { months: projectMonths(projects.data, monthList), landing: parkLanding(projects.data, baseline), lagging };
};

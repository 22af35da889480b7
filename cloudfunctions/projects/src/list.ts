import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import type { ClaimDoc, ProjectDoc } from '../../../shared/projects/project';
import { inLaggingView } from '../../../shared/projects/project';
import { CLAIMS_PAGE, PROJECTS_PAGE, baselineDays, enterpriseNames, itemOf } from './lib';

export const list: Handler<'projects', 'list'> = async ({ filter }, ctx) => {
  const me = await ctx.member();
  const [projects, claims, baseline] = await Promise.all([
    ctx.db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').limit(PROJECTS_PAGE).get(),
    ctx.db.collection<ClaimDoc>(COLL.claims).limit(CLAIMS_PAGE).get(),
    baselineDays(ctx.db),
  ]);
  const names = await enterpriseNames(
    ctx.db,
    projects.data.map((p) => p.enterpriseId),
  );
  const viewer = { memberId: me._id, roles: me.roles, sectionId: me.sectionId };
  const claimsOf = (id: string) => claims.data.filter((c) => c.projectId === id);
  let shown = projects.data.filter((p) => (p.active === false) === (filter === 'stopped'));
  if (filter === 'mine') shown = shown.filter((p) => claimsOf(p._id).some((c) => c.memberId === me._id));
  if (filter === 'lagging') shown = shown.filter((p) => inLaggingView(viewer, claimsOf(p._id)));
  let items = shown.map((p) => itemOf(p, claims.data, me, names, ctx.now));
  if (filter === 'lagging') items = items.filter((i) => i.status.lagging).sort((a, b) => b.status.lagDays - a.status.lagDays);
  return { items, baselineDays: baseline };
};

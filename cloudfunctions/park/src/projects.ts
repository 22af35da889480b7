import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import type { EnterpriseDoc, ProjectDoc } from '../../../shared/park/park';
import { type ClaimDoc } from './lib';

export const projects: Handler<'park', 'projects'> = async (_input, ctx) => {
  const me = await ctx.member();
  const [projects, claims] = await Promise.all([
    ctx.db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').limit(100).get(),
    ctx.db.collection<ClaimDoc>(COLL.claims).limit(1000).get(),
  ]);
  const names = new Map(
    (
      await Promise.all(
        [...new Set(projects.data.map((p) => p.enterpriseId))].map((id) => ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(id).get()),
      )
    ).flatMap((r) => (r.data ? [[r.data._id, r.data.name] as const] : [])),
  );
  return projects.data.map((p) => ({
    id: p._id,
    name: p.name,
    stage: p.stage,
    enterpriseName: names.get(p.enterpriseId) ?? null,
    claimedByMe: claims.data.some((c) => c.projectId === p._id && c.memberId === me._id),
    claimedBy: claims.data.filter((c) => c.projectId === p._id).length,
  }));
};

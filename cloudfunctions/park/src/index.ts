/** park: the directory of the park (enterprises for now; sections and projects as the product grows). */
import { COLL } from '../../../server/collections';
import { escapeRegExp } from '../../../server/lookup';
import { defineFunction } from '../../../server/router';
import { LIMITS } from '../../../shared/common/config';
import { AppError } from '../../../shared/common/errors';
import type { EnterpriseDoc, ProjectDoc, SectionDoc } from '../../../shared/park/park';

/** `claims/{projectId}_{memberId}`: a cadre follows (认领) a key project. */
interface ClaimDoc {
  _id: string;
  projectId: string;
  memberId: string;
  at: number;
}

export const main = defineFunction('park', {
  projects: {
    access: ['cadre', 'sectionHead', 'leader', 'admin'],
    run: async (_input, ctx) => {
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
    },
  },

  claim: {
    access: ['cadre'],
    run: async ({ projectId, claim }, ctx) => {
      const me = await ctx.member();
      const project = (await ctx.db.collection<ProjectDoc>(COLL.projects).doc(projectId).get()).data;
      if (!project) throw new AppError('NOT_FOUND', '项目不存在');
      const ref = ctx.db.collection<ClaimDoc>(COLL.claims).doc(`${projectId}_${me._id}`);
      // set / remove by a deterministic id: claiming twice or giving up twice changes nothing.
      if (claim) await ref.set({ data: { projectId, memberId: me._id, at: ctx.now } });
      else await ref.remove();
      return { claimed: claim };
    },
  },

  sections: {
    access: ['sectionHead', 'leader', 'admin'],
    run: async (_input, ctx) => {
      const res = await ctx.db.collection<SectionDoc>(COLL.sections).orderBy('order', 'asc').limit(100).get();
      return res.data.map((s) => ({ id: s._id, name: s.name }));
    },
  },

  searchEnterprises: {
    access: ['cadre', 'sectionHead', 'leader', 'admin'],
    run: async ({ q, cursor = 0 }, ctx) => {
      const all = ctx.db.collection<EnterpriseDoc>(COLL.enterprises);
      // An empty where() is refused by the SDK, so "no search text" means the plain collection.
      const query = q ? all.where({ name: ctx.db.RegExp({ regexp: escapeRegExp(q), options: 'i' }) }) : all;
      const res = await query
        .orderBy('name', 'asc')
        .skip(cursor)
        .limit(LIMITS.searchResults)
        .get();
      return {
        items: res.data.map((e) => ({ id: e._id, name: e.name, aboveScale: e.aboveScale, industry: e.industry })),
        nextCursor: res.data.length === LIMITS.searchResults ? cursor + LIMITS.searchResults : null,
      };
    },
  },
});

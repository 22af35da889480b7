/** park: the directory of the park (enterprises for now; sections and projects as the product grows). */
import { LIMITS } from '../../../shared/config/defaults';
import type { EnterpriseDoc, SectionDoc } from '../../../shared/domain/park';
import { COLL } from '../../../server/collections';
import { escapeRegExp } from '../../../server/lookup';
import { defineFunction } from '../../../server/router';

export const main = defineFunction('park', {
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

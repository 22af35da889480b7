import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { isActive, type SectionDoc } from '../../../shared/park/park';

export const sections: Handler<'park', 'sections'> = async (_input, ctx) => {
  const res = await ctx.db.collection<SectionDoc>(COLL.sections).orderBy('order', 'asc').limit(200).get();
  // a retired section is history: no picker offers it
  return res.data.filter(isActive).map((s) => ({ id: s._id, name: s.name }));
};

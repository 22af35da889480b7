import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import type { SectionDoc } from '../../../shared/park/park';

export const sections: Handler<'park', 'sections'> = async (_input, ctx) => {
  const res = await ctx.db.collection<SectionDoc>(COLL.sections).orderBy('order', 'asc').limit(100).get();
  return res.data.map((s) => ({ id: s._id, name: s.name }));
};

import { escapeRegExp } from '../../../server/common/search';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { LIMITS } from '../../../shared/common/config';
import type { EnterpriseDoc } from '../../../shared/park/park';

export const searchEnterprises: Handler<'park', 'searchEnterprises'> = async ({ q, cursor = 0 }, ctx) => {
  const all = ctx.db.collection<EnterpriseDoc>(COLL.enterprises);
  // a retired enterprise (moved away, closed) is history: no picker offers it
  const active = { active: ctx.db.command.neq(false) };
  const query = all.where(q ? { ...active, name: ctx.db.RegExp({ regexp: escapeRegExp(q), options: 'i' }) } : active);
  const res = await query.orderBy('name', 'asc').skip(cursor).limit(LIMITS.searchResults).get();
  return {
    items: res.data.map((e) => ({ id: e._id, name: e.name, aboveScale: e.aboveScale, industry: e.industry })),
    nextCursor: res.data.length === LIMITS.searchResults ? cursor + LIMITS.searchResults : null,
  };
};

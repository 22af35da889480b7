import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { awaitingReview, type ApplicationDoc } from '../../../shared/applications/review';
import { view } from './lib';

export const list: Handler<'applications', 'list'> = async ({ scope }, ctx) => {
  const me = await ctx.member();
  const coll = ctx.db.collection<ApplicationDoc>(COLL.applications);
  if (scope === 'mine') return (await coll.where({ memberId: me._id }).limit(100).get()).data.map(view).reverse();
  const queues = await Promise.all(awaitingReview(me).map((q) => coll.where(q).limit(100).get()));
  return queues
    .flatMap((r) => r.data)
    .filter((a) => a.memberId !== me._id)
    .map(view);
};

import type { Handler } from '../../../server/common/router';
import { LIMITS } from '../../../shared/common/config';
import { quarterOf } from '../../../shared/common/time';
import { reportViews, reportsOf } from './lib';

export const reports: Handler<'dossier', 'reports'> = async ({ periodId, cursor = 0 }, ctx) => {
  const m = await ctx.member();
  const res = await reportsOf(ctx.db, m._id, periodId ?? quarterOf(ctx.now))
    .skip(cursor)
    .limit(LIMITS.pageSize)
    .get();
  return {
    items: await reportViews(ctx, res.data),
    nextCursor: res.data.length === LIMITS.pageSize ? cursor + LIMITS.pageSize : null,
  };
};

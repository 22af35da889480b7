import { COLL } from '../../../server/common/collections';
import { allPages } from '../../../server/common/pages';
import type { Handler } from '../../../server/common/router';
import { dashboard as figures, type DashboardAppeal } from '../../../shared/appeals/dashboard';
import { inPark, parkInstant } from '../../../shared/common/time';

/** The fields the figures need, and no more: an appeal's text and events stay where they are. */
const FIELDS = {
  filedAt: true,
  status: true,
  acceptedAt: true,
  resolvedAt: true,
  confirmedAt: true,
  acceptBy: true,
  resolveBy: true,
  rating: true,
  reRating: true,
  contest: true,
  followUp: true,
} as const;

/** The last `months` months of appeals, read a thousand at a time (the platform's cap on one query). */
export const dashboard: Handler<'appeals', 'dashboard'> = async ({ months }, ctx) => {
  const since = parkInstant(
    inPark(ctx.now)
      .startOf('month')
      .subtract(months - 1, 'month')
      .format('YYYY-MM-DD'),
  );
  const _ = ctx.db.command;
  const appeals = await allPages<DashboardAppeal>((skip, limit) =>
    ctx.db
      .collection<DashboardAppeal & { _id: string }>(COLL.appeals)
      .where({ filedAt: _.gte(since) })
      .field(FIELDS)
      .orderBy('filedAt', 'asc')
      .skip(skip)
      .limit(limit)
      .get(),
  );
  return figures(appeals, ctx.now);
};

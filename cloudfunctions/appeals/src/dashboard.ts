import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { allPages } from '../../../server/common/pages';
import type { Handler, TimerCtx } from '../../../server/common/router';
import { SNAPSHOT_MONTHS, snapshotOr, writeSnapshot } from '../../../server/common/snapshot';
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

/** The first instant of the span of the last `months` months (this one included). */
const since = (months: number, now: number) =>
  parkInstant(
    inPark(now)
      .startOf('month')
      .subtract(months - 1, 'month')
      .format('YYYY-MM-DD'),
  );

/** The last `months` months of appeals, read a thousand at a time (the platform's cap on one query). */
async function appealsSince(db: Database, from: number): Promise<DashboardAppeal[]> {
  const _ = db.command;
  return allPages<DashboardAppeal>((skip, limit) =>
    db
      .collection<DashboardAppeal & { _id: string }>(COLL.appeals)
      .where({ filedAt: _.gte(from) })
      .field(FIELDS)
      .orderBy('filedAt', 'asc')
      .skip(skip)
      .limit(limit)
      .get(),
  );
}

const key = (months: number) => `appeals_${months}`;

export const dashboard: Handler<'appeals', 'dashboard'> = async ({ months }, ctx) =>
  snapshotOr(ctx.db, key(months), ctx.now, async () => figures(await appealsSince(ctx.db, since(months, ctx.now)), ctx.now));

/** The hourly tick: the spans the page offers, from one read of the longest. */
export async function recomputeDashboard(ctx: TimerCtx): Promise<{ spans: number; appeals: number }> {
  const longest = Math.max(...SNAPSHOT_MONTHS);
  const appeals = await appealsSince(ctx.db, since(longest, ctx.now));
  await Promise.all(
    SNAPSHOT_MONTHS.map((m) => {
      const from = since(m, ctx.now);
      return writeSnapshot(
        ctx.db,
        key(m),
        figures(
          appeals.filter((a) => a.filedAt >= from),
          ctx.now,
        ),
        ctx.now,
      );
    }),
  );
  return { spans: SNAPSHOT_MONTHS.length, appeals: appeals.length };
}

import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { loadPeriod } from '../../../server/assessment/period';
import type { SpotDrawDoc } from '../../../shared/assessment/draw';
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import type { MemberDoc } from '../../../shared/members/member';
import { all, sections } from './lib';
import { ensureCommitment } from './commitment';

/** A quarter's draws with the seed's fingerprint; the seed itself only once the quarter is closed. */
export const draws: Handler<'assessment', 'draws'> = async ({ periodId: asked }, ctx) => {
  const periodId = asked ?? quarterOf(ctx.now);
  if (periodId > quarterOf(ctx.now)) throw new AppError('INVALID_INPUT', '该季度尚未开始');
  const [commitment, period, list, people, units] = await Promise.all([
    ensureCommitment(ctx.db, periodId, ctx.now),
    loadPeriod(ctx.db, periodId),
    all<SpotDrawDoc>(ctx.db, COLL.spotDraws, { periodId }),
    all<MemberDoc>(ctx.db, COLL.members, {}),
    sections(ctx.db),
  ]);
  const names = new Map<string, string>([...people.map((m) => [m._id, m.name] as const), ...units.map((s) => [s._id, s.name] as const)]);
  return {
    periodId,
    seedHash: commitment.seedHash,
    committedAt: commitment.committedAt,
    seed: period?.status === 'closed' ? commitment.seed : null,
    draws: list
      .sort((a, b) => a.n - b.n)
      .map((d) => ({
        id: d._id,
        periodId,
        n: d.n,
        pool: d.pool,
        count: d.count,
        candidates: d.candidates,
        picked: d.picked.map((p) => ({ id: p, name: names.get(p) ?? p })),
        byName: names.get(d.by) ?? d.by,
        at: d.at,
      })),
  };
};

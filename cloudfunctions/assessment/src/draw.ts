import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { requireOpen } from '../../../server/assessment/period';
import { withTransaction } from '../../../server/common/tx';
import { drawNumbered, type SpotDrawDoc, type SpotSeedDoc } from '../../../shared/assessment/draw';
import { quarterOf } from '../../../shared/common/time';
import { isActive } from '../../../shared/park/park';
import { commitmentIn } from './commitment';
import { cadres, sections } from './lib';

/**
 * The next draw of the quarter: its number and the seed's use are taken in one transaction with the draw's
 * record, so two leaders drawing at once get draws n and n + 1, and no draw goes unrecorded. A closed quarter's
 * seed is public, so no draw is made in it.
 */
export const draw: Handler<'assessment', 'draw'> = async ({ pool, count }, ctx) => {
  const me = await ctx.member();
  const periodId = quarterOf(ctx.now);
  await requireOpen(ctx.db, periodId);
  const names = new Map(
    pool === 'section'
      ? (await sections(ctx.db)).filter(isActive).map((s) => [s._id, s.name] as const)
      : (await cadres(ctx.db)).map((m) => [m._id, m.name] as const),
  );
  const candidates = [...names.keys()].sort();
  const doc = await withTransaction(ctx.db, async (tx) => {
    const c = await commitmentIn(tx, periodId, ctx.now);
    const n = c.draws + 1;
    const d: SpotDrawDoc = {
      _id: `DRAW-${periodId}-${n}`,
      periodId,
      n,
      pool,
      candidates,
      count,
      picked: drawNumbered(c.seed, periodId, n, candidates, count),
      by: me._id,
      at: ctx.now,
    };
    await tx
      .collection<SpotSeedDoc>(COLL.spotSeeds)
      .doc(periodId)
      .update({ data: { draws: n } });
    await tx.collection<SpotDrawDoc>(COLL.spotDraws).add({ data: d });
    return d;
  });
  return {
    id: doc._id,
    periodId,
    n: doc.n,
    pool,
    count,
    candidates,
    picked: doc.picked.map((p) => ({ id: p, name: names.get(p) ?? p })),
    byName: me.name,
    at: doc.at,
  };
};

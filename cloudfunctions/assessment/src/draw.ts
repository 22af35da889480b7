import { randomBytes, randomInt } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { drawTargets, type SpotDrawDoc } from '../../../shared/assessment/evaluations';
import { quarterOf } from '../../../shared/common/time';
import { cadres, sections } from './lib';

export const draw: Handler<'assessment', 'draw'> = async ({ pool, count, seed }, ctx) => {
  const me = await ctx.member();
  const periodId = quarterOf(ctx.now);
  const names = new Map(
    pool === 'section' ? (await sections(ctx.db)).map((s) => [s._id, s.name] as const) : (await cadres(ctx.db)).map((m) => [m._id, m.name] as const),
  );
  const candidates = [...names.keys()].sort();
  const s = seed ?? randomInt(0, 2 ** 31 - 1);
  const picked = drawTargets(candidates, count, s);
  const id = `DRAW-${randomBytes(5).toString('hex').toUpperCase()}`;
  await ctx.db
    .collection<SpotDrawDoc>(COLL.spotDraws)
    .add({ data: { _id: id, periodId, pool, candidates, count, seed: s, picked, by: me._id, at: ctx.now } });
  return { id, seed: s, pool, picked: picked.map((p) => ({ id: p, name: names.get(p) ?? p })) };
};

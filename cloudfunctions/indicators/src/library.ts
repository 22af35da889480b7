import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { allPages } from '../../../server/common/pages';
import { type IndicatorDoc } from '../../../shared/indicators/indicator';
import { indicatorView } from './lib';

export const library: Handler<'indicators', 'library'> = async (_input, ctx) => {
  const all = await allPages((skip, limit) => ctx.db.collection<IndicatorDoc>(COLL.indicators).orderBy('_id', 'asc').skip(skip).limit(limit).get());
  return all.map(indicatorView);
};

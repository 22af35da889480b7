import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { type IndicatorDoc } from '../../../shared/indicators/indicator';
import { type IndicatorVersionDoc, indicatorView } from './lib';

export const history: Handler<'indicators', 'history'> = async ({ indicatorId }, ctx) => {
  const [current, older] = await Promise.all([
    ctx.db.collection<IndicatorDoc>(COLL.indicators).doc(indicatorId).get(),
    ctx.db.collection<IndicatorVersionDoc>(COLL.indicatorVersions).where({ indicatorId }).orderBy('version', 'desc').limit(100).get(),
  ]);
  if (!current.data) throw new AppError('NOT_FOUND', '指标不存在');
  return [current.data, ...older.data.map((v) => ({ ...v, _id: v.indicatorId }))].map(indicatorView);
};

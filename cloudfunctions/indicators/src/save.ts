import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { type IndicatorDoc } from '../../../shared/indicators/indicator';
import { type IndicatorVersionDoc, indicatorView, sectionNames } from './lib';

export const save: Handler<'indicators', 'save'> = async (input, ctx) => {
  const sections = await sectionNames(ctx.db);
  if (input.owner !== 'park' && !sections.has(input.owner))
    throw new AppError('INVALID_INPUT', '责任单位应为园区或某个股室', [{ path: 'owner', message: '责任单位不存在' }]);
  const body = {
    name: input.name,
    class: input.class,
    kind: input.kind,
    group: input.group,
    unit: input.unit,
    direction: input.direction,
    target: input.kind === 'qualitative' ? null : input.target,
    rule: input.kind === 'qualitative' ? null : input.rule,
    owner: input.owner,
    source: input.source,
    active: input.active,
    sectionIds: input.owner === 'park' ? [] : [input.owner],
  };
  if (!input.id) {
    const doc: IndicatorDoc = { _id: `IND-X-${randomBytes(4).toString('hex').toUpperCase()}`, version: 1, metric: null, ...body };
    await ctx.db.collection<IndicatorDoc>(COLL.indicators).add({ data: doc });
    return indicatorView(doc);
  }
  const id = input.id;
  // The old version is kept and the new one written together: a period that fixed its checklist on version n
  // keeps reading version n's copy in its checklist.
  return withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<IndicatorDoc>(COLL.indicators).doc(id);
    const old = (await ref.get()).data;
    if (!old) throw new AppError('NOT_FOUND', '指标不存在');
    const { _id, ...oldBody } = old;
    await tx.collection<IndicatorVersionDoc>(COLL.indicatorVersions).add({ data: { ...oldBody, _id: `${id}_v${old.version}`, indicatorId: _id } });
    const next: IndicatorDoc = { ...old, ...body, version: old.version + 1 };
    const { _id: _ignored, ...nextBody } = next;
    await ref.set({ data: nextBody });
    return indicatorView(next);
  });
};

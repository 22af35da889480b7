import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { type ApplicationDoc } from '../../../shared/applications/review';
import { quarterOf } from '../../../shared/common/time';
import { view } from './lib';

export const apply: Handler<'applications', 'apply'> = async (input, ctx) => {
  const me = await ctx.member();
  const doc: ApplicationDoc = {
    _id: `APP-${randomBytes(5).toString('hex').toUpperCase()}`,
    memberId: me._id,
    memberName: me.name,
    sectionId: me.sectionId ?? '',
    periodId: quarterOf(ctx.now),
    name: input.name,
    reason: input.reason,
    kind: input.kind,
    unit: input.unit,
    target: input.kind === 'quantitative' ? input.target : null,
    status: 'pending_head',
    history: [{ by: me._id, byName: me.name, action: 'apply', reason: input.reason, at: ctx.now }],
    indicatorId: null,
  };
  await ctx.db.collection<ApplicationDoc>(COLL.applications).add({ data: doc });
  return view(doc);
};

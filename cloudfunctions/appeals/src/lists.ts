import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import type { AppealDoc } from '../../../shared/appeals/appeal';
import { LIMITS } from '../../../shared/common/config';
import { AppError } from '../../../shared/common/errors';
import { hasRole } from '../../../shared/members/member';
import { itemOf, loadVisible, viewOf } from './lib';

const OPEN = ['filed', 'accepted', 'resolved'];

async function pageOf(ctx: Parameters<Handler<'appeals', 'mine'>>[1], where: object, cursor: number, order: 'filedAt' | 'nextDueAt') {
  const res = await ctx.db
    .collection<AppealDoc>(COLL.appeals)
    .where(where)
    .orderBy(order, order === 'filedAt' ? 'desc' : 'asc')
    .orderBy('_id', 'asc')
    .skip(cursor)
    .limit(LIMITS.pageSize)
    .get();
  return {
    items: res.data.map((a) => itemOf(a, ctx.now)),
    nextCursor: res.data.length === LIMITS.pageSize ? cursor + LIMITS.pageSize : null,
  };
}

/** The caller's enterprise's appeals, newest first. */
export const mine: Handler<'appeals', 'mine'> = async ({ state, cursor = 0 }, ctx) => {
  const me = await ctx.member();
  if (!me.enterpriseId) throw new AppError('FORBIDDEN', '您的账号未关联企业，请联系园区组织员');
  const _ = ctx.db.command;
  return pageOf(ctx, { enterpriseId: me.enterpriseId, status: state === 'open' ? _.in(OPEN) : 'confirmed' }, cursor, 'filedAt');
};

/**
 * The park side's lists. Whose: a cadre's own assignments; a section head's section (or their own, as a cadre,
 * with no section); leaders and the admin everyone's, or one section's. Overdue ones come most urgent first.
 */
export const inbox: Handler<'appeals', 'inbox'> = async ({ state, sectionId, cursor = 0 }, ctx) => {
  const me = await ctx.member();
  const _ = ctx.db.command;
  const whose: Record<string, unknown> = {};
  if (hasRole(me, 'leader', 'admin')) {
    if (sectionId) whose.sectionId = sectionId;
  } else if (hasRole(me, 'sectionHead') && me.sectionId) {
    whose.sectionId = me.sectionId;
  } else {
    whose.assigneeId = me._id;
  }
  if (state === 'unassigned') {
    if (!hasRole(me, 'admin')) throw new AppError('FORBIDDEN', '只有组织员可以分派诉求');
    return pageOf(ctx, { assigneeId: null, status: _.in(['filed', 'accepted']) }, cursor, 'filedAt');
  }
  if (state === 'overdue') return pageOf(ctx, { ...whose, nextDueAt: _.lt(ctx.now) }, cursor, 'nextDueAt');
  if (state === 'followUp') return pageOf(ctx, { ...whose, followUpOpen: true }, cursor, 'nextDueAt');
  return pageOf(ctx, { ...whose, status: state === 'open' ? _.in(OPEN) : 'confirmed' }, cursor, 'filedAt');
};

export const get: Handler<'appeals', 'get'> = async ({ appealId }, ctx) => {
  const me = await ctx.member();
  return viewOf(ctx, await loadVisible(ctx, appealId, me), me);
};

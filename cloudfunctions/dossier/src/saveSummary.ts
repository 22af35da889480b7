import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import { dossierId } from '../../../shared/dossier/dossier';
import { isOpen, type SummaryDoc } from './lib';

export const saveSummary: Handler<'dossier', 'saveSummary'> = async ({ text }, ctx) => {
  const m = await ctx.member();
  const pid = quarterOf(ctx.now);
  if (!(await isOpen(ctx.db, pid, ctx.now))) throw new AppError('CLOSED');
  await ctx.db
    .collection<SummaryDoc>(COLL.summaries)
    .doc(dossierId(pid, m._id))
    .set({ data: { periodId: pid, memberId: m._id, text, updatedAt: ctx.now } });
  return { periodId: pid, text, updatedAt: ctx.now, open: true };
};

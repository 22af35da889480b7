import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { quarterOf } from '../../../shared/common/time';
import { dossierId } from '../../../shared/dossier/dossier';
import { isOpen, type SummaryDoc } from './lib';

export const summary: Handler<'dossier', 'summary'> = async ({ periodId }, ctx) => {
  const m = await ctx.member();
  const pid = periodId ?? quarterOf(ctx.now);
  const [doc, open] = await Promise.all([
    ctx.db.collection<SummaryDoc>(COLL.summaries).doc(dossierId(pid, m._id)).get(),
    isOpen(ctx.db, pid, ctx.now),
  ]);
  return { periodId: pid, text: doc.data?.text ?? '', updatedAt: doc.data?.updatedAt ?? null, open };
};

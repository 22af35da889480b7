import { COLL } from '../../../server/common/collections';
import type { Handler, TimerCtx } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { closedAt, phase, type CampaignDoc } from '../../../shared/votes/campaign';
import { finishClose, loadCampaign, sectionNames, view } from './lib';

/** Close now, and seal at once: the results are counted and the stored ballots sealed before the reply. */
export const close: Handler<'votes', 'close'> = async ({ campaignId }, ctx) => {
  const c = await loadCampaign(ctx.db, campaignId);
  if (phase(c, ctx.now) === 'draft') throw new AppError('CONFLICT', '测评尚未开始');
  const at = closedAt(c, ctx.now) ?? ctx.now;
  if (c.status !== 'closed' || c.closedAt === null)
    await ctx.db
      .collection<CampaignDoc>(COLL.voteCampaigns)
      .doc(campaignId)
      .update({ data: { status: 'closed', closedAt: at } });
  const closed: CampaignDoc = { ...c, status: 'closed', closedAt: at };
  await finishClose(ctx.db, closed, ctx.now);
  return view(closed, await sectionNames(ctx.db), ctx.now);
};

/**
 * The votes function's timer (config.json): every campaign closed and not yet sealed — one that closed on its
 * time, whether or not anyone looks, or a close cut short — is closed, counted and sealed. One read when there is
 * nothing to do.
 */
export async function onTimer(ctx: TimerCtx): Promise<{ sealed: string[] }> {
  const _ = ctx.db.command;
  const due = await ctx.db
    .collection<CampaignDoc>(COLL.voteCampaigns)
    .where(_.and([{ sealed: _.neq(true) }, _.or([{ status: 'closed' }, { closesAt: _.lte(ctx.now) }])]))
    .limit(100)
    .get();
  const sealed: string[] = [];
  for (const c of due.data) {
    if (phase(c, ctx.now) !== 'closed') continue;
    await finishClose(ctx.db, c, ctx.now);
    sealed.push(c._id);
  }
  return { sealed };
}

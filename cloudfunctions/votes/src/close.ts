import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { phase, type CampaignDoc, type RollDoc } from '../../../shared/votes/campaign';
import { loadCampaign, openCache, sectionNames, view } from './lib';

export const close: Handler<'votes', 'close'> = async ({ campaignId }, ctx) => {
  const c = await loadCampaign(ctx.db, campaignId);
  if (phase(c, ctx.now) === 'draft') throw new AppError('CONFLICT', '测评尚未开始');
  const at = c.closedAt ?? ctx.now;
  if (c.status !== 'closed') {
    await ctx.db
      .collection<CampaignDoc>(COLL.voteCampaigns)
      .doc(campaignId)
      .update({ data: { status: 'closed', closedAt: at } });
    // Every unvoted roll entry learns of the close: a ballot transaction that read it before conflicts on it and,
    // retried, sees it closed.
    await ctx.db
      .collection<RollDoc>(COLL.voteRolls)
      .where({ campaignId, voted: false })
      .update({ data: { closed: true } });
  }
  openCache.delete(campaignId);
  return view({ ...c, status: 'closed', closedAt: at }, await sectionNames(ctx.db), ctx.now);
};

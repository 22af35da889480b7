import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { phase, type CampaignDoc } from '../../../shared/votes/campaign';
import { loadCampaign, sectionNames, view } from './lib';

export const open: Handler<'votes', 'open'> = async ({ campaignId }, ctx) => {
  const c = await loadCampaign(ctx.db, campaignId);
  if (!c.ready) throw new AppError('CONFLICT', '投票人名单尚未生成完整，请重新创建该测评');
  const now = phase(c, ctx.now);
  if (now === 'closed') throw new AppError('CLOSED', '测评已结束，不能重新开启');
  if (now === 'draft')
    await ctx.db
      .collection<CampaignDoc>(COLL.voteCampaigns)
      .doc(campaignId)
      .update({ data: { status: 'open' } });
  return view({ ...c, status: 'open' }, await sectionNames(ctx.db), ctx.now);
};

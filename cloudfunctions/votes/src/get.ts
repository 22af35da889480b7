import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { mayViewCampaign, rollId, type RollDoc } from '../../../shared/votes/campaign';
import { loadCampaign, sectionNames, view } from './lib';

export const get: Handler<'votes', 'get'> = async ({ campaignId }, ctx) => {
  const me = await ctx.member();
  const c = await loadCampaign(ctx.db, campaignId);
  if (!mayViewCampaign(me, 'unknown')) {
    const roll = await ctx.db.collection<RollDoc>(COLL.voteRolls).doc(rollId(campaignId, me._id)).get();
    if (!mayViewCampaign(me, roll.data !== null)) throw new AppError('FORBIDDEN', '您不在本次测评的投票人名单中');
  }
  return view(c, await sectionNames(ctx.db), ctx.now);
};

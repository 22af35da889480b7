import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { candidatesFor, excellentCap } from '../../../shared/votes/ballot';
import { phase, rollId, type RollDoc } from '../../../shared/votes/campaign';
import { loadCampaign, sectionNames, view } from './lib';

export const ballot: Handler<'votes', 'ballot'> = async ({ campaignId }, ctx) => {
  const memberId = await ctx.memberId();
  const [c, roll] = await Promise.all([
    loadCampaign(ctx.db, campaignId),
    ctx.db.collection<RollDoc>(COLL.voteRolls).doc(rollId(campaignId, memberId)).get(),
  ]);
  if (!roll.data) throw new AppError('FORBIDDEN', '您不在本次测评的投票人名单中');
  const status = phase(c, ctx.now);
  if (status === 'draft') throw new AppError('NOT_READY', '测评尚未开始，请等待组织员开启');
  const category = c.categories.find((k) => k.key === roll.data?.category);
  return {
    campaign: view(c, await sectionNames(ctx.db), ctx.now),
    category: roll.data.category,
    categoryLabel: category?.label ?? roll.data.category,
    candidateIds: candidatesFor(c, memberId),
    excellentCap: excellentCap(c, memberId),
    voted: roll.data.voted,
  };
};

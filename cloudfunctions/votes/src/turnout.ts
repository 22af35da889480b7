import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { phase, type RollDoc } from '../../../shared/votes/campaign';
import { loadCampaign } from './lib';

export const turnout: Handler<'votes', 'turnout'> = async ({ campaignId }, ctx) => {
  const c = await loadCampaign(ctx.db, campaignId);
  const byCategory = await Promise.all(
    c.categories.map(async (k) => ({
      category: k.key,
      label: k.label,
      roll: c.rollByCategory[k.key] ?? 0,
      voted: (await ctx.db.collection<RollDoc>(COLL.voteRolls).where({ campaignId, category: k.key, voted: true }).count()).total,
    })),
  );
  return {
    status: phase(c, ctx.now),
    roll: byCategory.reduce((s, k) => s + k.roll, 0),
    voted: byCategory.reduce((s, k) => s + k.voted, 0),
    byCategory,
  };
};

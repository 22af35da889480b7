import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { phase, type RollDoc } from '../../../shared/votes/campaign';
import { enoughBallots, mergeSmallCategories } from '../../../shared/votes/secrecy';
import { loadCampaign } from './lib';

export const turnout: Handler<'votes', 'turnout'> = async ({ campaignId }, ctx) => {
  const c = await loadCampaign(ctx.db, campaignId);
  // Live counts by category would show when a one-person category voted: categories too small to hide in are
  // shown merged with a neighbour, by the same rule as the count (shared/votes/secrecy.ts), on the roll.
  const merge = mergeSmallCategories(c.categories, c.rollByCategory, enoughBallots(c.rules.minGroupSize));
  const byCategory = await Promise.all(
    merge.categories.map(async (k) => {
      const members = c.categories.filter((o) => merge.countedAs[o.key] === k.key).map((o) => o.key);
      const voted = await ctx.db
        .collection<RollDoc>(COLL.voteRolls)
        .where({ campaignId, category: ctx.db.command.in(members), voted: true })
        .count();
      return { category: k.key, label: k.label, roll: members.reduce((s, m) => s + (c.rollByCategory[m] ?? 0), 0), voted: voted.total };
    }),
  );
  return {
    status: phase(c, ctx.now),
    roll: byCategory.reduce((s, k) => s + k.roll, 0),
    voted: byCategory.reduce((s, k) => s + k.voted, 0),
    byCategory,
  };
};

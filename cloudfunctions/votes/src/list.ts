import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { phase, type CampaignDoc, type RollDoc } from '../../../shared/votes/campaign';

export const list: Handler<'votes', 'list'> = async (_input, ctx) => {
  const me = await ctx.member();
  const [rolls, campaigns] = await Promise.all([
    ctx.db.collection<RollDoc>(COLL.voteRolls).where({ memberId: me._id }).limit(100).get(),
    ctx.db.collection<CampaignDoc>(COLL.voteCampaigns).orderBy('createdAt', 'desc').limit(50).get(),
  ]);
  const mine = new Map(rolls.data.map((r) => [r.campaignId, r]));
  const seesAll = me.roles.includes('leader') || me.roles.includes('admin');
  return campaigns.data
    .filter((c) => c.ready && (seesAll || mine.has(c._id)))
    .map((c) => ({
      id: c._id,
      title: c.title,
      kind: c.kind,
      year: c.year,
      status: phase(c, ctx.now),
      onRoll: mine.has(c._id),
      voted: mine.get(c._id)?.voted ?? false,
    }));
};

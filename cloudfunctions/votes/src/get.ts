import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import {
    rollId,
    type RollDoc
} from '../../../shared/votes/campaign';
import { loadCampaign, sectionNames, view } from './lib';

export const get: Handler<'votes', 'get'> = async ({ campaignId }, ctx) => {
      const me = await ctx.member();
      const c = await loadCampaign(ctx.db, campaignId);
      if (!me.roles.some((r) => r === 'admin' || r === 'leader')) {
        const roll = await ctx.db.collection<RollDoc>(COLL.voteRolls).doc(rollId(campaignId, me._id)).get();
        if (!roll.data) throw new AppError('FORBIDDEN', '您不在本次测评的投票人名单中');
      }
      return view(c, await sectionNames(ctx.db), ctx.now);
    };

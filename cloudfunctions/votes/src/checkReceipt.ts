import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { closedAt, rollId, type BallotDoc, type RollDoc } from '../../../shared/votes/campaign';
import { loadCampaign } from './lib';

export const checkReceipt: Handler<'votes', 'checkReceipt'> = async ({ campaignId, receipt }, ctx) => {
  const [c, roll] = await Promise.all([
    loadCampaign(ctx.db, campaignId),
    ctx.db
      .collection<RollDoc>(COLL.voteRolls)
      .doc(rollId(campaignId, (await ctx.member())._id))
      .get(),
  ]);
  if (!roll.data) throw new AppError('FORBIDDEN', '您不在本次测评的投票人名单中');
  if (closedAt(c, ctx.now) === null) throw new AppError('NOT_READY', '测评结束后才能核对回执');
  const [ballot, total] = await Promise.all([
    ctx.db.collection<BallotDoc>(COLL.voteBallots).doc(receipt).get(),
    ctx.db.collection<BallotDoc>(COLL.voteBallots).where({ campaignId }).count(),
  ]);
  if (!ballot.data || ballot.data.campaignId !== campaignId) throw new AppError('NOT_FOUND', '未找到该回执码，请核对后重试');
  return { counted: true, receipts: total.total };
};

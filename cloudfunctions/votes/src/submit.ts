import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { ballotProblems, isVoid, problemMessage } from '../../../shared/votes/ballot';
import { makeReceipt, phase, rollId, type BallotDoc, type RollDoc } from '../../../shared/votes/campaign';
import { loadCampaign } from './lib';

export const submit: Handler<'votes', 'submit'> = async ({ campaignId, ratings }, ctx) => {
  const memberId = await ctx.memberId();
  const c = await loadCampaign(ctx.db, campaignId, true);
  if (phase(c, ctx.now) !== 'open') throw new AppError('CLOSED', '测评未开始或已结束，不能提交');
  const problems = ballotProblems(c, memberId, ratings);
  if (problems.length > 0) {
    const names = new Map(c.candidates.map((x) => [x.id, x.name]));
    const messages = problems.map((p) => problemMessage(p, (id) => names.get(id) ?? id));
    throw new AppError(
      'INVALID_INPUT',
      messages[0],
      messages.map((message) => ({ path: 'ratings', message })),
    );
  }
  const receipt = makeReceipt(randomBytes(12));
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<RollDoc>(COLL.voteRolls).doc(rollId(campaignId, memberId));
    const roll = (await ref.get()).data;
    if (!roll) throw new AppError('FORBIDDEN', '您不在本次测评的投票人名单中');
    if (roll.voted) throw new AppError('CONFLICT', '您已提交过本次测评，每人只能提交一次');
    if (roll.closed) throw new AppError('CLOSED', '测评已结束，不能提交');
    await tx.collection<BallotDoc>(COLL.voteBallots).add({
      data: {
        _id: receipt,
        campaignId,
        category: roll.category,
        voterSectionId: roll.group,
        ratings,
        void: isVoid(c, ratings),
      },
    });
    await ref.update({ data: { voted: true } });
  });
  return { receipt };
};

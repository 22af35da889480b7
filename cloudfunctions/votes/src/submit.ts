import { COLL } from '../../../server/common/collections';
import { isDuplicateKey } from '../../../server/common/cloud';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { ballotProblems, isVoid, problemMessage } from '../../../shared/votes/ballot';
import { phase, rollId, type BallotDoc, type RollDoc } from '../../../shared/votes/campaign';
import { RECEIPT_TAKEN, submitDecision } from '../../../shared/votes/receipt';
import { loadCampaign } from './lib';

/**
 * Cast a ballot under the receipt the phone made: the ballot and the roll's flip commit together, and the same
 * ballot sent again after a lost reply gets the first reply (shared/votes/receipt.ts).
 */
export const submit: Handler<'votes', 'submit'> = async ({ campaignId, ratings, receipt }, ctx) => {
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
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<RollDoc>(COLL.voteRolls).doc(rollId(campaignId, memberId));
    const box = tx.collection<BallotDoc>(COLL.voteBallots).doc(receipt);
    const roll = (await ref.get()).data;
    const decision = submitDecision(roll, roll?.voted ? (await box.get()).data : null, campaignId);
    if (decision.kind === 'refuse') throw new AppError(decision.code, decision.message);
    if (decision.kind === 'replay' || !roll) return;
    try {
      await tx.collection<BallotDoc>(COLL.voteBallots).add({
        data: { _id: receipt, campaignId, category: roll.category, voterSectionId: roll.group, ratings, void: isVoid(c, ratings) },
      });
    } catch (e) {
      // another ballot has this receipt: the phone makes a new one
      if (isDuplicateKey(e)) throw new AppError('CONFLICT', RECEIPT_TAKEN);
      throw e;
    }
    await ref.update({ data: { voted: true } });
  });
  return { receipt };
};

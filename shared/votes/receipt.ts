/**
 * A receipt that survives a lost reply, without anything that ties a voter to it.
 *
 * The phone makes the receipt (`XXXX-XXXX-XXXX`, 12 bytes from the platform's cryptographic random source) before
 * it sends the ballot, and keeps it with the draft. The cloud stores the ballot under that receipt (the ballot's
 * `_id`) and flips the voter's roll entry to voted in the same transaction — as before, nothing else. When the reply
 * is lost and the phone sends again, the roll says "voted"; if the box holds a ballot of this campaign under the
 * receipt the phone sent, that ballot is the phone's own, and the first reply is given again. Otherwise the voter
 * really voted before (another phone, another draft) and is told so.
 *
 * Secrecy: the cloud keeps exactly what it kept before — a roll entry with a boolean and a ballot keyed by a random
 * code, no voter, no time, no request log (votes.submit is not in server/common/replay.ts for this reason). A voter
 * who has voted learns from a replay only whether a receipt they hold is in the box, which checkReceipt tells them
 * after the close anyway; guessing someone else's receipt means guessing ~59 random bits. A receipt chosen by a
 * tampered phone (a pattern instead of random) can only mark its own voter's ballot.
 */
import type { BallotDoc, RollDoc } from './campaign';

/** The phone is asked to make a new receipt (its random one matched another ballot's: ~2^-59 a pair). */
export const RECEIPT_TAKEN = '回执码已被使用，请重新提交';

export type SubmitDecision = { kind: 'cast' } | { kind: 'replay' } | { kind: 'refuse'; code: 'FORBIDDEN' | 'CONFLICT' | 'CLOSED'; message: string };

/**
 * What a ballot sent under `receipt` does, given the sender's roll entry and what the box holds under that receipt
 * (read only when the roll says voted, or when the receipt is taken: an ordinary ballot costs no extra read).
 */
export function submitDecision(
  roll: Pick<RollDoc, 'voted' | 'closed' | 'struck'> | null,
  inBox: Pick<BallotDoc, 'campaignId'> | null,
  campaignId: string,
): SubmitDecision {
  if (!roll) return { kind: 'refuse', code: 'FORBIDDEN', message: '您不在本次测评的投票人名单中' };
  if (roll.voted) {
    if (inBox?.campaignId === campaignId) return { kind: 'replay' };
    return { kind: 'refuse', code: 'CONFLICT', message: '您已提交过本次测评，每人只能提交一次' };
  }
  if (roll.struck) return { kind: 'refuse', code: 'FORBIDDEN', message: '您已不在园区人员名册中，不再参加本次测评' };
  if (roll.closed) return { kind: 'refuse', code: 'CLOSED', message: '测评已结束，不能提交' };
  if (inBox) return { kind: 'refuse', code: 'CONFLICT', message: RECEIPT_TAKEN };
  return { kind: 'cast' };
}

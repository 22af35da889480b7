/**
 * Sending twice acts once. A phone whose reply was lost (a timeout, a dropped network, a refusal on the way back)
 * sends the same request again, with the same request id (client/src/common/call.ts); an action that changes data
 * must then answer with its first reply, not act a second time.
 *
 * `requests/{key}` — key = SHA-256(openid, fn.action, request id): the caller's WeChat identity is not in it — is added as
 * `pending` before the handler runs (an add with a fixed id: of two copies arriving at once, one wins) and becomes
 * `done` with the reply after it succeeds. A copy that finds `done` gets that reply; one that finds `pending` is
 * told BUSY (the first copy is still working; the device tries again shortly); a `pending` older than any function
 * may run is taken over. A refusal changes nothing, so its record is removed and the same request may run again.
 *
 * Not here: the ballot (votes.submit) keeps no such record, because a record of who sent which request would tie a
 * voter to a receipt. It is safe to send twice by its own design (shared/votes/receipt.ts). Nor the day-to-day
 * reports (NAMED below): each names the report it creates from the request key, so a copy finds it there and
 * answers with the dossier as it stands — two database writes fewer a report, which the quarter's last-day burst
 * on the basic plan's 30 requests a second needs (npm run bench).
 *
 * What it leaves: a function killed between its last write and the `done` record leaves `pending`; once that is
 * stale, a retry runs the handler again. Handlers that create records name them from the request key (`ctx.requestKey`),
 * so that second run finds its record already there instead of adding another.
 */
import { createHash } from 'crypto';
import type { ActionName, FnName } from '../../shared/contracts';
import { AppError, type Reply } from '../../shared/common/errors';
import { isDuplicateKey, type Database } from './cloud';
import { COLL } from './collections';

/** Every action that changes data, except the ballot (see above). */
export const REPLAYED: { [F in FnName]: readonly ActionName<F>[] } = {
  members: ['bind', 'issueInvite', 'addContact', 'savePerson', 'change', 'yearStatus', 'leave', 'unbind', 'signOut'],
  park: ['saveCalendar', 'setup', 'saveSettings', 'saveSection', 'orderSections', 'retireSection', 'saveEnterprise', 'retireEnterprise'],
  // a commit goes on where the last call stopped (its plan keeps how far it got): a copy finds the plan further on
  imports: ['preview'],
  projects: ['claim', 'reach', 'correct', 'plan', 'retire', 'create', 'saveSettings'],
  dossier: ['saveSummary', 'confirmVisit', 'saveSettings'],
  indicators: ['save', 'saveWeights', 'saveGroup'],
  applications: ['apply', 'review'],
  assessment: ['evaluateStaff', 'evaluateSection', 'draw', 'spotCheck', 'openPeriod', 'close', 'correct'],
  votes: ['create', 'open', 'close'],
  appeals: ['accept', 'progress', 'resolve', 'confirm', 'reopen', 'rate', 'callBack', 'rectify', 'contest', 'decide', 'reassign'],
  // ratings.submit keeps no request record, for the ballot's reason: it would tie a caller to a rating. A second
  // copy finds its code used and says so; the first copy's rating stands.
  ratings: ['create', 'draw', 'close'],
  annual: ['saveFormula', 'compute', 'adjust', 'confirm', 'publish', 'notify', 'acknowledge', 'requestReview', 'answerReview'],
  audit: [],
  cards: ['issue', 'withhold', 'lift'],
  pay: ['saveSettings', 'release'],
  feedback: ['send', 'acknowledge', 'recordTalk', 'publishBulletin'],
  // a run is once a day by its own record (cloudfunctions/reminders/src/run.ts); an answer counted twice would
  // claim a message the person never allowed
  reminders: ['subscribe'],
};

/** Actions safe to send twice because they name what they create from the request key (ctx.requestKey). */
export const NAMED: { [F in FnName]?: readonly ActionName<F>[] } = {
  dossier: ['record', 'recordVisit'],
  appeals: ['file'],
};

/** Longer than any function's timeout (60 s at most): a `pending` this old belongs to no running copy. */
export const STALE_PENDING_MS = 90_000;

export interface RequestDoc {
  _id: string;
  state: 'pending' | 'done';
  at: number;
  reply?: Reply<unknown>;
}

export function isReplayed(fn: FnName, action: string): boolean {
  return (REPLAYED[fn] as readonly string[]).includes(action);
}

export function isNamed(fn: FnName, action: string): boolean {
  return ((NAMED[fn] ?? []) as readonly string[]).includes(action);
}

export function requestKey(openid: string, fn: string, action: string, requestId: string): string {
  return createHash('sha256').update(`${openid}\n${fn}.${action}\n${requestId}`).digest('hex').slice(0, 40);
}

/** Run `work` once per key: a copy of a finished request gets the first reply. */
export async function replayOnce(db: Database, key: string, now: number, work: () => Promise<Reply<unknown>>): Promise<Reply<unknown>> {
  const coll = db.collection<RequestDoc>(COLL.requests);
  try {
    await coll.add({ data: { _id: key, state: 'pending', at: now } });
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    const seen = (await coll.doc(key).get()).data;
    if (seen?.state === 'done' && seen.reply) return seen.reply;
    if (seen && now - seen.at < STALE_PENDING_MS) throw new AppError('BUSY', '上一次提交仍在处理中，请稍候');
    await coll.doc(key).set({ data: { state: 'pending', at: now } });
  }
  let reply: Reply<unknown>;
  try {
    reply = await work();
  } catch (e) {
    await coll
      .doc(key)
      .remove()
      .catch(() => undefined);
    throw e;
  }
  if (reply.code === 0) await coll.doc(key).set({ data: { state: 'done', at: now, reply } });
  else
    await coll
      .doc(key)
      .remove()
      .catch(() => undefined);
  return reply;
}

/**
 * How long a finished request's record is kept: far longer than a phone goes on retrying (minutes) or keeps a draft
 * with its request id, and no longer — the record holds the reply, and what is not needed is not kept.
 */
export const REQUEST_KEPT_MS = 30 * 24 * 3600 * 1000;

/** Remove the request records older than REQUEST_KEPT_MS (one request, outside any transaction); returns how many. */
export async function purgeRequests(db: Database, now: number): Promise<{ removed: number }> {
  const r = await db
    .collection<RequestDoc>(COLL.requests)
    .where({ at: db.command.lt(now - REQUEST_KEPT_MS) })
    .remove();
  return { removed: r.stats.removed };
}

/**
 * members: who the caller is, binding a WeChat identity with an invite code, the admin's invites and enterprise contacts.
 */
import { purgeRequests } from '../../../server/common/replay';
import { defineTimedFunction } from '../../../server/common/router';
import { me } from './me';
import { bind } from './bind';
import { issueInvite } from './issueInvite';
import { roster } from './roster';
import { addContact } from './addContact';
import { leave, people, savePerson, signOut, unbind } from './people';
import { change } from './change';

/**
 * The members function's action table (who may call each action: shared/access.ts). Its nightly tick removes the
 * request records past keeping: they are keyed by the caller's identity (server/common/replay.ts).
 */
export const main = defineTimedFunction(
  'members',
  { me, bind, issueInvite, roster, addContact, people, savePerson, change, leave, unbind, signOut },
  (ctx) => purgeRequests(ctx.db, ctx.now),
);

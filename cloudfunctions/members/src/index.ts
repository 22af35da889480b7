/**
 * members: who the caller is, binding a WeChat identity with an invite code, and the admin's invites.
 */
import { defineFunction } from '../../../server/common/router';
import { me } from './me';
import { bind } from './bind';
import { issueInvite } from './issueInvite';
import { roster } from './roster';

/** The members function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('members', { me, bind, issueInvite, roster });

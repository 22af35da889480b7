/**
 * members: who the caller is, binding a WeChat identity with an invite code, the admin's invites and enterprise contacts.
 */
import { defineFunction } from '../../../server/common/router';
import { me } from './me';
import { bind } from './bind';
import { issueInvite } from './issueInvite';
import { roster } from './roster';
import { addContact } from './addContact';

/** The members function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('members', { me, bind, issueInvite, roster, addContact });

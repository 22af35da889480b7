/**
 * Invite codes: the admin issues one per person; the first WeChat identity that enters it is bound to that person.
 * Single use, expiring after `INVITE.ttlDays`. The random source is passed in so that this stays pure.
 */
import { INVITE } from './config';

export interface InviteDoc {
  _id: string; // the code itself, so that lookup and uniqueness are one document
  memberId: string;
  issuedBy: string;
  issuedAt: number;
  expiresAt: number;
  usedAt: number | null;
  usedByOpenid: string | null;
}

/** Make a code from random bytes (one byte a letter; modulo bias over 31 letters is negligible here). */
export function makeInviteCode(randomBytes: Uint8Array): string {
  if (randomBytes.length < INVITE.length) throw new Error('not enough random bytes');
  let code = '';
  for (let i = 0; i < INVITE.length; i += 1) {
    code += INVITE.alphabet[(randomBytes[i] ?? 0) % INVITE.alphabet.length];
  }
  return code;
}

export type InviteProblem = 'used' | 'expired';

export function inviteProblem(inv: Pick<InviteDoc, 'usedAt' | 'expiresAt'>, nowMs: number): InviteProblem | null {
  if (inv.usedAt !== null) return 'used';
  if (nowMs >= inv.expiresAt) return 'expired';
  return null;
}

/** Page the invite's mini-program code opens; the code travels as `scene`. */
export const BIND_PAGE = 'pages/bind/index';

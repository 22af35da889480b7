import { INVITE } from '../../../shared/members/config';
import { inviteProblem, makeInviteCode } from '../../../shared/members/invite';

describe('invite codes', () => {
  it('are made of unambiguous letters and digits only, at the configured length', () => {
    const code = makeInviteCode(Uint8Array.from({ length: INVITE.length }, (_, i) => i * 37));
    expect(code).toHaveLength(INVITE.length);
    expect(code).toMatch(new RegExp(`^[${INVITE.alphabet}]+$`));
    expect(code).not.toMatch(/[01OIL]/);
  });

  it('refuse too little randomness', () => {
    expect(() => makeInviteCode(new Uint8Array(INVITE.length - 1))).toThrow();
  });

  it('work until the moment they expire, and once only', () => {
    const expiresAt = 1_000_000;
    expect(inviteProblem({ usedAt: null, expiresAt }, expiresAt - 1)).toBeNull();
    expect(inviteProblem({ usedAt: null, expiresAt }, expiresAt)).toBe('expired');
    expect(inviteProblem({ usedAt: 5, expiresAt }, 10)).toBe('used');
  });
});

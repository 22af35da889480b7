/** Invite codes' named numbers. */
export const INVITE = {
  /** Days an invite code stays valid. */
  ttlDays: 7,
  /** Letters of an invite code. Fits the 32-character `scene` of a mini-program code. */
  length: 8,
  /** No 0/O, 1/I/L: people type these codes off a screen. */
  alphabet: 'ABCDEFGHJKMNPQRSTUVWXYZ23456789',
} as const;

/** Enterprise contacts (企业联系人). */
export const CONTACTS = {
  /** Contacts one enterprise may have: its head, a project lead, an office clerk — a few, not a staff list. */
  perEnterpriseMax: 5,
} as const;

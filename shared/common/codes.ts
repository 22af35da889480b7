/**
 * One-time codes carried by a mini-program code's `scene` (WeChat allows 32 visible characters): a satisfaction
 * rating's (`r=<code>`, shared/ratings) and a visit confirmation's (`v=<code>`, shared/dossier). Twelve characters
 * from an alphabet without look-alikes (no I, L, O, 0, 1): about 59 bits, typed by hand from a printed sheet if
 * need be.
 */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 12;
export const CODE_PATTERN = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A code from 12 random bytes (the caller's: crypto in a function, a seeded generator in the demo). */
export function makeCode(bytes: Uint8Array): string {
  if (bytes.length < CODE_LENGTH) throw new Error('not enough random bytes');
  let s = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) s += CODE_ALPHABET[(bytes[i] ?? 0) % CODE_ALPHABET.length];
  return s;
}

/** The scene of a mini-program code: `r=ABCD…` (a rating) or `v=ABCD…` (a visit), 14 characters of the 32. */
export function sceneWith(key: 'r' | 'v', code: string): string {
  return `${key}=${code}`;
}

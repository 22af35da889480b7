/**
 * The unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters — the registering authority (1),
 * the kind of organisation (1), the administrative division (6 digits), the organisation code (9) and a check
 * character (1) — from an alphabet of 31 (digits and capitals without I, O, Z, S, V). The check character is
 * 31 − (Σ value × weight mod 31), with 31 written as 0 (the standard's §4 and annex: weights 3^(i−1) mod 31).
 */
export const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters, or null when one of them is not in the alphabet. */
export function creditCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = CREDIT_ALPHABET.indexOf(first17[i] ?? '');
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  const c = 31 - (sum % 31);
  return CREDIT_ALPHABET[c === 31 ? 0 : c] ?? null;
}

/**
 * A valid code for an enterprise registered with market regulation (91) in 吉州区 (360802) whose nine-character
 * organisation code is `n` written in the alphabet: distinct numbers, distinct codes (demo, tests and bench data).
 */
export function creditCodeOf(n: number, division = '360802'): string {
  let org = '';
  let x = Math.floor(Math.abs(n));
  for (let i = 0; i < 9; i += 1) {
    org = (CREDIT_ALPHABET[x % CREDIT_ALPHABET.length] ?? '0') + org;
    x = Math.floor(x / CREDIT_ALPHABET.length);
  }
  const first17 = `91${division}${org}`;
  return `${first17}${creditCheckChar(first17) ?? '0'}`;
}

/** A code as people type it: spaces gone, letters capital. */
export function normalizeCreditCode(s: string): string {
  return s.replace(/[\s-]/g, '').toUpperCase();
}

/** What is wrong with a (normalized) code, in Chinese, or null when it is a valid code. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `统一社会信用代码应为18位，这里是${code.length}位`;
  const bad = [...code].find((ch) => !CREDIT_ALPHABET.includes(ch));
  if (bad !== undefined) return `统一社会信用代码不能含有“${bad}”（不使用 I、O、Z、S、V）`;
  if (!/^\d{6}$/.test(code.slice(2, 8))) return '统一社会信用代码第3至8位应为行政区划代码（数字）';
  const check = creditCheckChar(code.slice(0, 17));
  if (check !== code[17]) return '统一社会信用代码校验位不符，请核对是否抄错';
  return null;
}

/**
 * The one-time code a page was opened with: `code` (a link, or typed), or the scanned mini-program code's `scene`
 * (`r=<CODE>` a rating, `v=<CODE>` a visit; URL-encoded by the platform). Uppercase letters and digits only, as the
 * code is printed. Empty when there is none.
 */
export function codeFromParams(params: { code?: string; scene?: string }, key: 'r' | 'v'): string {
  const normalize = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const decode = (raw: string) => {
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };
  if (params.code) return normalize(decode(params.code));
  if (!params.scene) return '';
  const m = new RegExp(`(?:^|&)${key}=([^&]+)`).exec(decode(params.scene));
  return m?.[1] ? normalize(m[1]) : '';
}

/** What the satisfaction campaign's pages (企业评) share: the code from a scan, labels, figures as shown. */
import { MIN_RATERS } from '../../../shared/ratings/rating';
import type { RatingCampaignView } from '../../../shared/ratings/contract';

/** Uppercase letters and digits only, as the code is printed. */
const normalize = (s: string): string => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The code a page was opened with: `code` (a link), or the scanned mini-program code's `scene` (`r=<CODE>`,
 * URL-encoded by the platform). Empty when there is none.
 */
export function codeFromParams(params: { code?: string; scene?: string }): string {
  const decode = (raw: string) => {
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };
  if (params.code) return normalize(decode(params.code));
  if (!params.scene) return '';
  const m = /(?:^|&)r=([^&]+)/.exec(decode(params.scene));
  return m?.[1] ? normalize(m[1]) : '';
}

export const STATUS_LABELS: Record<RatingCampaignView['status'], string> = { draft: '待抽样', open: '评价中', closed: '已结束' };
export const STATUS_TAG: Record<RatingCampaignView['status'], string> = { draft: 'tag-grey', open: 'tag-ok', closed: 'tag-no' };

/** The share choices offered when creating a campaign (the contract allows 20%–30%). */
export const SHARES = [0.2, 0.25, 0.3] as const;

export const percent = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** A published figure, or why it is withheld. */
export const WITHHELD = `不足${MIN_RATERS}份，不公布`;
export const SHORT_WITHHELD = `不足${MIN_RATERS}份`;

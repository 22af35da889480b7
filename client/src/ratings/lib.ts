/** What the satisfaction campaign's pages (企业评) share: the code from a scan, labels, figures as shown. */
import { MIN_RATERS } from '../../../shared/ratings/rating';
import type { RatingCampaignView } from '../../../shared/ratings/contract';

export const STATUS_LABELS: Record<RatingCampaignView['status'], string> = { draft: '待抽样', open: '评价中', closed: '已结束' };
export const STATUS_TAG: Record<RatingCampaignView['status'], string> = { draft: 'tag-grey', open: 'tag-ok', closed: 'tag-no' };

/** The share choices offered when creating a campaign (the contract allows 20%–30%). */
export const SHARES = [0.2, 0.25, 0.3] as const;

export const percent = (x: number): string => `${Math.round(x * 1000) / 10}%`;

/** A published figure, or why it is withheld. */
export const WITHHELD = `不足${MIN_RATERS}份，不公布`;
export const SHORT_WITHHELD = `不足${MIN_RATERS}份`;

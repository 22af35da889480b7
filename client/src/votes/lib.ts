/** Small helpers shared by the vote pages: labels, the rules' spec from a campaign view, ballot storage. */
import Taro from '@tarojs/taro';
import type { OutputOf } from '../../../shared/contracts';
import { GRADES, type CampaignSpec, type Ratings, type RatingValue } from '../../../shared/votes/config';

export type CampaignView = OutputOf<'votes', 'ballot'>['campaign'];
export type CampaignStatus = CampaignView['status'];

export const STATUS_LABELS: Record<CampaignStatus, string> = { draft: '未开始', open: '进行中', closed: '已结束' };
export const STATUS_TAG: Record<CampaignStatus, string> = { draft: 'tag-grey', open: 'tag-ok', closed: 'tag-no' };

/** The pure rules need a CampaignSpec; the view carries the same settings (section ids are not used by them). */
export function specOf(c: CampaignView): CampaignSpec {
  return {
    candidates: c.candidates.map((x) => ({ id: x.id, name: x.name, sectionId: null })),
    categories: c.categories,
    dimensions: c.dimensions,
    scale: c.scale,
    rules: c.rules,
  };
}

/** `c=<campaignId>` from a mini-program code's scene (URL-encoded by the platform). */
export function campaignFromScene(raw: string | undefined): string {
  if (!raw) return '';
  let s = raw;
  try {
    s = decodeURIComponent(raw);
  } catch {
    // keep as is
  }
  const m = /(?:^|&)c=([^&]+)/.exec(s);
  return m?.[1] ?? '';
}

export const ballotKey = (campaignId: string) => `ys.ballot.${campaignId}`;
export const receiptKey = (campaignId: string) => `ys.receipt.${campaignId}`;

function validValue(c: CampaignView, v: unknown): v is RatingValue {
  if (c.scale.type === 'grades') return typeof v === 'string' && (GRADES as readonly string[]).includes(v);
  return typeof v === 'number' && Number.isFinite(v) && v >= c.scale.min && v <= c.scale.max;
}

/** What was entered on this device, kept to whom this voter rates and to values on the scale. */
export function loadDraft(c: CampaignView, candidateIds: string[]): Ratings {
  let raw: unknown;
  try {
    raw = Taro.getStorageSync(ballotKey(c.id));
    if (typeof raw === 'string') raw = raw ? JSON.parse(raw) : null;
  } catch {
    return {};
  }
  if (!raw || typeof raw !== 'object') return {};
  const dims = new Set(c.dimensions.map((d) => d.key));
  const out: Ratings = {};
  for (const id of candidateIds) {
    const byDim = (raw as Record<string, unknown>)[id];
    if (!byDim || typeof byDim !== 'object') continue;
    const kept: Record<string, RatingValue> = {};
    for (const [k, v] of Object.entries(byDim as Record<string, unknown>)) if (dims.has(k) && validValue(c, v)) kept[k] = v;
    if (Object.keys(kept).length > 0) out[id] = kept;
  }
  return out;
}

export function saveDraft(campaignId: string, ratings: Ratings): void {
  try {
    Taro.setStorageSync(ballotKey(campaignId), JSON.stringify(ratings));
  } catch {
    // storage full or unavailable: the ballot still works, only not across a restart
  }
}

export function clearDraft(campaignId: string): void {
  try {
    Taro.removeStorageSync(ballotKey(campaignId));
  } catch {
    // ignore
  }
}

export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

/** A share as regulations write it: 2/3 and 1/3 as fractions, anything else as a percentage. */
export function shareText(x: number): string {
  if (Math.abs(x - 2 / 3) < 1e-9) return '2/3';
  if (Math.abs(x - 1 / 3) < 1e-9) return '1/3';
  return `${Math.round(x * 100)}%`;
}

export { parkInstant, parkTimeText } from '../../../shared/common/time';

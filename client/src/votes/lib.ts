/** Small helpers shared by the vote pages: labels, the rules' spec from a campaign view, ballot storage. */
import Taro from '@tarojs/taro';
import type { OutputOf } from '../../../shared/contracts';
import { makeReceipt } from '../../../shared/votes/campaign';
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
/** The receipt this phone made for its ballot, before the cloud confirmed it (shared/votes/receipt.ts). */
export const pendingReceiptKey = (campaignId: string) => `ys.receipt.pending.${campaignId}`;

/** 12 bytes from the platform's cryptographic random source. */
async function secureRandomBytes(n: number): Promise<Uint8Array> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.getRandomValues({ length: n });
    return new Uint8Array(res.randomValues);
  }
  return globalThis.crypto.getRandomValues(new Uint8Array(n));
}

function readString(key: string): string | null {
  try {
    const v: unknown = Taro.getStorageSync(key);
    return typeof v === 'string' && v ? v : null;
  } catch {
    return null;
  }
}

/** The receipt this phone's ballot goes under: the one made before (a retry after a lost reply), or a new one. */
export async function pendingReceipt(campaignId: string): Promise<string> {
  const kept = readString(pendingReceiptKey(campaignId));
  if (kept) return kept;
  const receipt = makeReceipt(await secureRandomBytes(12));
  try {
    Taro.setStorageSync(pendingReceiptKey(campaignId), receipt);
  } catch {
    // storage unavailable: the receipt still goes with this submission and its retries
  }
  return receipt;
}

export const keptPendingReceipt = (campaignId: string): string | null => readString(pendingReceiptKey(campaignId));

/** The cloud confirmed the ballot: its receipt is the voter's, for the receipt check. */
export function confirmReceipt(campaignId: string, receipt: string): void {
  try {
    Taro.setStorageSync(receiptKey(campaignId), receipt);
    Taro.removeStorageSync(pendingReceiptKey(campaignId));
  } catch {
    // the voter still sees the code
  }
}

/** Another ballot had this receipt: make a new one on the next try. */
export function dropPendingReceipt(campaignId: string): void {
  try {
    Taro.removeStorageSync(pendingReceiptKey(campaignId));
  } catch {
    // ignore
  }
}

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

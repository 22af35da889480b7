/**
 * The set-up form's settings as typed (numbers kept as text until sent), what of them goes to votes.create, and
 * where a problem is shown. Pure: the page holds the state.
 */
import type { InputOf } from '../../../../shared/contracts';
import type { CampaignKind } from '../../../../shared/votes/contract';
import { DEFAULT_CATEGORIES, DEFAULT_DIMENSIONS, DEFAULT_GRADE_POINTS, DEFAULT_RULES, GRADES, type Grade } from '../../../../shared/votes/config';
import { parkInstant } from '../../../../shared/common/time';

export const KINDS: CampaignKind[] = ['rate_leadership', 'leaders_rate_cadres', 'peer'];
export const KIND_HINTS: Record<CampaignKind, string> = {
  rate_leadership: '对象：班子成员；投票人：班子成员、股室负责人、干部',
  leaders_rate_cadres: '对象：股室负责人和干部；投票人：班子成员',
  peer: '对象：股室负责人和干部；投票人：股室负责人和干部（不评自己）',
};
/** The voter categories on each kind's roll (see rosterFor): only these are weighted. */
const KIND_CATEGORIES: Record<CampaignKind, string[]> = {
  rate_leadership: ['leader', 'sectionHead', 'cadre'],
  leaders_rate_cadres: ['leader'],
  peer: ['sectionHead', 'cadre'],
};
/** The points scale's widest range the contract allows. */
const POINTS_RANGE = { min: 0, max: 100 };
/** Times proposed when a day is first picked (the admin changes them). */
const DEFAULT_OPEN_TIME = '09:00';
const DEFAULT_CLOSE_TIME = '18:00';

type CreateInput = InputOf<'votes', 'create'>;
type Rules = NonNullable<CreateInput['rules']>;
export type ShareKey = 'excellentShareMax' | 'turnoutFloor' | 'admonishBelow' | 'adjustAbove';
type CountKey = 'trimAbove' | 'minGroupSize';
export type CutKey = keyof typeof DEFAULT_RULES.gradeCutoffs;
const SHARE_KEYS: ShareKey[] = ['excellentShareMax', 'turnoutFloor', 'admonishBelow', 'adjustAbove'];
export const CUT_KEYS: CutKey[] = ['excellent', 'competent', 'basic'];
export type Category = (typeof DEFAULT_CATEGORIES)[number];

/** A share as the admin types it: percent, one decimal (2/3 → 66.7). */
export const pctText = (x: number) => String(Math.round(x * 1000) / 10);
const num = (s: string) => (s.trim() === '' ? NaN : Number(s.trim()));

export interface When {
  day: string;
  time: string;
}

/** 高级设置 as typed; they start at the regulation's defaults. */
export interface Settings {
  dimW: string[];
  catW: Record<string, string>;
  scaleType: 'grades' | 'points';
  gradePts: Record<Grade, string>;
  ptsMin: string;
  ptsMax: string;
  shares: Record<ShareKey, string>;
  counts: Record<CountKey, string>;
  voidIfAllSame: boolean;
  cuts: Record<CutKey, string>;
  opens: When;
  closes: When;
}

export function defaultSettings(): Settings {
  return {
    dimW: DEFAULT_DIMENSIONS.map((d) => String(d.weight)),
    catW: Object.fromEntries(DEFAULT_CATEGORIES.map((k) => [k.key, String(k.weight)])),
    scaleType: 'grades',
    gradePts: Object.fromEntries(GRADES.map((g) => [g, String(DEFAULT_GRADE_POINTS[g])])) as Record<Grade, string>,
    ptsMin: String(POINTS_RANGE.min),
    ptsMax: String(POINTS_RANGE.max),
    shares: Object.fromEntries(SHARE_KEYS.map((k) => [k, pctText(DEFAULT_RULES[k])])) as Record<ShareKey, string>,
    counts: { trimAbove: String(DEFAULT_RULES.trimAbove), minGroupSize: String(DEFAULT_RULES.minGroupSize) },
    voidIfAllSame: DEFAULT_RULES.voidIfAllSame,
    cuts: Object.fromEntries(CUT_KEYS.map((k) => [k, String(DEFAULT_RULES.gradeCutoffs[k])])) as Record<CutKey, string>,
    opens: { day: '', time: DEFAULT_OPEN_TIME },
    closes: { day: '', time: DEFAULT_CLOSE_TIME },
  };
}

/** The voter categories weighted for a kind, in the defaults' order. */
export function categoriesOf(kind: CampaignKind): Category[] {
  return KIND_CATEGORIES[kind].map((key) => DEFAULT_CATEGORIES.find((k) => k.key === key)).filter((k): k is Category => k !== undefined);
}

/** Whether a share is still its default (66.7 shown is the default 2/3 itself). */
export const isDefaultShare = (s: Settings, k: ShareKey) => s.shares[k] === pctText(DEFAULT_RULES[k]);

/** The input with only what the admin changed (the server applies its defaults to the rest), and typing errors. */
export function build(
  basics: { title: string; kind: CampaignKind; year: string },
  s: Settings,
): { input: Record<string, unknown>; typed: Record<string, string> } {
  const typed: Record<string, string> = {};
  const read = (path: string, t: string): number => {
    const n = num(t);
    if (!Number.isFinite(n)) typed[path] ??= '请输入数字';
    return n;
  };
  const input: Record<string, unknown> = { title: basics.title, kind: basics.kind, year: Number(basics.year) };

  if (DEFAULT_DIMENSIONS.some((d, i) => s.dimW[i] !== String(d.weight))) {
    input.dimensions = DEFAULT_DIMENSIONS.map((d, i) => ({ ...d, weight: read(`dimensions.${i}.weight`, s.dimW[i] ?? '') }));
  }
  const kindCategories = categoriesOf(basics.kind);
  if (kindCategories.some((k) => s.catW[k.key] !== String(k.weight))) {
    input.categories = kindCategories.map((k, i) => ({ ...k, weight: read(`categories.${i}.weight`, s.catW[k.key] ?? '') }));
  }
  if (s.scaleType === 'points') {
    input.scale = { type: 'points', min: read('scale.min', s.ptsMin), max: read('scale.max', s.ptsMax) };
  } else if (GRADES.some((g) => s.gradePts[g] !== String(DEFAULT_GRADE_POINTS[g]))) {
    input.scale = {
      type: 'grades',
      points: Object.fromEntries(GRADES.map((g) => [g, read(`scale.points.${g}`, s.gradePts[g])])),
    };
  }

  const rules: Partial<Record<keyof Rules, unknown>> = {};
  for (const k of SHARE_KEYS) {
    // 66.7 left as shown is the default 2/3 itself, so it is not sent at all.
    if (!isDefaultShare(s, k)) rules[k] = read(`rules.${k}`, s.shares[k]) / 100;
  }
  for (const k of ['trimAbove', 'minGroupSize'] as const) {
    if (s.counts[k] !== String(DEFAULT_RULES[k])) rules[k] = read(`rules.${k}`, s.counts[k]);
  }
  if (s.voidIfAllSame !== DEFAULT_RULES.voidIfAllSame) rules.voidIfAllSame = s.voidIfAllSame;
  if (CUT_KEYS.some((k) => s.cuts[k] !== String(DEFAULT_RULES.gradeCutoffs[k]))) {
    rules.gradeCutoffs = Object.fromEntries(CUT_KEYS.map((k) => [k, read('rules.gradeCutoffs', s.cuts[k])]));
  }
  if (Object.keys(rules).length > 0) input.rules = rules;

  if (s.opens.day) input.opensAt = parkInstant(s.opens.day, s.opens.time);
  if (s.closes.day) input.closesAt = parkInstant(s.closes.day, s.closes.time);
  return { input, typed };
}

/** What the contract cannot know: weights that add up to nothing, cut-offs out of order, a closing time gone. */
export function sense(c: CreateInput): [string, string][] {
  const out: [string, string][] = [];
  if (c.dimensions && c.dimensions.reduce((s, d) => s + d.weight, 0) <= 0) out.push(['dimensions', '权重合计应大于0']);
  if (c.categories && c.categories.reduce((s, k) => s + k.weight, 0) <= 0) out.push(['categories', '权重合计应大于0']);
  const cut = { ...DEFAULT_RULES.gradeCutoffs, ...c.rules?.gradeCutoffs };
  if (!(cut.excellent > cut.competent && cut.competent > cut.basic)) {
    out.push(['rules.gradeCutoffs', '分数线应依次降低：优秀 > 称职 > 基本称职']);
  }
  if (typeof c.closesAt === 'number' && c.closesAt <= Date.now()) out.push(['closesAt', '结束时间已过，请重新选择']);
  return out;
}

/** Every place an error can be shown, by the dotted path of the input it belongs to. */
function fieldsOf(kind: CampaignKind): Set<string> {
  const out = new Set<string>(['title', 'kind', 'year', 'dimensions', 'categories', 'scale', 'scale.min', 'scale.max', 'opensAt', 'closesAt']);
  DEFAULT_DIMENSIONS.forEach((_, i) => out.add(`dimensions.${i}.weight`));
  KIND_CATEGORIES[kind].forEach((_, i) => out.add(`categories.${i}.weight`));
  for (const g of GRADES) out.add(`scale.points.${g}`);
  for (const k of [...SHARE_KEYS, 'trimAbove', 'minGroupSize', 'voidIfAllSame', 'gradeCutoffs']) out.add(`rules.${k}`);
  return out;
}
/** The fields shown outside 高级设置. */
export const BASIC_FIELDS = new Set(['title', 'kind', 'year', 'form']);

function fieldOf(path: string, fields: Set<string>): string {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const k = parts.slice(0, n).join('.');
    if (fields.has(k)) return k;
  }
  return 'form';
}

function messageFor(field: string, message: string): string {
  if (field === 'year') return '年度应为2020–2100之间的整数';
  if (SHARE_KEYS.some((k) => field === `rules.${k}`)) return '请填写0–100之间的百分数';
  return message;
}

/** Problems (by input path) as the first message for each field that shows one. */
export function errorsByField(kind: CampaignKind, problems: { path: string; message: string }[]): Record<string, string> {
  const fields = fieldsOf(kind);
  const found: Record<string, string> = {};
  for (const p of problems) {
    const f = fieldOf(p.path, fields);
    found[f] ??= messageFor(f, p.message);
  }
  return found;
}

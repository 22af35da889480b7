/** The indicator form's draft (numbers kept as typed, parsed on save), and how a scoring rule reads. Pure. */
import type { OutputOf } from '../../../../shared/contracts';
import type { Direction, IndicatorClass, IndicatorKind, QuantRule } from '../../../../shared/indicators/contract';

export type Indicator = OutputOf<'indicators', 'library'>[number];
export type RuleType = QuantRule['type'];

export const CLASSES: IndicatorClass[] = ['key', 'personal', 'incentive'];
export const KINDS: IndicatorKind[] = ['quantitative', 'qualitative'];
export const DIRECTIONS: { key: Direction; label: string }[] = [
  { key: 'higher', label: '越高越好' },
  { key: 'lower', label: '越低越好' },
];
export const RULES: { key: RuleType; label: string; help: string }[] = [
  { key: 'proportional', label: '按比例', help: '完成值 ÷ 目标值 × 100，不超过上限' },
  { key: 'tiers', label: '分档', help: '达到某档门槛得该档分值（门槛以指标单位计）' },
  { key: 'deduction', label: '扣分', help: '达到目标得100分，每差1个单位扣若干分，不低于保底分' },
  { key: 'bonus', label: '加分', help: '达到目标得100分，每超1个单位加若干分，加分不超过上限' },
];

/** The form keeps numbers as typed text; they are parsed on save. */
export interface Draft {
  id?: string;
  version?: number;
  name: string;
  class: IndicatorClass;
  kind: IndicatorKind;
  group: string;
  unit: string;
  direction: Direction;
  target: string;
  ruleType: RuleType;
  cap: string;
  perUnit: string;
  floor: string;
  tiers: { atLeast: string; points: string }[];
  owner: string;
  source: string;
  active: boolean;
}

const s = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const n = (t: string) => (t.trim() === '' ? Number.NaN : Number(t));

/** A scoring rule's numbers as the form shows them; a new indicator starts proportional, capped at 100. */
function ruleDraft(r: QuantRule | null): Pick<Draft, 'ruleType' | 'cap' | 'perUnit' | 'floor' | 'tiers'> {
  const none = { cap: '', perUnit: '', floor: '', tiers: [{ atLeast: '', points: '' }] };
  if (!r) return { ...none, ruleType: 'proportional', cap: '100' };
  switch (r.type) {
    case 'proportional':
      return { ...none, ruleType: r.type, cap: s(r.cap) };
    case 'bonus':
      return { ...none, ruleType: r.type, cap: s(r.cap), perUnit: s(r.perUnit) };
    case 'deduction':
      return { ...none, ruleType: r.type, perUnit: s(r.perUnit), floor: s(r.floor) };
    case 'tiers':
      return { ...none, ruleType: r.type, tiers: r.tiers.map((t) => ({ atLeast: s(t.atLeast), points: s(t.points) })) };
  }
}

/** The form for an indicator (its latest version), or for a new one. */
export function draftOf(i: Indicator | null): Draft {
  if (!i) {
    return {
      name: '',
      class: 'key',
      kind: 'quantitative',
      group: '',
      unit: '',
      direction: 'higher',
      target: '',
      ...ruleDraft(null),
      owner: 'park',
      source: '',
      active: true,
    };
  }
  return {
    id: i.id,
    version: i.version,
    name: i.name,
    class: i.class,
    kind: i.kind,
    group: i.group,
    unit: i.unit ?? '',
    direction: i.direction,
    target: s(i.target),
    ...ruleDraft(i.rule),
    owner: i.owner,
    source: i.source,
    active: i.active,
  };
}

export function ruleOf(d: Draft): QuantRule {
  switch (d.ruleType) {
    case 'proportional':
      return { type: 'proportional', cap: n(d.cap) };
    case 'tiers':
      return { type: 'tiers', tiers: d.tiers.map((t) => ({ atLeast: n(t.atLeast), points: n(t.points) })) };
    case 'deduction':
      return { type: 'deduction', perUnit: n(d.perUnit), floor: n(d.floor) };
    case 'bonus':
      return { type: 'bonus', perUnit: n(d.perUnit), cap: n(d.cap) };
  }
}

export function ruleText(r: QuantRule | null, unit: string | null): string {
  if (!r) return '等次评定（优100 / 良85 / 中70 / 差50）';
  const u = unit ?? '';
  switch (r.type) {
    case 'proportional':
      return `按比例计分，上限 ${r.cap} 分`;
    case 'tiers':
      return `分档：${r.tiers.map((t) => `≥${t.atLeast}${u} 得 ${t.points} 分`).join('；')}`;
    case 'deduction':
      return `每差 1${u} 扣 ${r.perUnit} 分，保底 ${r.floor} 分`;
    case 'bonus':
      return `每超 1${u} 加 ${r.perUnit} 分，最多加 ${r.cap} 分`;
  }
}

/** What indicators.save is sent for a draft: the rule and target only for a quantitative indicator. */
export function inputOf(draft: Draft) {
  const quantitative = draft.kind === 'quantitative';
  return {
    ...(draft.id ? { id: draft.id } : {}),
    name: draft.name,
    class: draft.class,
    kind: draft.kind,
    group: draft.group,
    unit: draft.unit.trim() ? draft.unit.trim() : null,
    direction: draft.direction,
    target: quantitative ? n(draft.target) : null,
    rule: quantitative ? ruleOf(draft) : null,
    owner: draft.owner,
    source: draft.source,
    active: draft.active,
  };
}

/**
 * The personal performance checklist (个人绩效考核清单) and how it scores in a quarter.
 *
 * Each item is a snapshot of an indicator (its version at the period's opening: a later change never rewrites a
 * period), with the weight it carries in this cadre's checklist. Quantitative items with a `metric` count from the
 * cadre's dossier reports; other quantitative items take the actual value the section head enters; qualitative
 * items take the grade the section head gives (考人).
 */
import type { Metric } from '../dossier/contract';
import type { Direction, IndicatorClass, IndicatorKind, QualitativeGrade, QuantRule } from './contract';
import type { IndicatorDoc } from './indicator';
import { QUALITATIVE_LABELS, QUALITATIVE_POINTS, scoreQuantitative } from './rules';

export interface ChecklistItem {
  /** The tree node (personal level) this item comes from. */
  nodeId: string;
  indicatorId: string;
  indicatorVersion: number;
  name: string;
  class: IndicatorClass;
  kind: IndicatorKind;
  unit: string | null;
  direction: Direction;
  target: number | null;
  rule: QuantRule | null;
  metric: Metric | null;
  weight: number;
}

/** `checklists/{periodId}_{memberId}`: the checklist as it stood when the period opened (plus approved additions). */
export interface ChecklistDoc {
  _id: string;
  periodId: string;
  memberId: string;
  sectionId: string;
  items: ChecklistItem[];
}

export function checklistId(periodId: string, memberId: string): string {
  return `${periodId}_${memberId}`;
}

export interface ItemInputs {
  /** Counted progress from the dossier, by metric. */
  progress: Partial<Record<Metric, number>>;
  /** Actual values the section head entered, by node id. */
  actuals: Record<string, number>;
  /** Grades the section head gave qualitative items, by node id. */
  grades: Record<string, QualitativeGrade>;
}

export interface ItemScore {
  nodeId: string;
  name: string;
  weight: number;
  /** 0–100 (more with a bonus rule); null when nothing was entered. */
  score: number | null;
  /** weight × score / 100: what the item adds to the indicator part. */
  points: number;
  /** Why, in words the cadre reads. */
  why: string;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const RULE_WORDS: Record<QuantRule['type'], string> = {
  proportional: '按完成比例计分',
  tiers: '按档次计分',
  deduction: '按差额扣分',
  bonus: '超额加分',
};

export function scoreItem(item: ChecklistItem, inputs: ItemInputs): ItemScore {
  const base = { nodeId: item.nodeId, name: item.name, weight: item.weight };
  if (item.kind === 'qualitative') {
    const g = inputs.grades[item.nodeId];
    if (!g) return { ...base, score: null, points: 0, why: '股室负责人尚未评定，计0分' };
    const score = QUALITATIVE_POINTS[g];
    return { ...base, score, points: round2((item.weight * score) / 100), why: `评定为“${QUALITATIVE_LABELS[g]}”，得${score}分` };
  }
  const actual = item.metric ? (inputs.progress[item.metric] ?? 0) : inputs.actuals[item.nodeId];
  if (actual === undefined || item.target === null || item.rule === null) {
    return { ...base, score: null, points: 0, why: '尚未录入完成值，计0分' };
  }
  const score = scoreQuantitative({ target: item.target, direction: item.direction, rule: item.rule }, actual);
  const unit = item.unit ?? '';
  return {
    ...base,
    score,
    points: round2((item.weight * score) / 100),
    why: `完成${actual}${unit}，目标${item.target}${unit}，${RULE_WORDS[item.rule.type]}，得${score}分`,
  };
}

/** The indicator part of a quarter score: the checklist's weighted points over its total weight, as 0–100+. */
export function indicatorPart(items: ItemScore[]): number {
  const w = items.reduce((s, i) => s + i.weight, 0);
  if (w <= 0) return 0;
  return round2((items.reduce((s, i) => s + i.points, 0) / w) * 100);
}

/**
 * Add an item of weight `w` to a checklist whose weights add up to 100, scaling the others down so the total stays
 * 100 (largest remainder on whole weights, so nobody's weights drift by rounding).
 */
export function insertWithWeight<T extends { weight: number }>(items: T[], added: T): T[] {
  const rest = 100 - added.weight;
  const total = items.reduce((s, i) => s + i.weight, 0);
  if (total <= 0) return [{ ...added, weight: 100 }];
  const exact = items.map((i) => (i.weight * rest) / total);
  const floors = exact.map(Math.floor);
  let left = rest - floors.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac);
  for (const { i } of order) {
    if (left <= 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return [...items.map((item, i) => ({ ...item, weight: floors[i] ?? 0 })), added];
}

/** A cadre's checklist for a period, from their personal tree nodes and the indicators as they stand now. */
export function buildChecklist(
  nodes: { _id: string; indicatorId: string | null; weight: number; target: number | null; order: number }[],
  indicators: Map<string, Pick<IndicatorDoc, 'version' | 'name' | 'class' | 'kind' | 'unit' | 'direction' | 'target' | 'rule' | 'metric'>>,
): ChecklistItem[] {
  return [...nodes]
    .sort((a, b) => a.order - b.order)
    .flatMap((n) => {
      const ind = n.indicatorId ? indicators.get(n.indicatorId) : undefined;
      if (!ind || !n.indicatorId) return [];
      return [
        {
          nodeId: n._id,
          indicatorId: n.indicatorId,
          indicatorVersion: ind.version,
          name: ind.name,
          class: ind.class,
          kind: ind.kind,
          unit: ind.unit,
          direction: ind.direction,
          target: n.target ?? ind.target,
          rule: ind.rule,
          metric: ind.metric,
          weight: n.weight,
        },
      ];
    });
}

/** Split `total` into `n` whole weights as evenly as possible (largest first): 50 over 3 → 17, 17, 16. */
export function evenWeights(total: number, n: number): number[] {
  if (n <= 0) return [];
  const base = Math.floor(total / n);
  return Array.from({ length: n }, (_, i) => base + (i < total - base * n ? 1 : 0));
}

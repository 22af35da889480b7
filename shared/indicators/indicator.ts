/** Indicators (绩效考核指标) and their decomposition tree as stored, with the labels the phone shows. */
import type { Metric } from '../dossier/contract';
import type { Direction, IndicatorClass, IndicatorKind, QuantRule } from './contract';

/** `indicators/{id}` — one of the park's performance indicators (绩效考核指标), at its latest version. */
export interface IndicatorDoc {
  _id: string;
  /** Goes up with every change; periods keep the version they opened with (`indicatorVersions/{id}_v{n}`). */
  version: number;
  name: string;
  /** 关键指标 / 个性指标 / 激励指标 */
  class: IndicatorClass;
  /** 定性 / 定量 */
  kind: IndicatorKind;
  /** Block it belongs to, e.g. 入企听诉服务成效, 项目推进. */
  group: string;
  /** Sections it applies to; empty = all. */
  sectionIds: string[];
  unit: string | null;
  /** Quantitative: which way is better, the default target, and the scoring rule. */
  direction: Direction;
  target: number | null;
  rule: QuantRule | null;
  /** Who answers for it: a section id, or 'park'. */
  owner: string;
  /** Where it comes from, e.g. 全省开发区综合考核 or a cadre's application. */
  source: string;
  /** Set when the indicator counts dossier reports automatically. */
  metric: Metric | null;
  active: boolean;
}
export type TreeLevel = 'goal' | 'section' | 'post' | 'personal';
/**
 * `treeNodes/{id}` — the decomposition (指标分解): park goals → section indicators → post indicators → each cadre's
 * personal checklist. A node's weight counts within its group (see `weightGroup`).
 */
export interface TreeNodeDoc {
  _id: string;
  level: TreeLevel;
  parentId: string | null;
  label: string;
  indicatorId: string | null;
  sectionId: string | null;
  post: string | null;
  memberId: string | null;
  weight: number;
  /** A personal target that overrides the indicator's default. */
  target: number | null;
  order: number;
}
/** The group whose weights must add up to 100. */
export function weightGroup(n: Pick<TreeNodeDoc, 'level' | 'sectionId' | 'post' | 'memberId'>): string {
  switch (n.level) {
    case 'goal':
      return 'park';
    case 'section':
      return `section:${n.sectionId ?? ''}`;
    case 'post':
      return `post:${n.sectionId ?? ''}:${n.post ?? ''}`;
    case 'personal':
      return `member:${n.memberId ?? ''}`;
  }
}
export const INDICATOR_CLASS_LABELS: Record<IndicatorClass, string> = {
  key: '关键指标',
  personal: '个性指标',
  incentive: '激励指标',
};
export const INDICATOR_KIND_LABELS: Record<IndicatorKind, string> = {
  qualitative: '定性',
  quantitative: '定量',
};

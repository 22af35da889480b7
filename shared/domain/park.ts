/** The park's directory: sections (股室), enterprises, key projects, indicators, assessment periods. */
import type { Metric } from '../api/model';

/** `sections/{id}` — a section (股室) of the administrative committee. */
export interface SectionDoc {
  _id: string;
  name: string;
  order: number;
}

/** `enterprises/{id}` */
export interface EnterpriseDoc {
  _id: string;
  name: string;
  /** Above-scale industrial enterprise (规上工业企业): the pool the satisfaction sample is drawn from. */
  aboveScale: boolean;
  industry: string;
}

/** `projects/{id}` — a key industrial project (重点产业项目). */
export interface ProjectDoc {
  _id: string;
  name: string;
  enterpriseId: string;
  stage: string;
}

export type IndicatorClass = 'key' | 'personal' | 'incentive';
export type IndicatorKind = 'qualitative' | 'quantitative';

/** `indicators/{id}` — one of the park's performance indicators (绩效考核指标). */
export interface IndicatorDoc {
  _id: string;
  name: string;
  /** 关键指标 / 个性指标 / 激励指标 */
  class: IndicatorClass;
  /** 定性 / 定量 */
  kind: IndicatorKind;
  /** Block it belongs to, e.g. 入企听诉服务成效, 项目推进. */
  group: string;
  /** Sections it applies to; empty = all. */
  sectionIds: string[];
  weight: number;
  unit: string | null;
  /** Set when the indicator counts dossier reports automatically. */
  metric: Metric | null;
}

/** `periods/{id}` — a quarter, open for reporting until closed. */
export interface PeriodDoc {
  _id: string;
  status: 'open' | 'closed';
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

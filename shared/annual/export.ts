/**
 * What the year's exports hold (年度考核结果 for promotion files): a header row and a row per cadre or section, in
 * ranking order, as plain values. The function turns them into an xlsx file.
 */
import { SOURCE_LABELS, SOURCES } from './config';
import { ANNUAL_GRADE_LABELS, type AnnualGrade } from './grades';
import { SECTION_TIER_LABELS, type SectionTier } from './tiers';

export type Cell = string | number | null;

export interface CadreExportRow {
  rank: number;
  name: string;
  sectionName: string | null;
  sectionRank: number;
  sources: { key: string; value: number | null }[];
  deductions: number;
  total: number;
  proposed: AnnualGrade;
  grade: AnnualGrade;
}

export const CADRE_HEADER: string[] = [
  '排名',
  '姓名',
  '股室',
  '股室内排名',
  ...SOURCES.map((k) => SOURCE_LABELS[k]),
  '抽查扣分',
  '总分',
  '拟定等次',
  '确定等次',
];

export function cadreRows(rows: CadreExportRow[]): Cell[][] {
  return [
    CADRE_HEADER,
    ...rows.map((r) => [
      r.rank,
      r.name,
      r.sectionName,
      r.sectionRank,
      ...SOURCES.map((k) => r.sources.find((s) => s.key === k)?.value ?? null),
      r.deductions,
      r.total,
      ANNUAL_GRADE_LABELS[r.proposed],
      ANNUAL_GRADE_LABELS[r.grade],
    ]),
  ];
}

export const SECTION_HEADER = ['排名', '股室', '考事', '企业评价', '总分', '等次'];

export function sectionRows(
  rows: { rank: number; name: string; work: number | null; enterprise: number | null; total: number; tier: SectionTier }[],
): Cell[][] {
  return [SECTION_HEADER, ...rows.map((r) => [r.rank, r.name, r.work, r.enterprise, r.total, SECTION_TIER_LABELS[r.tier]])];
}

/**
 * The export's second sheet (说明): when and by whom it was made, where the year stood, and the audit chain's
 * fingerprint at that moment — kept with the promotion file, it is what a later check of the chain is held against
 * (shared/audit/chain.ts).
 */
export function aboutRows(a: { madeAt: string; madeBy: string; status: string; fingerprint: string | null }): Cell[][] {
  return [
    ['导出时间', a.madeAt],
    ['导出人', a.madeBy],
    ['结果状态', a.status],
    ['审计链指纹', a.fingerprint ?? '（尚无审计记录）'],
    ['说明', '在“审计记录”中校验时填入此指纹，可查出导出之后审计记录是否被改写'],
  ];
}

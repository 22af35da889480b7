/**
 * Closing a quarter (平时考核): every cadre's score with its breakdown, every section's score, both ranked.
 * Pure: the function that closes a period loads these inputs, calls `assessPeriod`, and saves what it returns.
 *
 * - a section's score (考事) = mean of the leaders' scores of its work − spot-check deductions on the section;
 * - a cadre's score = indicators × 60% + section head's evaluation (考人) × 30% + their section's score × 10%
 *   − spot-check deductions on the cadre (weights are settings, see quarter.ts), graded with the 好 quota.
 */
import { competitionRanks } from '../common/rank';
import { indicatorPart, scoreItem, type ChecklistItem, type ItemInputs, type ItemScore } from '../indicators/checklist';
import type { QuarterGrade } from './contract';
import { assessQuarter, DEFAULT_QUARTER_SETTINGS, type QuarterSettings } from './quarter';

export interface MemberInputs {
  memberId: string;
  name: string;
  sectionId: string;
  items: ChecklistItem[];
  inputs: ItemInputs;
  /** The section head's overall evaluation (考人), 0–100; null when not given. */
  staffEvaluation: number | null;
  deductions: number;
}

export interface SectionInputs {
  sectionId: string;
  name: string;
  /** Each leader's score of the section's work (考事). */
  leaderScores: number[];
  deductions: number;
}

export interface MemberResult {
  memberId: string;
  name: string;
  sectionId: string;
  items: ItemScore[];
  indicators: number;
  staffEvaluation: number;
  sectionEvaluation: number;
  deductions: number;
  score: number;
  grade: QuarterGrade;
  cappedByQuota: boolean;
  rank: number;
}

export interface SectionResult {
  sectionId: string;
  name: string;
  evaluation: number;
  deductions: number;
  score: number;
  /** Mean score of the section's cadres this quarter. */
  staffMean: number;
  rank: number;
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

export function sectionScore(s: SectionInputs): number {
  return round2(Math.max(0, Math.min(100, mean(s.leaderScores) - s.deductions)));
}

export function assessPeriod(
  members: MemberInputs[],
  sections: SectionInputs[],
  settings: QuarterSettings = DEFAULT_QUARTER_SETTINGS,
): { members: MemberResult[]; sections: SectionResult[] } {
  const sectionScores = new Map(sections.map((s) => [s.sectionId, sectionScore(s)]));
  const scored = members.map((m) => {
    const items = m.items.map((i) => scoreItem(i, m.inputs));
    return { m, items, indicators: indicatorPart(items) };
  });
  const outcomes = assessQuarter(
    scored.map(({ m, indicators }) => ({
      memberId: m.memberId,
      indicators,
      staffEvaluation: m.staffEvaluation ?? 0,
      sectionEvaluation: sectionScores.get(m.sectionId) ?? 0,
      deductions: m.deductions,
    })),
    settings,
  );
  const byId = new Map(outcomes.map((o) => [o.memberId, o]));
  const memberRows = scored.map(({ m, items }) => {
    const o = byId.get(m.memberId);
    if (!o) throw new Error('lost a member');
    return { ...o, name: m.name, sectionId: m.sectionId, items };
  });
  const memberRanks = competitionRanks(memberRows.map((r) => r.score));
  const membersOut: MemberResult[] = memberRows
    .map((r, i) => ({ ...r, rank: memberRanks[i] ?? 0 }))
    .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN'));

  const sectionRows = sections.map((s) => ({
    sectionId: s.sectionId,
    name: s.name,
    evaluation: round2(mean(s.leaderScores)),
    deductions: s.deductions,
    score: sectionScores.get(s.sectionId) ?? 0,
    staffMean: round2(mean(membersOut.filter((m) => m.sectionId === s.sectionId).map((m) => m.score))),
  }));
  const sectionRanks = competitionRanks(sectionRows.map((r) => r.score));
  const sectionsOut = sectionRows.map((r, i) => ({ ...r, rank: sectionRanks[i] ?? 0 })).sort((a, b) => a.rank - b.rank);
  return { members: membersOut, sections: sectionsOut };
}

/**
 * `quarterResults/{periodId}_{sectionId}`: a section's result and its cadres' results, written together at close.
 * One document per section, not per person: a park-wide close then costs one write per section, which keeps a
 * park ten times the demo's (120 sections) far inside a basic plan's ~30 database requests a second.
 */
export interface QuarterResultDoc {
  _id: string;
  periodId: string;
  sectionId: string;
  section: SectionResult | null;
  members: MemberResult[];
  /** How many cadres were ranked in the quarter (the "of" in "rank 3 of 74"). */
  of: number;
}

export function quarterResultId(periodId: string, sectionId: string): string {
  return `${periodId}_${sectionId}`;
}

export function packResults(periodId: string, r: { members: MemberResult[]; sections: SectionResult[] }): QuarterResultDoc[] {
  const ids = [...new Set([...r.sections.map((s) => s.sectionId), ...r.members.map((m) => m.sectionId)])];
  return ids.map((sectionId) => ({
    _id: quarterResultId(periodId, sectionId),
    periodId,
    sectionId,
    section: r.sections.find((s) => s.sectionId === sectionId) ?? null,
    members: r.members.filter((m) => m.sectionId === sectionId),
    of: r.members.length,
  }));
}

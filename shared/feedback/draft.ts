/**
 * The written feedback report (反馈报告) a section head or leader sends a cadre for a quarter, drafted from the
 * records: what went well, what lags — naming the item (the indicator, the project behind schedule, the appeal
 * overdue, the card in force) — and an improvement plan, one step for each lag. The sender edits it before sending;
 * the cadre acknowledges it; a heart-to-heart talk (谈心谈话) is recorded against it with a plan and a follow-up date.
 * "The feedback report said my sand-and-gravel wharf project was lagging; my leader sat down with me to find out why."
 *
 * Pure: the function loads the records and calls draftFeedback.
 */
import type { QuarterGrade } from '../assessment/contract';
import { QUARTER_GRADE_LABELS } from '../assessment/quarter';

export interface FeedbackRecords {
  quarter: {
    score: number;
    rank: number;
    of: number;
    grade: QuarterGrade;
    items: { name: string; score: number | null; why: string }[];
  } | null;
  /** The cadre's key projects: milestones reached on time in the quarter, and those lagging now. */
  projects: { name: string; onTime: string[]; lagging: { milestone: string; days: number }[] }[];
  appeals: { resolved: number; overdue: string[] };
  cards: { color: 'red' | 'yellow'; why: string; liftWhen: string }[];
}

export interface FeedbackDraft {
  wentWell: string[];
  lags: string[];
  plan: string[];
}

/** An item at or above this score went well; below LAG_BELOW it lags. */
export const WELL_FROM = 95;
export const LAG_BELOW = 80;

export function draftFeedback(r: FeedbackRecords): FeedbackDraft {
  const wentWell: string[] = [];
  const lags: string[] = [];
  const plan: string[] = [];
  const q = r.quarter;
  if (q) {
    const line = `本季度考核得分${q.score}分，排名第${q.rank}/${q.of}名，等次“${QUARTER_GRADE_LABELS[q.grade]}”`;
    if (q.grade === 'good' || q.grade === 'fair') wentWell.push(line);
    else lags.push(line);
    for (const i of q.items) {
      if (i.score !== null && i.score >= WELL_FROM) wentWell.push(`“${i.name}”完成良好（${i.score}分）`);
      else if (i.score === null || i.score < LAG_BELOW) {
        lags.push(i.score === null ? `“${i.name}”本季度未填报完成情况` : `“${i.name}”得分${i.score}分：${i.why}`);
        plan.push(`针对“${i.name}”制定追赶计划，明确每月进度，下季度达到目标`);
      }
    }
  }
  for (const p of r.projects) {
    for (const m of p.onTime) wentWell.push(`重点项目“${p.name}”的“${m}”节点按期完成`);
    for (const l of p.lagging) {
      lags.push(`重点项目“${p.name}”的“${l.milestone}”节点滞后${l.days}天`);
      plan.push(`倒排“${p.name}”项目工期，查明“${l.milestone}”滞后原因，明确完成时限并每周报告进展`);
    }
  }
  if (r.appeals.resolved > 0) wentWell.push(`办结企业诉求${r.appeals.resolved}件`);
  if (r.appeals.overdue.length > 0) {
    lags.push(`企业诉求超期${r.appeals.overdue.length}件（${r.appeals.overdue.join('、')}）`);
    plan.push('限期办结超期诉求，按时限受理、回访，办结后请企业确认');
  }
  for (const c of r.cards) {
    lags.push(`${c.color === 'red' ? '红牌' : '黄牌'}未解除：${c.why}`);
    plan.push(`对照解除条件整改：${c.liftWhen}`);
  }
  if (plan.length === 0) plan.push('保持现有工作节奏，巩固优势，争先创优');
  return { wentWell, lags, plan };
}

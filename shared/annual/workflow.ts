/**
 * The course of a year's results: computed (draft, recomputed at will, adjusted by the leadership) → confirmed →
 * published for 公示 → notified to each cadre, who acknowledges and may ask for review (复核) within the deadline.
 * A grade changes after publication only by the answer to a review. Pure: the function checks these first.
 */
export type AnnualStatus = 'draft' | 'confirmed' | 'published' | 'notified';
export const STATUS_LABELS: Record<AnnualStatus, string> = { draft: '待确认', confirmed: '已确认', published: '公示中', notified: '已通知' };

export type YearStep = 'compute' | 'adjust' | 'confirm' | 'publish' | 'notify' | 'saveFormula';

export interface YearState {
  status: AnnualStatus;
  /** Whether results were computed at all. */
  computed: boolean;
  publicUntil: number | null;
}

export interface StepProblem {
  code: 'CONFLICT' | 'NOT_READY';
  message: string;
}

export function stepProblem(y: YearState, step: YearStep, now: number): StepProblem | null {
  const conflict = (message: string): StepProblem => ({ code: 'CONFLICT', message });
  switch (step) {
    case 'saveFormula':
    case 'compute':
    case 'adjust':
      if (y.status !== 'draft') return conflict('年度考核结果已确认，不能再修改；如有异议请走复核程序');
      if (step === 'adjust' && !y.computed) return { code: 'NOT_READY', message: '请先计算年度考核结果' };
      return null;
    case 'confirm':
      if (!y.computed) return { code: 'NOT_READY', message: '请先计算年度考核结果' };
      return y.status === 'draft' ? null : conflict('年度考核结果已确认');
    case 'publish':
      if (y.status === 'draft') return { code: 'NOT_READY', message: '请先由班子确认年度考核结果' };
      return y.status === 'confirmed' ? null : conflict('年度考核结果已公示');
    case 'notify':
      if (y.status === 'draft' || y.status === 'confirmed') return { code: 'NOT_READY', message: '请先公示年度考核结果' };
      if (y.status === 'notified') return conflict('已通知本人');
      if (y.publicUntil !== null && now < y.publicUntil) return { code: 'NOT_READY', message: '公示期尚未结束' };
      return null;
  }
}

export interface ReviewState {
  notifiedAt: number | null;
  reviewUntil: number | null;
  requested: boolean;
}

/** A cadre's request for review: after notification, before the deadline, once. */
export function reviewProblem(r: ReviewState, now: number): StepProblem | null {
  if (r.notifiedAt === null || r.reviewUntil === null) return { code: 'NOT_READY', message: '年度考核结果尚未通知本人' };
  if (r.requested) return { code: 'CONFLICT', message: '已申请过复核' };
  if (now > r.reviewUntil) return { code: 'CONFLICT', message: '已超过复核申请期限' };
  return null;
}

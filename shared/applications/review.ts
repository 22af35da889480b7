/**
 * Dynamic indicators (指标动态调整): a cadre applies (申报) to add an indicator to their checklist; their section
 * head reviews it, then the admin; approved, it joins the cadre's checklist. Every step is kept in the history.
 */
import type { IndicatorKind } from '../indicators/contract';
import { hasRole, type MemberDoc } from '../members/member';
import type { ApplicationStatus } from './contract';

export interface ApplicationStep {
  by: string;
  byName: string;
  action: 'apply' | 'approve_head' | 'reject_head' | 'approve_admin' | 'reject_admin';
  reason: string;
  at: number;
}

/** `applications/{id}` */
export interface ApplicationDoc {
  _id: string;
  memberId: string;
  memberName: string;
  sectionId: string;
  periodId: string;
  name: string;
  reason: string;
  kind: IndicatorKind;
  unit: string | null;
  target: number | null;
  status: ApplicationStatus;
  history: ApplicationStep[];
  indicatorId: string | null;
}

export type ReviewOutcome =
  | { ok: true; status: ApplicationStatus; action: ApplicationStep['action']; final: boolean }
  | { ok: false; code: 'FORBIDDEN' | 'CONFLICT'; message: string };

/**
 * The stages a reviewer decides, as the queries of the applications waiting for them: a section head the
 * first step of their own section's, the admin the second step of all. (The same stages as `reviewStep`.)
 */
export function awaitingReview(reviewer: Pick<MemberDoc, 'roles' | 'sectionId'>): { status: ApplicationStatus; sectionId?: string }[] {
  const queues: { status: ApplicationStatus; sectionId?: string }[] = [];
  if (hasRole(reviewer, 'sectionHead') && reviewer.sectionId) queues.push({ status: 'pending_head', sectionId: reviewer.sectionId });
  if (hasRole(reviewer, 'admin')) queues.push({ status: 'pending_admin' });
  return queues;
}

/** Who may decide an application now, and where it goes. Nobody reviews their own. */
export function reviewStep(
  app: Pick<ApplicationDoc, 'memberId' | 'sectionId' | 'status'>,
  reviewer: Pick<MemberDoc, '_id' | 'roles' | 'sectionId'>,
  decision: 'approve' | 'reject',
): ReviewOutcome {
  if (reviewer._id === app.memberId) return { ok: false, code: 'FORBIDDEN', message: '不能审核自己的申报' };
  if (app.status === 'pending_head') {
    if (!hasRole(reviewer, 'sectionHead') || reviewer.sectionId !== app.sectionId) {
      return { ok: false, code: 'FORBIDDEN', message: '该申报须先由申报人所在股室负责人审核' };
    }
    return decision === 'approve'
      ? { ok: true, status: 'pending_admin', action: 'approve_head', final: false }
      : { ok: true, status: 'rejected', action: 'reject_head', final: true };
  }
  if (app.status === 'pending_admin') {
    if (!hasRole(reviewer, 'admin')) return { ok: false, code: 'FORBIDDEN', message: '该申报等待组织员审核' };
    return decision === 'approve'
      ? { ok: true, status: 'approved', action: 'approve_admin', final: true }
      : { ok: true, status: 'rejected', action: 'reject_admin', final: true };
  }
  return { ok: false, code: 'CONFLICT', message: '该申报已处理完毕' };
}

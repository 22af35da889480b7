/**
 * When a quarter accepts changes — the one statement of it. A quarter is open from its first day (opening it only
 * fixes the checklists) until the admin starts closing it; while 'closing' and once 'closed' nothing but a recorded
 * correction changes it. Day-to-day reports go to the current quarter only.
 */
import { quarterOf } from '../common/time';

/** `periods/{id}` — a quarter, open for reporting until closed ('closing' while the close is being written). */
export interface PeriodDoc {
  _id: string;
  status: 'open' | 'closing' | 'closed';
  closedAt?: number;
  closedBy?: string;
  /** The entry that fixed the results in force (the close's, or a correction's recount): what the audit check holds them to. */
  auditSeq?: number;
}

/** Evaluations, spot checks and approved indicators may still change the quarter (no record yet = open). */
export function acceptsChanges(p: Pick<PeriodDoc, 'status'> | null): boolean {
  return p === null || p.status === 'open';
}

/** A cadre may report work (and edit the quarterly summary) for `periodId` now. */
export function acceptsReports(periodId: string, p: Pick<PeriodDoc, 'status'> | null, now: number): boolean {
  return periodId === quarterOf(now) && acceptsChanges(p);
}

/** An import's plan as stored, and what the admin is shown of it. */
import { digest, type Json } from '../../../shared/audit/chain';
import type { PlanView } from '../../../shared/imports/contract';
import { countOf, type Change, type ImportPlan, type RowProblem } from '../../../shared/imports/plan';
import { IMPORT, type ImportKind } from '../../../shared/imports/templates';

/**
 * `importPlans/{id}`: what a preview found, kept until it is confirmed (or a day has passed). It keeps the file's
 * cells as text, so that the confirmation can work the plan out again against the directory as it then is and
 * refuse if the result differs from what the admin saw; the uploaded file itself is deleted once read.
 */
export interface PlanDoc {
  _id: string;
  kind: ImportKind;
  by: string;
  at: number;
  cells: string[][];
  rows: number;
  changes: Change[];
  unchanged: number;
  problems: RowProblem[];
  problemCount: number;
  status: 'preview' | 'applying' | 'done';
  applied: number;
  /** The digest of the changes the admin confirmed (what the audit entry records). */
  digest: string;
  doneAt?: number;
}

/** `settings/imports`: the one import being written, so that two never interleave. */
export interface ImportLockDoc {
  _id: string;
  applying: string | null;
  since: number;
}
export const LOCK_ID = 'imports';

export function planDoc(id: string, plan: ImportPlan, cells: string[][], by: string, at: number): PlanDoc {
  const changes = plan.changes.filter((c) => c.op !== 'same');
  return {
    _id: id,
    kind: plan.kind,
    by,
    at,
    cells,
    rows: plan.rows,
    changes,
    unchanged: countOf(plan.changes, 'same'),
    problems: plan.problems.slice(0, IMPORT.problemsShown),
    problemCount: plan.problems.length,
    status: 'preview',
    applied: 0,
    digest: signature(changes),
  };
}

/** What the changes do, ids of new records aside (they are drawn afresh each time a plan is worked out). */
export function signature(changes: Change[]): string {
  return digest(changes.filter((c) => c.op !== 'same').map((c) => [c.op, c.row, c.op === 'add' ? '' : c.id, c.fields, c.set]) as unknown as Json);
}

export function viewOf(p: PlanDoc): PlanView {
  return {
    planId: p._id,
    kind: p.kind,
    rows: p.rows,
    adds: countOf(p.changes, 'add'),
    updates: countOf(p.changes, 'update'),
    unchanged: p.unchanged,
    problems: p.problems,
    problemCount: p.problemCount,
    changes: p.changes
      .slice(0, IMPORT.changesShown)
      .map((c) => ({ op: c.op === 'add' ? 'add' : 'update', row: c.row, label: c.label, fields: c.fields })),
    status: p.status,
    applied: p.applied,
    confirmable: p.status !== 'done' && p.problemCount === 0 && p.changes.length > 0,
  };
}

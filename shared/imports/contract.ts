/**
 * The imports' contract: templates to download, a file previewed before anything is written, the confirmation
 * that writes all of it (in calls of a bounded size, resumed until done), and exports in the same columns.
 */
import { z } from 'zod';
import { FileId, Id } from '../common/schema';
import { IMPORT_KINDS } from './templates';

export const ImportKind = z.enum(IMPORT_KINDS, { error: '导入类型不正确' });

export const ProblemView = z.object({ row: z.number(), column: z.string().nullable(), message: z.string() });
export const ChangeView = z.object({
  op: z.enum(['add', 'update']),
  row: z.number(),
  label: z.string(),
  fields: z.array(z.string()),
});

export const PlanView = z.object({
  planId: z.string(),
  kind: ImportKind,
  /** Data rows read from the file. */
  rows: z.number(),
  adds: z.number(),
  updates: z.number(),
  unchanged: z.number(),
  /** Every problem found (the list is cut at IMPORT.problemsShown; `problemCount` is all of them). */
  problems: z.array(ProblemView),
  problemCount: z.number(),
  /** The changes to confirm (the first IMPORT.changesShown). */
  changes: z.array(ChangeView),
  status: z.enum(['preview', 'applying', 'done']),
  /** Rows written so far, while applying. */
  applied: z.number(),
  /** Whether this plan may be confirmed: no problems, something to change, not confirmed before. */
  confirmable: z.boolean(),
});
export type PlanView = z.infer<typeof PlanView>;

const FileLink = z.object({ fileId: z.string(), url: z.string(), fileName: z.string() });

export const importsContract = {
  /** Admin: the kind's template, an xlsx with the Chinese headers, one example row and a sheet of notes. */
  template: { input: z.object({ kind: ImportKind }).strict(), output: FileLink },
  /**
   * Admin: read an uploaded file (cloud storage: call data is capped at 100 KB) and say what it would change,
   * every row's problems, nothing written to the directory.
   */
  preview: { input: z.object({ kind: ImportKind, fileId: FileId }).strict(), output: PlanView },
  /**
   * Admin: write what the preview showed. Refused when the preview had problems or the directory changed since;
   * a large file is written over several calls, each one going on where the last stopped (`status`, `applied`),
   * until `done`.
   */
  commit: { input: z.object({ planId: Id }).strict(), output: PlanView },
  /** Admin: the directory of a kind as an xlsx in the template's columns, for editing and importing again. */
  export: { input: z.object({ kind: ImportKind }).strict(), output: FileLink },
} as const;

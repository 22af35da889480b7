/**
 * What every import kind's plan shares: the directory it is planned against, a row's cells, the checks of a cell
 * (each gives the value or the problem in Chinese), and a change worked out against the record it matches.
 */
import type { MemberDoc } from '../members/member';
import type { EnterpriseDoc, SectionDoc } from '../park/park';
import type { ClaimDoc, ProjectDoc } from '../projects/project';
import { isDayString } from '../common/time';
import { TEMPLATES, type Cell, type ImportKind } from './templates';

export interface Directory {
  sections: SectionDoc[];
  /** Everyone on the roster, those who left included (enterprise contacts may be left out). */
  members: MemberDoc[];
  enterprises: EnterpriseDoc[];
  /** The key projects and their owners' claims (loaded for the projects' file only). */
  projects?: ProjectDoc[];
  claims?: ClaimDoc[];
}

export interface RowProblem {
  /** The row as Excel numbers it (1 is the header's row when the header is first); 0 for the file as a whole. */
  row: number;
  /** The column's header, or null when the problem is the row's or the file's. */
  column: string | null;
  message: string;
}

export type ChangeOp = 'add' | 'update' | 'same';

export interface Change {
  op: ChangeOp;
  row: number;
  id: string;
  /** How the office names the record: 张建华（M101）. */
  label: string;
  /** The headers of the cells that change it (add: every column the file has). */
  fields: string[];
  /** What to write: the whole record for an add (without _id), the changed fields for an update. */
  set: Record<string, unknown>;
}

/** A cell as text: trimmed; integers without a decimal point; yes/no as 是/否; a date cell as YYYY-MM-DD. */
export function cellText(c: Cell | undefined): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c.replace(/\s+/g, ' ').trim();
  if (typeof c === 'number') return Number.isFinite(c) ? String(Number.isInteger(c) ? c : Number(c.toFixed(6))) : '';
  if (typeof c === 'boolean') return c ? '是' : '否';
  if (Number.isNaN(c.getTime())) return '';
  return c.toISOString().slice(0, 10);
}

/** An office's own code (编号, 工号): letters, digits, - and _; also the record's id when it is new and free. */
export const CODE = /^[A-Za-z0-9_-]{1,32}$/;

/** A date as offices type it: 2026-03-01, 2026/3/1, 2026.3.1, 2026年3月1日. */
export function dayFromText(s: string): string | null {
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (!m) return null;
  const day = `${m[1]}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}`;
  return isDayString(day) ? day : null;
}

export interface Row {
  row: number;
  cells: Map<string, string>;
}

/** Finds a person by 工号 or, failing that, by name, among those `eligible`; says why when it cannot. */
export function personRef(
  text: string,
  members: MemberDoc[],
  eligible: (m: MemberDoc) => boolean,
  what: string,
): { id: string } | { problem: string } {
  const pool = members.filter((m) => m.active && eligible(m));
  const byNo = pool.filter((m) => m.staffNo === text);
  if (byNo.length === 1 && byNo[0]) return { id: byNo[0]._id };
  const byName = pool.filter((m) => m.name === text);
  if (byName.length === 1 && byName[0]) return { id: byName[0]._id };
  if (byName.length > 1) return { problem: `${what}“${text}”有${byName.length}人同名，请改填工号` };
  return { problem: `${what}“${text}”不在花名册中（或不是${what}），请先导入人员` };
}

export type NewId = (prefix: string) => string;

/** A new record's id: the office's code when it is a plain code no record of the kind has, else a fresh one. */
export function idFor(code: string, taken: Set<string>, prefix: string, newId: NewId): string {
  const id = code && CODE.test(code) && !taken.has(code) ? code : newId(prefix);
  taken.add(id);
  return id;
}

export const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The changed fields of `target` against `current`, with the header each belongs to. */
export function diff(current: Record<string, unknown>, target: Record<string, unknown>, headerOf: Record<string, string>) {
  const set: Record<string, unknown> = {};
  const fields = new Set<string>();
  for (const [k, v] of Object.entries(target)) {
    if (same(current[k], v)) continue;
    set[k] = v;
    fields.add(headerOf[k] ?? k);
  }
  return { set, fields: [...fields] };
}

export const header = (kind: ImportKind, key: string) => TEMPLATES[kind].columns.find((c) => c.key === key)?.header ?? key;

/** The first row that gave each key; a later row with the same key is a problem naming the first. */
export function keyed(
  rows: Row[],
  keyOf: (r: Row) => string | null,
  problem: (r: Row, first: number) => RowProblem,
): { seen: Map<string, number>; problems: RowProblem[] } {
  const seen = new Map<string, number>();
  const problems: RowProblem[] = [];
  for (const r of rows) {
    const k = keyOf(r);
    if (k === null) continue;
    const first = seen.get(k);
    if (first !== undefined) problems.push(problem(r, first));
    else seen.set(k, r.row);
  }
  return { seen, problems };
}

/** Field checks: each returns the value, or the problem in Chinese. */
/**
 * Rows of a file keyed by 编号, else name (sections, projects): a second row of the same record, or of the same
 * name, is a problem naming the first (`what`: 股室, 项目).
 */
export function codeOrNameRepeats(rows: Row[], what: string, nameHeader: string): RowProblem[] {
  return [
    ...keyed(
      rows,
      (r) => (r.cells.get('code') ? `code:${r.cells.get('code') ?? ''}` : `name:${r.cells.get('name') ?? ''}`),
      (r, first) => ({ row: r.row, column: null, message: `与第${first}行是同一个${what}（编号或名称相同），请合并为一行` }),
    ).problems,
    ...keyed(
      rows,
      (r) => r.cells.get('name') || null,
      (r, first) => ({ row: r.row, column: nameHeader, message: `${what}名称与第${first}行重复` }),
    ).problems,
  ];
}

export type Checked<T> = { value: T } | { problem: string };
export const okv = <T>(value: T): Checked<T> => ({ value });
export const bad = <T>(problem: string): Checked<T> => ({ problem });

export function lengthCheck(text: string, min: number, max: number, what: string, required: boolean): Checked<string> {
  if (!text) return required ? bad(`请填写${what}`) : okv('');
  return text.length >= min && text.length <= max ? okv(text) : bad(min > 1 ? `${what}应为${min}至${max}个字` : `${what}不超过${max}字`);
}
export const codeCheck = (text: string, what: string): Checked<string> =>
  !text || CODE.test(text) ? okv(text) : bad(`${what}只能由字母、数字、-、_ 组成，不超过32位`);

/** Collects a row's problems while its cells are checked; `take` gives the value (a fallback when it failed). */
export class RowCheck {
  readonly problems: RowProblem[] = [];
  constructor(readonly row: number) {}
  take<T>(c: Checked<T>, column: string | null, fallback: T): T {
    if ('value' in c) return c.value;
    this.problems.push({ row: this.row, column, message: c.problem });
    return fallback;
  }
  fail(column: string | null, message: string): void {
    this.problems.push({ row: this.row, column, message });
  }
  get ok(): boolean {
    return this.problems.length === 0;
  }
}

export const changeOf = (
  r: Row,
  id: string,
  label: string,
  existing: Record<string, unknown> | undefined,
  target: Record<string, unknown>,
  headerOf: Record<string, string>,
): Change => {
  if (!existing) return { op: 'add', row: r.row, id, label, fields: ['新增'], set: target };
  const d = diff(existing, target, headerOf);
  return { op: d.fields.length ? 'update' : 'same', row: r.row, id, label, fields: d.fields, set: d.set };
};

export type Planner = (
  rows: Row[],
  has: (key: string) => boolean,
  dir: Directory,
  newId: NewId,
  today: string,
) => { changes: Change[]; problems: RowProblem[] };

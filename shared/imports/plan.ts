/**
 * What an import would change, worked out before anything is written (pure: the functions load the directory and
 * the file's cells, and write only what the admin confirmed).
 *
 * Rules:
 * - The first non-empty row is the header; columns are found by their Chinese names in any order. An unknown or
 *   repeated column, or a missing required one, stops the import before any row is read.
 * - Rows are matched by their key — a section by its 编号, else its name; a person by their 工号, else their name; an
 *   enterprise by its 统一社会信用代码 — so importing the same file again changes nothing, and an edited file
 *   changes exactly the cells that were edited. A column left out of the file leaves that field as stored; a
 *   column present with an empty cell clears an optional field.
 * - Records the file does not mention stay as they are: retiring is done in the directory, with a reason.
 * - Every row's problems are listed (row and column as Excel shows them); one problem anywhere and nothing is
 *   written.
 * - What an import may not do to a person already on the roster: move them to another section or change their
 *   roles. Those changes have an effective date and a reason (人员变动), which a spreadsheet cell cannot carry.
 *   One exception: the first 组织员's record as set-up made it (no section, the admin role alone) is completed by
 *   their row on the roster (their section, their other roles; 组织员 stays among them).
 */
import type { Role } from '../members/contract';
import { ROLE_LABELS } from '../members/contract';
import type { MemberDoc } from '../members/member';
import { creditCodeProblem, normalizeCreditCode } from '../park/credit-code';
import { isActive, type SectionDoc } from '../park/park';
import { planProjects, projectRows } from './projects';
import {
  RowCheck,
  codeOrNameRepeats,
  bad,
  changeOf,
  cellText,
  codeCheck,
  dayFromText,
  header,
  idFor,
  keyed,
  lengthCheck,
  okv,
  personRef,
  same,
  type Change,
  type ChangeOp,
  type Checked,
  type Directory,
  type NewId,
  type Planner,
  type Row,
  type RowProblem,
} from './rows';
import { IMPORT, ROSTER_ROLES, TEMPLATES, columnLetter, type Cell, type Column, type ImportKind } from './templates';

export { cellText, dayFromText, type Change, type ChangeOp, type Directory, type RowProblem };

export interface ImportPlan {
  kind: ImportKind;
  rows: number;
  changes: Change[];
  problems: RowProblem[];
}

const YES = new Set(['是', 'Y', 'y', 'YES', 'yes', '规上', 'TRUE', 'true', '√']);
const NO = new Set(['否', 'N', 'n', 'NO', 'no', '规下', 'FALSE', 'false', '×']);

const ROLE_BY_LABEL = new Map<string, Role>(ROSTER_ROLES.map((r) => [ROLE_LABELS[r], r]));

/** The header cell as a column: spaces, a trailing * and （必填）/（选填） are not part of the name. */
function headerName(c: Cell | undefined): string {
  return cellText(c)
    .replace(/\s/g, '')
    .replace(/[（(](必填|选填)[)）]$/, '')
    .replace(/\*$/, '');
}

/** Reads the header and the rows; problems of the file as a whole stop here. */
function readRows(kind: ImportKind, sheet: Cell[][]): { columns: Column[]; rows: Row[]; problems: RowProblem[] } {
  const spec = TEMPLATES[kind].columns;
  const problems: RowProblem[] = [];
  const headerAt = sheet.findIndex((r) => r.some((c) => cellText(c) !== ''));
  if (headerAt < 0) return { columns: [], rows: [], problems: [{ row: 0, column: null, message: '文件中没有数据：第一行应为表头' }] };
  const header = sheet[headerAt] ?? [];
  const at = new Map<string, number>();
  const columns: Column[] = [];
  header.forEach((c, i) => {
    const name = headerName(c);
    if (name === '') return;
    const col = spec.find((x) => x.header === name);
    if (!col) {
      problems.push({
        row: headerAt + 1,
        column: null,
        message: `第${columnLetter(i)}列“${name}”不是本模板的列（应为：${spec.map((x) => x.header).join('、')}）`,
      });
    } else if (at.has(col.key)) {
      problems.push({
        row: headerAt + 1,
        column: col.header,
        message: `“${name}”列出现了两次（第${columnLetter(at.get(col.key) ?? 0)}列和第${columnLetter(i)}列）`,
      });
    } else {
      at.set(col.key, i);
      columns.push(col);
    }
  });
  for (const col of spec) {
    if (col.required && !at.has(col.key))
      problems.push({ row: headerAt + 1, column: col.header, message: `缺少必填列“${col.header}”，请使用下载的模板` });
  }
  if (problems.length > 0) return { columns, rows: [], problems };
  const rows: Row[] = [];
  for (let r = headerAt + 1; r < sheet.length; r += 1) {
    const line = sheet[r] ?? [];
    const cells = new Map<string, string>();
    for (const col of columns) cells.set(col.key, cellText(line[at.get(col.key) ?? -1]));
    if ([...cells.values()].every((v) => v === '')) continue;
    rows.push({ row: r + 1, cells });
  }
  if (rows.length === 0) problems.push({ row: 0, column: null, message: '文件中只有表头，没有数据行' });
  if (rows.length > IMPORT.maxRows)
    problems.push({ row: 0, column: null, message: `一次最多导入${IMPORT.maxRows}行，文件中有${rows.length}行，请分批导入` });
  // the template's own example row, left in by mistake
  for (const x of rows) {
    if (columns.every((col) => x.cells.get(col.key) === col.example)) {
      problems.push({ row: x.row, column: null, message: '这是模板中的示例行，请删除后再导入' });
    }
  }
  return { columns, rows: problems.length > 0 ? [] : rows, problems };
}

const PLANNERS: Record<ImportKind, Planner> = {
  sections: (...a) => planSections(...a),
  people: (...a) => planPeople(...a),
  enterprises: (...a) => planEnterprises(...a),
  projects: planProjects,
};

/** `today` (a park day): the latest an actual date in the projects' file may be. */
export function planImport(kind: ImportKind, sheet: Cell[][], dir: Directory, newId: NewId, today: string): ImportPlan {
  const read = readRows(kind, sheet);
  if (read.problems.length > 0) return { kind, rows: read.rows.length, changes: [], problems: read.problems };
  const has = (key: string) => read.columns.some((c) => c.key === key);
  const { changes, problems } = PLANNERS[kind](read.rows, has, dir, newId, today);
  problems.sort((a, b) => a.row - b.row);
  return { kind, rows: read.rows.length, changes: problems.length > 0 ? [] : changes, problems };
}

const sectionHeader = (k: string) => header('sections', k);

function sectionOrder(text: string): Checked<number | null> {
  if (text === '') return okv(null);
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 && n <= 999 ? okv(n) : bad('排序应为1至999的整数');
}

function leaderRef(text: string, dir: Directory): Checked<string | null> {
  if (!text) return okv(null);
  const ref = personRef(text, dir.members, (m) => m.roles.includes('leader'), '班子成员');
  if ('id' in ref) return okv(ref.id);
  return bad(ref.problem + (dir.members.length === 0 ? '；首次导入可先留空，导入花名册后再导入一次本表' : ''));
}

const planSections: Planner = (rows, has, dir, newId) => {
  const h = sectionHeader;
  const headerOf = { name: h('name'), code: h('code'), order: h('order'), leaderId: h('leader'), active: '状态' };
  const problems: RowProblem[] = codeOrNameRepeats(rows, '股室', h('name'));
  const changes: Change[] = [];
  const taken = new Set(dir.sections.map((s) => s._id));
  let nextOrder = Math.max(0, ...dir.sections.map((s) => s.order)) + 1;
  const claimed = new Set<string>();
  for (const r of rows) {
    const c = new RowCheck(r.row);
    const name = c.take(lengthCheck(r.cells.get('name') ?? '', 2, 20, '股室名称', true), h('name'), '');
    const code = c.take(codeCheck(r.cells.get('code') ?? '', '编号'), h('code'), '');
    const order = c.take(sectionOrder(r.cells.get('order') ?? ''), h('order'), null);
    const leaderId = c.take(leaderRef(r.cells.get('leader') ?? '', dir), h('leader'), null);
    const existing = code ? dir.sections.find((s) => s.code === code || (!s.code && s._id === code)) : dir.sections.find((s) => s.name === name);
    const clash = dir.sections.find((s) => s.name === name && s._id !== existing?._id && isActive(s));
    if (clash) c.fail(h('name'), `名称“${name}”已是另一个股室（编号 ${clash.code ?? clash._id}）的名称`);
    if (existing && claimed.has(existing._id)) c.fail(null, '与前面的一行对应同一个股室');
    problems.push(...c.problems);
    if (!c.ok) continue;
    const label = code ? `${name}（${code}）` : name;
    if (!existing) {
      const target = { name, order: order ?? nextOrder++, code: code || null, leaderId, active: true };
      changes.push(changeOf(r, idFor(code, taken, 'S', newId), label, undefined, target, headerOf));
      continue;
    }
    claimed.add(existing._id);
    const target = sectionTarget(existing, { name, code, order, leaderId }, has);
    changes.push(changeOf(r, existing._id, label, { ...existing, active: isActive(existing) }, target, headerOf));
  }
  return { changes, problems };
};

/** An existing section's fields as the row sets them (a column the file lacks leaves its field alone). */
function sectionTarget(
  existing: SectionDoc,
  v: { name: string; code: string; order: number | null; leaderId: string | null },
  has: (k: string) => boolean,
) {
  const target: Record<string, unknown> = { name: v.name, active: true };
  if (has('code') && (v.code || existing.code)) target.code = v.code || null;
  if (v.order !== null) target.order = v.order;
  if (has('leader')) target.leaderId = v.leaderId;
  return target;
}

/** The roles a roster cell gives: 股室负责人 brings 干部 with it (a section head is assessed as a cadre). */
function parseRoles(text: string): Checked<Role[]> {
  const parts = text
    .split(/[、,，;；/\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (parts.length === 0) return bad('请填写角色');
  const roles = new Set<Role>();
  for (const p of parts) {
    const r = ROLE_BY_LABEL.get(p);
    if (!r) return bad(`角色“${p}”无法识别（可填：${ROSTER_ROLES.map((x) => ROLE_LABELS[x]).join('、')}）`);
    roles.add(r);
  }
  if (roles.has('sectionHead')) roles.add('cadre');
  return okv(ROSTER_ROLES.filter((r) => roles.has(r)));
}

const isStaff = (m: MemberDoc) => m.roles.some((r) => r !== 'enterprise');
const peopleHeader = (k: string) => header('people', k);

function sectionRef(text: string, roles: Role[], byName: Map<string, SectionDoc>): Checked<string | null> {
  if (!text) return roles.includes('cadre') ? bad('干部和股室负责人须填写所在股室') : okv(null);
  const s = byName.get(text);
  return s ? okv(s._id) : bad(`股室“${text}”不存在，请先在股室名录中添加（或核对名称）`);
}

function joinedCheck(text: string): Checked<string | null> {
  if (!text) return okv(null);
  const day = dayFromText(text);
  return day ? okv(day) : bad(`“${text}”不是日期，请写成 2026-03-01`);
}

/** The roster's record a row is about: by 工号, a numberless namesake being given one, or the name alone. */
function findPerson(staff: MemberDoc[], staffNo: string, name: string, c: RowCheck): MemberDoc | undefined {
  const byNo = staffNo ? staff.find((m) => m.staffNo === staffNo) : undefined;
  if (byNo) return byNo;
  const named = staff.filter((m) => m.active && m.name === name && (!staffNo || !m.staffNo));
  if (named.length > 1 && !staffNo) c.fail(peopleHeader('staffNo'), `花名册中有${named.length}人名叫“${name}”，请填写工号区分`);
  return named.length === 1 ? named[0] : undefined;
}

/** What the file may not change of someone on the roster: their section or roles (a change with a date: 人员变动). */
function structuralProblems(existing: MemberDoc, sectionText: string, sectionId: string | null, roles: Role[], c: RowCheck): void {
  if (sectionText && existing.sectionId !== sectionId) {
    c.fail(
      peopleHeader('section'),
      `${existing.name}现在${existing.sectionId ? '另一股室' : '不在股室'}：调动请在“人员变动”中办理（需生效日期和原因）`,
    );
  }
  if (!same([...existing.roles].sort(), [...roles].sort())) {
    const now = existing.roles.map((x) => ROLE_LABELS[x]).join('、');
    c.fail(peopleHeader('roles'), `${existing.name}的角色是“${now}”：角色变化请在“人员变动”中办理（需生效日期和原因）`);
  }
}

interface PersonFields {
  name: string;
  staffNo: string;
  post: string;
  roles: Role[];
  sectionText: string;
  sectionId: string | null;
  joinedOn: string | null;
}

function personFields(r: Row, c: RowCheck, sectionByName: Map<string, SectionDoc>): PersonFields {
  const h = peopleHeader;
  const name = c.take(lengthCheck(r.cells.get('name') ?? '', 2, 20, '姓名', true), h('name'), '');
  const staffNo = c.take(codeCheck(r.cells.get('staffNo') ?? '', '工号'), h('staffNo'), '');
  const post = c.take(lengthCheck(r.cells.get('post') ?? '', 0, 20, '岗位', false), h('post'), '');
  const roles = c.take(parseRoles(r.cells.get('roles') ?? ''), h('roles'), []);
  const sectionText = r.cells.get('section') ?? '';
  const sectionId = c.take(sectionRef(sectionText, roles, sectionByName), h('section'), null);
  const joinedOn = c.take(joinedCheck(r.cells.get('joinedOn') ?? ''), h('joinedOn'), null);
  return { name, staffNo, post, roles, sectionText, sectionId, joinedOn };
}

/** A row about someone on the roster: not one who left, once in the file, and no move or new role (unless set-up's). */
function rosterProblems(existing: MemberDoc, v: PersonFields, completing: boolean, claimed: Map<string, number>, c: RowCheck): void {
  if (!existing.active) c.fail(null, `${existing.name}已于${existing.leftOn ?? '此前'}离开园区，如重新回到园区请在“人员”中办理`);
  const first = claimed.get(existing._id);
  if (first !== undefined) c.fail(null, `与第${first}行是同一人`);
  claimed.set(existing._id, c.row);
  if (c.ok && !completing) structuralProblems(existing, v.sectionText, v.sectionId, v.roles, c);
}

const newPerson = (v: PersonFields) => ({
  name: v.name,
  roles: v.roles,
  sectionId: v.sectionId,
  post: v.post || null,
  enterpriseId: null,
  active: true,
  bound: false,
  staffNo: v.staffNo || null,
  joinedOn: v.joinedOn,
});

function personTarget(existing: MemberDoc, v: PersonFields, completing: boolean, has: (k: string) => boolean): Record<string, unknown> {
  const target: Record<string, unknown> = completing ? { name: v.name, sectionId: v.sectionId, roles: v.roles } : { name: v.name };
  if (has('staffNo') && (v.staffNo || existing.staffNo)) target.staffNo = v.staffNo || null;
  if (has('post')) target.post = v.post || null;
  if (has('joinedOn')) target.joinedOn = v.joinedOn;
  return target;
}

/** The record set-up made for the first 组织员 (no section, the admin role alone): their roster row completes it. */
const completesSetup = (m: MemberDoc, roles: Role[]) =>
  m.sectionId === null && m.roles.length === 1 && m.roles[0] === 'admin' && roles.includes('admin');

const planPeople: Planner = (rows, has, dir, newId) => {
  const h = peopleHeader;
  const headerOf = { name: h('name'), staffNo: h('staffNo'), sectionId: h('section'), post: h('post'), roles: h('roles'), joinedOn: h('joinedOn') };
  const problems: RowProblem[] = [
    ...keyed(
      rows,
      (r) => (r.cells.get('staffNo') ? `no:${r.cells.get('staffNo') ?? ''}` : null),
      (r, first) => ({ row: r.row, column: h('staffNo'), message: `工号与第${first}行重复：一人只占一行（一人不能在两个股室）` }),
    ).problems,
    ...keyed(
      rows,
      (r) => (r.cells.get('staffNo') ? null : `name:${r.cells.get('name') ?? ''}`),
      (r, first) => ({ row: r.row, column: h('name'), message: `与第${first}行同名且都没有工号：同一人只占一行，同名的两人请填写工号区分` }),
    ).problems,
  ];
  const changes: Change[] = [];
  const staff = dir.members.filter(isStaff);
  const taken = new Set(dir.members.map((m) => m._id));
  const sectionByName = new Map(dir.sections.filter(isActive).map((s) => [s.name, s]));
  const claimed = new Map<string, number>();
  const heads: { row: number; id: string; sectionId: string }[] = [];
  for (const r of rows) {
    const c = new RowCheck(r.row);
    const v = personFields(r, c, sectionByName);
    const existing = findPerson(staff, v.staffNo, v.name, c);
    const completing = existing !== undefined && completesSetup(existing, v.roles);
    if (existing) rosterProblems(existing, v, completing, claimed, c);
    problems.push(...c.problems);
    if (!c.ok) continue;
    const label = v.staffNo ? `${v.name}（${v.staffNo}）` : v.name;
    const id = existing?._id ?? idFor(v.staffNo, taken, 'M', newId);
    const kept = existing && !completing ? existing : null;
    const finalSection = kept ? kept.sectionId : v.sectionId;
    if ((kept ? kept.roles : v.roles).includes('sectionHead') && finalSection) heads.push({ row: r.row, id, sectionId: finalSection });
    const target = existing ? personTarget(existing, v, completing, has) : newPerson(v);
    changes.push(changeOf(r, id, label, existing as unknown as Record<string, unknown> | undefined, target, headerOf));
  }
  problems.push(...headProblems(heads, staff, claimed));
  return { changes, problems };
};

/** One head a section: two in the file, or one in the file where the roster has another the file does not name. */
function headProblems(heads: { row: number; id: string; sectionId: string }[], staff: MemberDoc[], claimed: Map<string, number>): RowProblem[] {
  const out: RowProblem[] = [];
  const first = new Map<string, number>();
  for (const x of heads) {
    const earlier = first.get(x.sectionId);
    if (earlier !== undefined)
      out.push({ row: x.row, column: peopleHeader('roles'), message: `第${earlier}行已是该股室的负责人：每个股室一名负责人` });
    else first.set(x.sectionId, x.row);
    const sitting = staff.find(
      (m) => m.active && m._id !== x.id && m.sectionId === x.sectionId && m.roles.includes('sectionHead') && !claimed.has(m._id),
    );
    if (sitting) out.push({ row: x.row, column: peopleHeader('roles'), message: `该股室已有负责人${sitting.name}：更换负责人请在“人员变动”中办理` });
  }
  return out;
}

const enterpriseHeader = (k: string) => header('enterprises', k);

function creditCheck(text: string): Checked<string> {
  const code = normalizeCreditCode(text);
  if (!code) return bad('请填写统一社会信用代码');
  const problem = creditCodeProblem(code);
  return problem ? bad(problem) : okv(code);
}

function scaleCheck(text: string): Checked<boolean> {
  if (YES.has(text)) return okv(true);
  if (NO.has(text)) return okv(false);
  return bad(text ? `“${text}”无法识别，请填“是”或“否”` : '请填写“是”或“否”');
}

function liaisonRef(text: string, dir: Directory): Checked<string | null> {
  if (!text) return okv(null);
  const ref = personRef(text, dir.members, (m) => m.roles.includes('cadre'), '干部');
  return 'id' in ref ? okv(ref.id) : bad(ref.problem);
}

const planEnterprises: Planner = (rows, has, dir, newId) => {
  const h = enterpriseHeader;
  const headerOf = {
    name: h('name'),
    creditCode: h('creditCode'),
    industry: h('industry'),
    aboveScale: h('aboveScale'),
    liaisonId: h('liaison'),
    code: h('code'),
    active: '状态',
  };
  const problems: RowProblem[] = [
    ...keyed(
      rows,
      (r) => normalizeCreditCode(r.cells.get('creditCode') ?? '') || null,
      (r, first) => ({ row: r.row, column: h('creditCode'), message: `统一社会信用代码与第${first}行重复：一家企业只占一行` }),
    ).problems,
    ...keyed(
      rows,
      (r) => r.cells.get('name') || null,
      (r, first) => ({ row: r.row, column: h('name'), message: `企业名称与第${first}行重复` }),
    ).problems,
  ];
  const changes: Change[] = [];
  const taken = new Set(dir.enterprises.map((e) => e._id));
  const byCode = new Map(dir.enterprises.flatMap((e) => (e.creditCode ? [[e.creditCode, e] as const] : [])));
  const claimed = new Set<string>();
  for (const r of rows) {
    const c = new RowCheck(r.row);
    const name = c.take(lengthCheck(r.cells.get('name') ?? '', 2, 40, '企业名称', true), h('name'), '');
    const creditCode = c.take(creditCheck(r.cells.get('creditCode') ?? ''), h('creditCode'), '');
    const industry = c.take(lengthCheck(r.cells.get('industry') ?? '', 1, 20, '所属行业', true), h('industry'), '');
    const aboveScale = c.take(scaleCheck(r.cells.get('aboveScale') ?? ''), h('aboveScale'), false);
    const liaisonId = c.take(liaisonRef(r.cells.get('liaison') ?? '', dir), h('liaison'), null);
    const code = c.take(codeCheck(r.cells.get('code') ?? '', '编号'), h('code'), '');
    // matched by credit code; a record entered before codes were kept is matched once by its exact name
    const existing = byCode.get(creditCode) ?? dir.enterprises.find((e) => !e.creditCode && e.name === name && !claimed.has(e._id));
    const clash = dir.enterprises.find((e) => e.name === name && e._id !== existing?._id && isActive(e));
    if (clash) c.fail(h('name'), `名录中已有同名企业（信用代码 ${clash.creditCode ?? '未填'}）`);
    problems.push(...c.problems);
    if (!c.ok) continue;
    const label = `${name}（${creditCode}）`;
    if (!existing) {
      const target = { name, creditCode, industry, aboveScale, liaisonId, code: code || null, active: true };
      changes.push(changeOf(r, idFor(code, taken, 'E', newId), label, undefined, target, headerOf));
      continue;
    }
    claimed.add(existing._id);
    const target: Record<string, unknown> = { name, creditCode, industry, aboveScale, active: true };
    if (has('liaison')) target.liaisonId = liaisonId;
    if (has('code') && (code || existing.code)) target.code = code || null;
    changes.push(changeOf(r, existing._id, label, { ...existing, active: isActive(existing) }, target, headerOf));
  }
  return { changes, problems };
};

/** The rows of an export: the same columns as the template, one row a record, in the directory's order. */
export function exportRows(kind: ImportKind, dir: Directory): string[][] {
  const cols = TEMPLATES[kind].columns;
  const headerRow = cols.map((c) => c.header);
  const memberRef = (id: string | null | undefined) => {
    const m = id ? dir.members.find((x) => x._id === id) : undefined;
    return m ? (m.staffNo ?? m.name) : '';
  };
  const sectionName = new Map(dir.sections.map((s) => [s._id, s.name]));
  const value = (rec: Record<string, string>) => cols.map((c) => rec[c.key] ?? '');
  if (kind === 'projects') return [headerRow, ...projectRows(dir, value)];
  if (kind === 'sections') {
    const list = dir.sections.filter(isActive).sort((a, b) => a.order - b.order);
    return [headerRow, ...list.map((s) => value({ name: s.name, code: s.code ?? '', order: String(s.order), leader: memberRef(s.leaderId) }))];
  }
  if (kind === 'people') {
    const order = new Map(dir.sections.map((s) => [s._id, s.order]));
    const list = dir.members
      .filter((m) => m.active && isStaff(m))
      .sort(
        (a, b) => (order.get(a.sectionId ?? '') ?? 0) - (order.get(b.sectionId ?? '') ?? 0) || (a.staffNo ?? a._id).localeCompare(b.staffNo ?? b._id),
      );
    return [
      headerRow,
      ...list.map((m) =>
        value({
          name: m.name,
          staffNo: m.staffNo ?? '',
          section: m.sectionId ? (sectionName.get(m.sectionId) ?? '') : '',
          post: m.post ?? '',
          roles: ROSTER_ROLES.filter((r) => m.roles.includes(r) && !(r === 'cadre' && m.roles.includes('sectionHead')))
            .map((r) => ROLE_LABELS[r])
            .join('、'),
          joinedOn: m.joinedOn ?? '',
        }),
      ),
    ];
  }
  const list = dir.enterprises.filter(isActive).sort((a, b) => (a.code ?? a._id).localeCompare(b.code ?? b._id));
  return [
    headerRow,
    ...list.map((e) =>
      value({
        name: e.name,
        creditCode: e.creditCode ?? '',
        industry: e.industry,
        aboveScale: e.aboveScale ? '是' : '否',
        liaison: memberRef(e.liaisonId),
        code: e.code ?? '',
      }),
    ),
  ];
}

/** The template's rows: the header and the example row. */
export function templateRows(kind: ImportKind): string[][] {
  const cols = TEMPLATES[kind].columns;
  return [cols.map((c) => c.header), cols.map((c) => c.example)];
}

export const countOf = (changes: Change[], op: ChangeOp) => changes.filter((c) => c.op === op).length;

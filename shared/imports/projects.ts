/**
 * The key projects' file (重点项目台账), as an import plans it (pure).
 *
 * Rules, besides those every kind follows (plan.ts):
 * - A project is matched by its 项目编号, else by its name; its enterprise by 统一社会信用代码 or name, among the
 *   enterprises in use.
 * - 责任干部 are the project's owners: the cadres its on-time milestones count for. A file that has the column sets
 *   them (a name taken out is an owner no more); an owner added by the file counts from the day it is written,
 *   like a claim made in the app.
 * - Planned dates follow the rules of a plan made in the app (shared/projects/milestone.ts planProblem): in order,
 *   and a milestone already reached keeps its planned date. A milestone the project has dropped takes no date.
 * - Actual dates come in only with a project new to Yardstick — its history before the park used the app, in order
 *   and not after today. Nobody's claim predates them, so they credit nobody; they give the landing cycle its
 *   start. After that, a milestone is recorded by its owners in the app and corrected by the admin there, with a
 *   reason: a cell cannot carry either, so a file whose actual date differs from the record is refused.
 * - A stopped project named in the file is restored, as a retired section or enterprise is.
 */
import { normalizeCreditCode } from '../park/credit-code';
import { isActive, type EnterpriseDoc } from '../park/park';
import { PROJECTS, STANDARD_MILESTONES } from '../projects/config';
import { planProblem, reachProblem, type Milestone } from '../projects/milestone';
import type { ClaimDoc, ProjectDoc } from '../projects/project';
import {
  RowCheck,
  codeOrNameRepeats,
  bad,
  changeOf,
  codeCheck,
  dayFromText,
  header,
  idFor,
  lengthCheck,
  okv,
  personRef,
  same,
  type Change,
  type Checked,
  type Directory,
  type Planner,
  type Row,
  type RowProblem,
} from './rows';

const h = (k: string) => header('projects', k);
const STANDARD_KEYS = new Set<string>(STANDARD_MILESTONES.map((m) => m.key));

function enterpriseRef(text: string, enterprises: EnterpriseDoc[]): Checked<string> {
  if (!text) return bad('请填写所属企业（统一社会信用代码或名称）');
  const inUse = enterprises.filter(isActive);
  const code = normalizeCreditCode(text);
  const byCode = inUse.find((e) => e.creditCode && e.creditCode === code);
  if (byCode) return okv(byCode._id);
  const byName = inUse.filter((e) => e.name === text);
  if (byName.length === 1 && byName[0]) return okv(byName[0]._id);
  if (byName.length > 1) return bad(`企业名录中有${byName.length}家企业名叫“${text}”，请改填统一社会信用代码`);
  return bad(`企业“${text}”不在企业名录中（或已停用），请先导入企业名录`);
}

function ownersRef(text: string, dir: Directory): Checked<string[]> {
  const parts = [
    ...new Set(
      text
        .split(/[、,，;；/\s]+/)
        .map((x) => x.trim())
        .filter(Boolean),
    ),
  ];
  if (parts.length > PROJECTS.ownersMax) return bad(`责任干部不超过${PROJECTS.ownersMax}人`);
  const ids: string[] = [];
  for (const p of parts) {
    const ref = personRef(p, dir.members, (m) => m.roles.includes('cadre'), '干部');
    if ('problem' in ref) return bad(ref.problem);
    if (!ids.includes(ref.id)) ids.push(ref.id);
  }
  return okv(ids.sort());
}

function dayCell(text: string): Checked<string | null> {
  if (!text) return okv(null);
  const day = dayFromText(text);
  return day ? okv(day) : bad(`“${text}”不是日期，请写成 2026-03-15`);
}

/** The file's dates for each standard milestone whose column it has: planned and actual, as read. */
function datesOf(r: Row, has: (k: string) => boolean, c: RowCheck) {
  const dates = new Map<string, { planned?: string | null; actual?: string | null }>();
  for (const m of STANDARD_MILESTONES) {
    const d: { planned?: string | null; actual?: string | null } = {};
    const plan = `plan:${m.key}`;
    const done = `done:${m.key}`;
    if (has(plan)) d.planned = c.take(dayCell(r.cells.get(plan) ?? ''), h(plan), null);
    if (has(done)) d.actual = c.take(dayCell(r.cells.get(done) ?? ''), h(done), null);
    dates.set(m.key, d);
  }
  return dates;
}

/** The column a plan's problem points at (`milestones.3.planned`), when it is a standard milestone's. */
function columnOfPath(path: string, ms: readonly Milestone[]): string | null {
  const m = /^milestones\.(\d+)/.exec(path);
  const key = m ? ms[Number(m[1])]?.key : undefined;
  return key && STANDARD_KEYS.has(key) ? h(`plan:${key}`) : null;
}

type Dates = ReturnType<typeof datesOf>;

/** A new project's milestones: the standard ones, with the file's dates; the actual ones checked in order. */
function newMilestones(dates: Dates, today: string, c: RowCheck): Milestone[] {
  let ms: Milestone[] = STANDARD_MILESTONES.map((m) => ({ key: m.key, name: m.name, planned: dates.get(m.key)?.planned ?? null, actual: null }));
  const plan = planProblem(ms, []);
  if (plan) c.fail(columnOfPath(plan.path, ms), plan.message);
  for (const m of STANDARD_MILESTONES) {
    const actual = dates.get(m.key)?.actual ?? null;
    if (actual === null) continue;
    const problem = reachProblem(ms, m.key, actual, today);
    if (problem) {
      c.fail(h(`done:${m.key}`), problem.message);
      break;
    }
    ms = ms.map((x) => (x.key === m.key ? { ...x, actual } : x));
  }
  return ms;
}

/** An existing project's milestones with the file's planned dates; its actual dates must be as recorded. */
function updatedMilestones(p: ProjectDoc, dates: Dates, c: RowCheck): Milestone[] {
  for (const m of STANDARD_MILESTONES) {
    const d = dates.get(m.key) ?? {};
    const mine = p.milestones.find((x) => x.key === m.key);
    if (!mine) {
      if (d.planned || d.actual) c.fail(h(`${d.planned ? 'plan' : 'done'}:${m.key}`), `该项目已没有“${m.name}”节点，请留空`);
      continue;
    }
    if (d.actual !== undefined && d.actual !== mine.actual) {
      c.fail(
        h(`done:${m.key}`),
        `“${mine.name}”的完成日期在系统中是${mine.actual ?? '未完成'}：完成情况由责任干部在项目中填报，更正请在项目中办理（需说明原因）`,
      );
    }
  }
  const next = p.milestones.map((m) => {
    const planned = dates.get(m.key)?.planned;
    return planned === undefined ? m : { ...m, planned };
  });
  const problem = planProblem(next, p.milestones);
  if (problem) c.fail(columnOfPath(problem.path, next), problem.message);
  return next;
}

/** The headers of the date cells whose value changes. */
function changedDates(before: readonly Milestone[], after: readonly Milestone[]): string {
  const out: string[] = [];
  for (const m of after) {
    const was = before.find((x) => x.key === m.key);
    if (was?.planned !== m.planned) out.push(STANDARD_KEYS.has(m.key) ? h(`plan:${m.key}`) : `${m.name}计划日期`);
  }
  return out.join('、') || '节点日期';
}

/** A project's owners still in the park (someone who left stays on the project's history, not in its file). */
function ownersOf(projectId: string, claims: readonly ClaimDoc[], dir: Directory): string[] {
  const here = new Set(dir.members.filter((m) => m.active).map((m) => m._id));
  return claims
    .filter((x) => x.projectId === projectId && here.has(x.memberId))
    .map((x) => x.memberId)
    .sort();
}

/** A row's cells, checked (a failed cell's value is its fallback; the row's check holds the problem). */
function rowValues(r: Row, has: (k: string) => boolean, dir: Directory, c: RowCheck) {
  return {
    name: c.take(lengthCheck(r.cells.get('name') ?? '', 2, 40, '项目名称', true), h('name'), ''),
    code: c.take(codeCheck(r.cells.get('code') ?? '', '项目编号'), h('code'), ''),
    enterpriseId: c.take(enterpriseRef(r.cells.get('enterprise') ?? '', dir.enterprises), h('enterprise'), ''),
    owners: has('owners') ? c.take(ownersRef(r.cells.get('owners') ?? '', dir), h('owners'), []) : null,
    dates: datesOf(r, has, c),
  };
}

/** An existing project's change: the fields the row sets, in the file's column order (the preview lists them so). */
function updateOf(
  r: Row,
  label: string,
  existing: ProjectDoc,
  v: { name: string; code: string; enterpriseId: string; owners: string[] | null; milestones: Milestone[] },
  has: (k: string) => boolean,
  owners: string[],
): Change {
  const target: Record<string, unknown> = { name: v.name };
  if (has('code') && (v.code || existing.code)) target.code = v.code || null;
  target.enterpriseId = v.enterpriseId;
  if (v.owners) target.owners = v.owners;
  if (!same(existing.milestones, v.milestones)) target.milestones = v.milestones;
  target.active = true;
  const headerOf = {
    name: h('name'),
    code: h('code'),
    enterpriseId: h('enterprise'),
    owners: h('owners'),
    active: '状态',
    milestones: changedDates(existing.milestones, v.milestones),
  };
  const current: Record<string, unknown> = { ...existing, active: isActive(existing), owners };
  return changeOf(r, existing._id, label, current, target, headerOf);
}

export const planProjects: Planner = (rows, has, dir, newId, today) => {
  const projects = dir.projects ?? [];
  const claims = dir.claims ?? [];
  const problems: RowProblem[] = codeOrNameRepeats(rows, '项目', h('name'));
  const changes: Change[] = [];
  const taken = new Set(projects.map((p) => p._id));
  const claimed = new Set<string>();
  for (const r of rows) {
    const c = new RowCheck(r.row);
    const v = rowValues(r, has, dir, c);
    const existing = v.code ? projects.find((p) => p.code === v.code || (!p.code && p._id === v.code)) : projects.find((p) => p.name === v.name);
    const clash = projects.find((p) => p.name === v.name && p._id !== existing?._id && isActive(p));
    if (clash) c.fail(h('name'), `名称“${v.name}”已是另一个项目（编号 ${clash.code ?? clash._id}）的名称`);
    if (existing && claimed.has(existing._id)) c.fail(null, '与前面的一行对应同一个项目');
    const milestones = existing ? updatedMilestones(existing, v.dates, c) : newMilestones(v.dates, today, c);
    problems.push(...c.problems);
    if (!c.ok) continue;
    const label = v.code ? `${v.name}（${v.code}）` : v.name;
    if (!existing) {
      const target = { name: v.name, code: v.code || null, enterpriseId: v.enterpriseId, milestones, active: true, owners: v.owners ?? [] };
      changes.push(changeOf(r, idFor(v.code, taken, 'P', newId), label, undefined, target, {}));
      continue;
    }
    claimed.add(existing._id);
    changes.push(updateOf(r, label, existing, { ...v, milestones }, has, ownersOf(existing._id, claims, dir)));
  }
  return { changes, problems };
};

/** The 台账's rows of the projects in use: the same columns as the template, in 编号 order. */
export function projectRows(dir: Directory, value: (rec: Record<string, string>) => string[]): string[][] {
  const memberRef = (id: string) => {
    const m = dir.members.find((x) => x._id === id);
    return m ? (m.staffNo ?? m.name) : '';
  };
  const enterprise = new Map<string, string>(dir.enterprises.map((e) => [e._id, e.creditCode ?? e.name]));
  const list = (dir.projects ?? []).filter(isActive).sort((a, b) => (a.code ?? a._id).localeCompare(b.code ?? b._id));
  return list.map((p) => {
    const rec: Record<string, string> = {
      name: p.name,
      code: p.code ?? '',
      enterprise: enterprise.get(p.enterpriseId) ?? '',
      owners: ownersOf(p._id, dir.claims ?? [], dir)
        .map(memberRef)
        .join('、'),
    };
    for (const m of p.milestones) {
      if (!STANDARD_KEYS.has(m.key)) continue;
      rec[`plan:${m.key}`] = m.planned ?? '';
      rec[`done:${m.key}`] = m.actual ?? '';
    }
    return value(rec);
  });
}

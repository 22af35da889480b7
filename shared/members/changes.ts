/**
 * People through the year (人员变动): what the roster allows, as rules the functions and the pages share.
 * Each change names its effective day and a reason, and is refused rather than half done:
 * - nobody leaves while they oversee sections (分管领导): another leader takes them over first;
 * - the park never loses its last administrator (组织员);
 * - a change dated inside a closed quarter would rewrite a result already given: refused;
 * - a section has one head (股室负责人).
 */
import { parkInstant, quarterOf } from '../common/time';
import type { PeriodDoc } from '../assessment/period';
import { isActive, type SectionDoc } from '../park/park';
import { ROLE_LABELS, type Role } from './contract';
import type { MemberDoc } from './member';

export const isStaff = (m: Pick<MemberDoc, 'roles'>): boolean => m.roles.some((r) => r !== 'enterprise');

/** Why `day` cannot carry a change: its quarter is closed (or being closed). */
export function closedQuarterProblem(day: string, periods: Pick<PeriodDoc, '_id' | 'status'>[]): string | null {
  const q = quarterOf(parkInstant(day, '12:00'));
  const p = periods.find((x) => x._id === q);
  return p && p.status !== 'open' ? `${day}所在的${q.replace('Q', '年第')}季度已结束考核，变动日期须在未结束的季度内` : null;
}

/** Why `person` may not leave: the sections they oversee, or being the last administrator. */
export function leaveProblem(person: MemberDoc, members: MemberDoc[], sections: SectionDoc[]): string | null {
  if (!person.active) return `${person.name}已于${person.leftOn ?? '此前'}离开`;
  const overseen = sections.filter((s) => isActive(s) && s.leaderId === person._id);
  if (overseen.length > 0) return `${person.name}仍分管${overseen.map((s) => s.name).join('、')}，请先在股室中改由其他领导分管`;
  if (person.roles.includes('admin') && !members.some((m) => m._id !== person._id && m.active && m.roles.includes('admin'))) {
    return `${person.name}是园区唯一的组织员，请先为另一人加上组织员角色`;
  }
  return null;
}

/** Why a head cannot be added to `sectionId`: it has one already (other than `except`). */
export function headProblem(sectionId: string, members: MemberDoc[], except: string | null): string | null {
  const head = members.find((m) => m.active && m._id !== except && m.sectionId === sectionId && m.roles.includes('sectionHead'));
  return head ? `该股室已有负责人${head.name}` : null;
}

export interface ChangeRequest {
  on: string;
  sectionId?: string;
  post?: string;
  roles?: Role[];
}

export interface ChangeOutcome {
  /** The person as the change leaves them. */
  next: Pick<MemberDoc, 'sectionId' | 'post' | 'roles'>;
  /** The sitting head who becomes a cadre of the section, when the change makes someone else its head (接任). */
  displaced: MemberDoc | null;
  /** What changed, in words: 调往企业服务中心；岗位一级主办→二级主办；角色干部→干部、股室负责人. */
  text: string;
}

const STAFF_ORDER: Role[] = ['cadre', 'sectionHead', 'leader', 'admin'];
const rolesText = (roles: Role[]) => roles.map((r) => ROLE_LABELS[r]).join('、');

type ChangeContext = { members: MemberDoc[]; sections: SectionDoc[]; periods: Pick<PeriodDoc, '_id' | 'status'>[]; today: string };

/** Why the change cannot carry its day: ahead of today, before they joined, or in a closed quarter. */
function dayProblem(person: MemberDoc, on: string, ctx: ChangeContext): string | null {
  if (on > ctx.today) return '变动日期不能晚于今天：请在变动发生后办理';
  if (person.joinedOn && on < person.joinedOn) return `变动日期早于${person.name}的入职日期（${person.joinedOn}）`;
  return closedQuarterProblem(on, ctx.periods);
}

/** The roles after the change: those asked (股室负责人 brings 干部), else the same less the head's when moving. */
function rolesAfter(person: MemberDoc, req: ChangeRequest, moving: boolean): Role[] {
  if (req.roles) {
    const asked = new Set<Role>(req.roles);
    return STAFF_ORDER.filter((r) => asked.has(r) || (r === 'cadre' && asked.has('sectionHead')));
  }
  const kept = person.roles.filter((r) => r !== 'enterprise');
  // a head moved elsewhere is a cadre there, unless this change makes them its head
  return moving ? kept.filter((r) => r !== 'sectionHead') : kept;
}

/** What the new roles may not take away: the park's last 组织员, a leader who still oversees sections. */
function rolesProblem(person: MemberDoc, roles: Role[], ctx: ChangeContext): string | null {
  if (
    person.roles.includes('admin') &&
    !roles.includes('admin') &&
    !ctx.members.some((m) => m._id !== person._id && m.active && m.roles.includes('admin'))
  ) {
    return `${person.name}是园区唯一的组织员，请先为另一人加上组织员角色`;
  }
  const overseen = ctx.sections.filter((s) => isActive(s) && s.leaderId === person._id);
  if (person.roles.includes('leader') && !roles.includes('leader') && overseen.length > 0) {
    return `${person.name}仍分管${overseen.map((s) => s.name).join('、')}，请先在股室中改由其他领导分管`;
  }
  return null;
}

/**
 * A change of someone on the roster from a day: its rules, and what it leaves them as. Refused (with the reason in
 * Chinese) when nothing changes, when the day is ahead of today, before they joined or in a closed quarter, when the
 * section is not an active one, when a cadre would have no section, when it would take away the park's last
 * 组织员 or a leader who still oversees sections. A section head moved elsewhere stops being head unless the same
 * change makes them head there; making someone head of a section that has one makes the sitting head its cadre.
 */
export function planChange(person: MemberDoc, req: ChangeRequest, ctx: ChangeContext): { problem: string } | ChangeOutcome {
  if (!person.active || !isStaff(person)) return { problem: `${person.name}不在册，不能办理变动` };
  const when = dayProblem(person, req.on, ctx);
  if (when) return { problem: when };
  const moving = req.sectionId !== undefined && req.sectionId !== person.sectionId;
  if (req.sectionId !== undefined && !ctx.sections.some((s) => s._id === req.sectionId && isActive(s)))
    return { problem: '调入的股室不存在或已撤销' };
  const roles = rolesAfter(person, req, moving);
  const next = { sectionId: req.sectionId ?? person.sectionId, post: req.post === undefined ? person.post : req.post || null, roles };
  if (roles.includes('cadre') && !next.sectionId) return { problem: '干部须在一个股室' };
  const taken = rolesProblem(person, roles, ctx);
  if (taken) return { problem: taken };
  const sameRoles = [...roles].sort().join() === [...person.roles].sort().join();
  if (!moving && sameRoles && next.post === person.post) return { problem: '没有变化：请选择新的股室、岗位或角色' };
  const displaced = roles.includes('sectionHead')
    ? (ctx.members.find((m) => m.active && m._id !== person._id && m.sectionId === next.sectionId && m.roles.includes('sectionHead')) ?? null)
    : null;
  return { next, displaced, text: describe(person, next, displaced, ctx.sections) };
}

/** The change in words: 由党政办公室调往企业服务中心；岗位一级主办→二级主办；角色干部→干部、股室负责人. */
function describe(person: MemberDoc, next: ChangeOutcome['next'], displaced: MemberDoc | null, sections: SectionDoc[]): string {
  const sectionName = (id: string | null) => sections.find((s) => s._id === id)?.name ?? '无股室';
  const sameRoles = [...next.roles].sort().join() === [...person.roles].sort().join();
  const parts = [
    next.sectionId !== person.sectionId ? `由${sectionName(person.sectionId)}调往${sectionName(next.sectionId)}` : '',
    next.post !== person.post ? `岗位${person.post ?? '未填'}→${next.post ?? '未填'}` : '',
    sameRoles ? '' : `角色${rolesText(person.roles)}→${rolesText(next.roles)}`,
    displaced ? `接任${displaced.name}（改任干部）` : '',
  ];
  return `${person.name}：${parts.filter(Boolean).join('；')}`;
}

/** `memberChanges/{id}`: one person's change, as it was recorded (the history the roster's page shows). */
export interface MemberChangeDoc {
  _id: string;
  memberId: string;
  on: string;
  from: Pick<MemberDoc, 'sectionId' | 'post' | 'roles'>;
  to: Pick<MemberDoc, 'sectionId' | 'post' | 'roles'>;
  reason: string;
  by: string;
  at: number;
  auditSeq: number;
}

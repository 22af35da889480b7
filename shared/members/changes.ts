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

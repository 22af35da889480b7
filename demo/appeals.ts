/**
 * The demo park's enterprise appeals (企业诉求): a liaison cadre (包联干部) for every enterprise, and a few hundred
 * appeals over this quarter and the last in every state — most confirmed (the report: 100+ in half a year, 95%
 * resolved), some waiting, a few overdue, some rated badly and followed up, one contested. Deadlines are counted on
 * the same working-day calendar the functions use. Confirmed appeals of this quarter are in their cadres' dossiers,
 * as the function would have put them there.
 */
import {
  filedAppeal,
  followUpFor,
  withDerived,
  type AppealCategory,
  type AppealDoc,
  type AppealEvent,
  type RatingLevel,
} from '../shared/appeals/appeal';
import { LIBRARY_CALENDARS } from '../shared/common/holidays';
import { WorkCalendar, type YearCalendar } from '../shared/common/workdays';
import { dayOf, inPark, quarterOf } from '../shared/common/time';
import { applyReport, type DossierDoc, type ReportDoc } from '../shared/dossier/dossier';
import type { MemberDoc } from '../shared/members/member';
import type { EnterpriseDoc } from '../shared/park/park';

const TEXTS: Record<AppealCategory, string[]> = {
  labour: ['扩大生产急需招工，希望园区帮忙对接劳务资源', '技术工人流失较多，希望协调职业技能培训', '员工通勤不便，希望增开园区公交班次'],
  land: ['二期厂房用地指标尚未落实，影响扩产计划', '厂区旁闲置地块能否协调租用作为仓储', '土地证办理进度缓慢，希望协调'],
  finance: ['流动资金紧张，希望对接银行低息贷款', '申请技改贴息，需了解办理流程', '希望园区协调担保公司提供融资担保'],
  policy: ['高新技术企业认定奖励何时兑现', '想了解研发费用加计扣除的最新政策', '稳岗补贴申请材料退回，不清楚原因'],
  permits: ['环评审批材料已提交，希望加快办理', '消防验收预约排期较长，影响投产', '施工许可办理需要补充哪些材料'],
  infrastructure: [
    '厂区道路照明不足，夜间通行不便',
    '雨季厂区门口积水严重，希望疏通排水',
    '用电负荷不足，希望协调增容',
    '企业周边设置共享电动车停放点',
  ],
  other: ['周边餐饮配套不足，员工就餐困难', '希望园区组织企业间供需对接会', '厂区附近道路货车乱停影响进出'],
};
const RESOLUTIONS = [
  '已对接相关部门，问题已解决并电话告知企业',
  '已协调专人现场办理，企业需求已落实',
  '已组织召开协调会，明确责任单位和完成时限，现已完成',
  '已帮助企业准备材料并代办，手续已办结',
];
const CATEGORIES = Object.keys(TEXTS) as AppealCategory[];
const DAY = 86_400_000;

export interface DemoAppeals {
  appeals: AppealDoc[];
  /** Per enterprise, its liaison cadre. */
  liaisons: Map<string, string>;
}

/** Liaisons: the report's named pairs first, then round-robin over bound cadres, so every enterprise has one. */
export function demoLiaisons(enterprises: EnterpriseDoc[], members: MemberDoc[]): Map<string, string> {
  const cadres = members.filter((m) => m.roles.includes('cadre') && m.bound && !m.roles.includes('leader'));
  const byName = (name: string) => cadres.find((m) => m.name === name)?._id;
  const out = new Map<string, string>();
  enterprises.forEach((e, i) => out.set(e._id, (cadres[(i * 7) % cadres.length] as MemberDoc)._id));
  const hu = byName('胡广初');
  const song = byName('宋博华');
  if (hu) out.set('E002', hu);
  if (song) out.set('E001', song);
  return out;
}

function calendarFor(now: number): WorkCalendar {
  const y = inPark(now).year();
  return new WorkCalendar([y - 1, y, y + 1].map((k) => LIBRARY_CALENDARS.get(k)).filter((c): c is YearCalendar => c !== undefined));
}

export function demoAppeals(now: number, enterprises: EnterpriseDoc[], members: MemberDoc[], rnd: () => number): DemoAppeals {
  const liaisons = demoLiaisons(enterprises, members);
  const byId = new Map(members.map((m) => [m._id, m]));
  const contacts = new Map(members.filter((m) => m.enterpriseId).map((m) => [m.enterpriseId as string, m]));
  const cal = calendarFor(now);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const appeals: AppealDoc[] = [];
  const count = 320;
  for (let i = 0; i < count; i += 1) {
    // spread over about 180 days, the newest few days old or less
    const age = Math.floor((1 - i / count) * 178 * DAY + rnd() * DAY) + 2 * 3600_000;
    const filedAt = now - age;
    const e = i < 6 ? (enterprises[i % 2] as EnterpriseDoc) : pick(enterprises.slice(0, 120));
    const assignee = byId.get(liaisons.get(e._id) ?? '') ?? null;
    const contact = contacts.get(e._id);
    const category = pick(CATEGORIES);
    const ev = (at: number, kind: AppealEvent['kind'], who: MemberDoc | undefined | null, note = ''): AppealEvent => ({
      at,
      kind,
      by: who?._id ?? 'enterprise',
      byName: who?.name ?? `${e.name}联系人`,
      note,
    });
    const base = filedAppeal(
      {
        id: `AP${String(i + 1).padStart(4, '0')}`,
        enterprise: e,
        filer: contact ?? null,
        assignee,
        category,
        text: pick(TEXTS[category]),
        photoFileIds: [],
        at: filedAt,
      },
      cal,
    );
    // the newest few still wait to be accepted; now and then one sticks (overdue); two recent ones rated badly
    const fate: Fate = i >= count - 4 ? 'filed' : i % 57 === 0 ? 'stuck' : i === count - 25 || i === count - 40 ? 'bad' : 'normal';
    appeals.push(course(base, now, rnd, ev, assignee, contact, cal, fate));
  }
  return { appeals: appeals.map(withDerived), liaisons };
}

type Ev = (at: number, kind: AppealEvent['kind'], who: MemberDoc | undefined | null, note?: string) => AppealEvent;

/** Where an appeal of this age has got to: accepted next working day mostly (a few late), resolved in days. */
type Fate = 'normal' | 'filed' | 'stuck' | 'bad';

function course(
  a: AppealDoc,
  now: number,
  rnd: () => number,
  ev: Ev,
  assignee: MemberDoc | null,
  contact: MemberDoc | undefined,
  cal: WorkCalendar,
  fate: Fate,
): AppealDoc {
  const late = rnd() < 0.06;
  const acceptedAt = late ? a.acceptBy + (1 + rnd() * 2) * DAY : a.filedAt + (2 + rnd() * 20) * 3600_000;
  if (fate === 'filed' || acceptedAt > now) return a;
  const out: AppealDoc = { ...a, status: 'accepted', acceptedAt, events: [...a.events, ev(acceptedAt, 'accepted', assignee)] };
  const resolvedAt = acceptedAt + (1 + rnd() * (rnd() < 0.1 ? 20 : 6)) * DAY;
  if (fate === 'stuck' || resolvedAt > now) return out;
  const resolution = RESOLUTIONS[Math.floor(rnd() * RESOLUTIONS.length)] as string;
  out.status = 'resolved';
  out.resolvedAt = resolvedAt;
  out.resolution = resolution;
  out.events.push(ev(resolvedAt, 'resolved', assignee, resolution));
  const confirmedAt = resolvedAt + (0.2 + rnd() * 2) * DAY;
  if (confirmedAt > now || (fate === 'normal' && rnd() < 0.03)) return out;
  out.status = 'confirmed';
  out.confirmedAt = confirmedAt;
  out.events.push(ev(confirmedAt, 'confirmed', contact));
  if (fate === 'normal' && rnd() < 0.3) return out; // rating is voluntary
  return rated(out, confirmedAt, now, rnd, ev, assignee, contact, cal, fate);
}

/** The enterprise's rating, and for a bad one the follow-up as far as time has let it go. */
function rated(
  out: AppealDoc,
  confirmedAt: number,
  now: number,
  rnd: () => number,
  ev: Ev,
  assignee: MemberDoc | null,
  contact: MemberDoc | undefined,
  cal: WorkCalendar,
  fate: Fate,
): AppealDoc {
  const roll = rnd();
  const level: RatingLevel = fate === 'bad' ? 2 : roll < 0.62 ? 5 : roll < 0.9 ? 4 : roll < 0.96 ? 3 : roll < 0.985 ? 2 : 1;
  const ratedAt = confirmedAt + 3600_000;
  out.rating = { level, comment: level >= 4 ? '服务及时，问题解决得好' : level === 3 ? '' : '处理拖延，沟通不够', at: ratedAt };
  out.events.push(ev(ratedAt, 'rated', contact));
  out.followUp = followUpFor(level, ratedAt, cal);
  if (!out.followUp || fate === 'bad' || now - ratedAt <= 2 * DAY) return out;
  const at = ratedAt + 0.5 * DAY;
  out.followUp = { ...out.followUp, callBack: { at, note: '已电话回访企业，了解不满意原因' } };
  out.events.push(ev(at, 'calledBack', assignee, '已电话回访企业，了解不满意原因'));
  if (now - ratedAt > 10 * DAY) {
    const rat = ratedAt + 8 * DAY;
    out.followUp.rectification = { at: rat, note: '已约谈承办人，建立限时办结台账' };
    out.events.push(ev(rat, 'rectified', assignee, '已约谈承办人，建立限时办结台账'));
  }
  return out;
}

/** The confirmed appeals of `periodId`, by assignee: what their dossiers count, and the reports that record it. */
export function confirmedIn(appeals: AppealDoc[], periodId: string): AppealDoc[] {
  return appeals.filter((a) => a.status === 'confirmed' && a.confirmedAt !== null && a.assigneeId && quarterOf(a.confirmedAt) === periodId);
}

/**
 * Count this quarter's confirmed appeals in their assignees' dossiers, with the reports that record them, as
 * appeals.confirm does (server/dossier/report.ts): the demo's "协调解决企业诉求" figures come from the appeals.
 */
export function countConfirmed(
  appeals: AppealDoc[],
  periodId: string,
  dossiers: DossierDoc[],
  reports: ReportDoc[],
  members: MemberDoc[],
  now: number,
): void {
  const dossierOf = new Map(dossiers.map((d) => [d.memberId, d]));
  for (const d of dossiers) d.progress.appeal_resolved = 0;
  for (const a of confirmedIn(appeals, periodId)) {
    const d = dossierOf.get(a.assigneeId ?? '');
    const m = members.find((x) => x._id === a.assigneeId);
    if (!d || !m) continue;
    a.countedIn = periodId;
    Object.assign(d, applyReport(d, 'appeal_resolved', a.enterpriseId));
    reports.push({
      _id: `RPT-APL-${a._id}`,
      memberId: m._id,
      sectionId: m.sectionId ?? '',
      periodId,
      kind: 'appeal_resolved',
      date: dayOf(a.confirmedAt ?? now),
      enterpriseId: a.enterpriseId,
      enterpriseName: a.enterpriseName,
      projectId: null,
      projectName: null,
      note: `企业确认办结：${a.resolution ?? ''}`,
      photoFileIds: [],
      createdAt: a.confirmedAt ?? now,
    });
  }
}

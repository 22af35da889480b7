/**
 * An enterprise's appeal (企业诉求) and the rules of its course: who acts at each step, the working-day deadlines,
 * and the 好差评 rating with its follow-up. Pure: the function loads the appeal and the calendar, asks these rules,
 * and saves.
 *
 *   filed ──accept──▶ accepted ──resolve──▶ resolved ──confirm──▶ confirmed
 *     ▲ (reassign)        ▲  (progress notes)   │
 *     └───────────────────┴──────reopen─────────┘
 *
 * A rating (five levels, voluntary) may be given once the appeal is resolved. A bad one (the last two levels)
 * opens a follow-up: the assignee calls back within 1 working day and rectifies within 15, recorded; after the
 * rectification the enterprise may rate once more (the re-rating replaces the first). The assignee may contest a
 * bad rating as mistaken or malicious; the admin decides, and a rating set aside counts for nothing.
 */
import { APPEALS } from './config';
import type { WorkCalendar } from '../common/workdays';

export const APPEAL_CATEGORIES = {
  labour: '用工',
  land: '用地',
  finance: '融资',
  policy: '政策',
  permits: '审批服务',
  infrastructure: '基础设施',
  other: '其他',
} as const;
export type AppealCategory = keyof typeof APPEAL_CATEGORIES;

export type AppealStatus = 'filed' | 'accepted' | 'resolved' | 'confirmed';
export const STATUS_LABELS: Record<AppealStatus, string> = {
  filed: '待受理',
  accepted: '办理中',
  resolved: '待企业确认',
  confirmed: '已办结',
};

/** The five 好差评 levels, best first; the last two are bad ratings (差评). */
export const RATING_LEVELS = [
  { level: 5, label: '非常满意' },
  { level: 4, label: '满意' },
  { level: 3, label: '基本满意' },
  { level: 2, label: '不满意' },
  { level: 1, label: '非常不满意' },
] as const;
export type RatingLevel = 1 | 2 | 3 | 4 | 5;
export const isBadRating = (level: number): boolean => level <= 2;
export const ratingLabel = (level: number): string => RATING_LEVELS.find((r) => r.level === level)?.label ?? '';

export interface Rating {
  level: RatingLevel;
  comment: string;
  at: number;
}

export type AppealEventKind =
  | 'filed'
  | 'assigned'
  | 'accepted'
  | 'progress'
  | 'resolved'
  | 'confirmed'
  | 'reopened'
  | 'rated'
  | 'reRated'
  | 'calledBack'
  | 'rectified'
  | 'contested'
  | 'decided';

export interface AppealEvent {
  at: number;
  kind: AppealEventKind;
  /** Who acted (a member id), and their name as it was. */
  by: string;
  byName: string;
  note: string;
}

export interface FollowUp {
  /** Deadlines (epoch ms, the end of a working day in park time). */
  callBackBy: number;
  rectifyBy: number;
  callBack: { at: number; note: string } | null;
  rectification: { at: number; note: string } | null;
}

export interface Contest {
  reason: string;
  at: number;
  by: string;
  /** The admin's decision: `upheld` keeps the rating, otherwise it is set aside. */
  decision: { upheld: boolean; note: string; at: number; by: string } | null;
}

/** `appeals/{id}` */
export interface AppealDoc {
  _id: string;
  enterpriseId: string;
  enterpriseName: string;
  /** The contact who filed it (a member id). */
  filedBy: string;
  category: AppealCategory;
  text: string;
  photoFileIds: string[];
  /** The liaison cadre (包联干部) it went to, or null while nobody is (an enterprise without a liaison). */
  assigneeId: string | null;
  assigneeName: string | null;
  /** The assignee's section, for the section head's view. */
  sectionId: string | null;
  status: AppealStatus;
  filedAt: number;
  /** Accept by (the end of the next working day after filing, or after reassignment). */
  acceptBy: number;
  /** Resolve by (APPEALS.resolveWithinWorkdays working days after filing). */
  resolveBy: number;
  acceptedAt: number | null;
  resolvedAt: number | null;
  confirmedAt: number | null;
  /** What was done, as the assignee reported it on resolving. */
  resolution: string | null;
  reopens: number;
  rating: Rating | null;
  followUp: FollowUp | null;
  reRating: Rating | null;
  contest: Contest | null;
  /** The quarter whose dossier the confirmed resolution moved, once it did. */
  countedIn: string | null;
  events: AppealEvent[];
  /** Derived on every write, for the park-side lists: the earliest deadline still pending, or null. */
  nextDueAt: number | null;
  /** Derived: a bad rating whose call-back or rectification is still to be recorded. */
  followUpOpen: boolean;
  /**
   * The deadlines counted through a year whose State Council arrangement was not entered yet (暂按法定节假日推算),
   * each with the instant it runs from, so that entering the year counts them again (recountDeadlines).
   */
  provisional?: Partial<Record<DeadlineKey, number>>;
}

export type DeadlineKey = 'acceptBy' | 'resolveBy' | 'callBackBy' | 'rectifyBy';
/** Working days each deadline allows. */
const WORKDAYS: Record<DeadlineKey, number> = {
  acceptBy: APPEALS.acceptWithinWorkdays,
  resolveBy: APPEALS.resolveWithinWorkdays,
  callBackBy: APPEALS.callBackWithinWorkdays,
  rectifyBy: APPEALS.rectifyWithinWorkdays,
};

/**
 * `deadlines` just counted from `from`: the appeal's provisional record with those provisional now added and those
 * counted on a known year dropped (`prior`: the record before).
 */
export function provisionalAfter(
  cal: WorkCalendar,
  from: number,
  deadlines: Partial<Record<DeadlineKey, number>>,
  prior: AppealDoc['provisional'] = {},
): Partial<Record<DeadlineKey, number>> {
  const next = { ...prior };
  for (const [k, at] of Object.entries(deadlines) as [DeadlineKey, number][]) {
    if (cal.provisional(from, at)) next[k] = from;
    else delete next[k];
  }
  return next;
}

/**
 * The appeal's provisional deadlines counted again on `cal` (the admin entered a year): the new dates, and the
 * record of those still provisional; null when nothing is provisional.
 */
export function recountDeadlines(a: Pick<AppealDoc, 'provisional' | 'followUp'>, cal: WorkCalendar): Partial<AppealDoc> | null {
  const entries = Object.entries(a.provisional ?? {}) as [DeadlineKey, number][];
  if (entries.length === 0) return null;
  const counted: Partial<Record<DeadlineKey, number>> = {};
  const still: Partial<Record<DeadlineKey, number>> = {};
  for (const [k, from] of entries) {
    counted[k] = cal.deadline(from, WORKDAYS[k]);
    if (cal.provisional(from, counted[k])) still[k] = from;
  }
  const out: Partial<AppealDoc> = { provisional: still };
  if (counted.acceptBy !== undefined) out.acceptBy = counted.acceptBy;
  if (counted.resolveBy !== undefined) out.resolveBy = counted.resolveBy;
  if (a.followUp && (counted.callBackBy !== undefined || counted.rectifyBy !== undefined)) {
    out.followUp = { ...a.followUp, callBackBy: counted.callBackBy ?? a.followUp.callBackBy, rectifyBy: counted.rectifyBy ?? a.followUp.rectifyBy };
  }
  return out;
}

/** Why an action may not be taken: not this person's to take (FORBIDDEN), or not now (CONFLICT). */
export interface Problem {
  code: 'FORBIDDEN' | 'CONFLICT';
  message: string;
}
const forbid = (message: string): Problem => ({ code: 'FORBIDDEN', message });
const conflict = (message: string): Problem => ({ code: 'CONFLICT', message });
const unless = (ok: boolean, message: string): Problem | null => (ok ? null : conflict(message));

/** What the caller is to this appeal. */
export interface Viewer {
  memberId: string;
  roles: readonly string[];
  sectionId: string | null;
  enterpriseId: string | null;
}

export const isFiler = (a: Pick<AppealDoc, 'enterpriseId'>, v: Viewer) => v.roles.includes('enterprise') && v.enterpriseId === a.enterpriseId;
export const isAssignee = (a: Pick<AppealDoc, 'assigneeId'>, v: Viewer) => a.assigneeId !== null && a.assigneeId === v.memberId;

/** Who may see an appeal: its enterprise, its assignee, the assignee's section head, leaders and the admin. */
export function mayView(a: AppealDoc, v: Viewer): boolean {
  if (isFiler(a, v) || isAssignee(a, v)) return true;
  if (v.roles.includes('leader') || v.roles.includes('admin')) return true;
  return v.roles.includes('sectionHead') && a.sectionId !== null && a.sectionId === v.sectionId;
}

export type AppealAction =
  'accept' | 'progress' | 'resolve' | 'confirm' | 'reopen' | 'rate' | 'callBack' | 'rectify' | 'contest' | 'decide' | 'reassign';

/** The rating that counts: the re-rating if there is one, none if the admin set the rating aside. */
export function effectiveRating(a: Pick<AppealDoc, 'rating' | 'reRating' | 'contest'>): Rating | null {
  if (a.contest?.decision && !a.contest.decision.upheld) return null;
  return a.reRating ?? a.rating;
}

/**
 * Why `v` may not do `action` on `a` now, in words for the user; null when they may. The role half (enterprise,
 * cadre, admin) is the access table's; this is the appeal's own half: whose it is and where it stands.
 */
export function actionProblem(a: AppealDoc, v: Viewer, action: AppealAction): Problem | null {
  switch (action) {
    case 'accept':
    case 'progress':
    case 'resolve':
      return assigneeStep(a, v, action);
    case 'confirm':
    case 'reopen':
      if (!isFiler(a, v)) return forbid('只有提出诉求的企业可以确认或退回');
      if (a.status !== 'resolved') return conflict('诉求办结后才能确认或退回');
      return unless(action === 'confirm' || a.reopens < APPEALS.reopensMax, `已退回${APPEALS.reopensMax}次，请联系园区组织员协调`);
    case 'rate':
      return rateProblem(a, v);
    case 'callBack':
    case 'rectify':
      return followUpProblem(a, v, action);
    case 'contest':
    case 'decide':
    case 'reassign':
      return contestOrAdminProblem(a, v, action);
  }
}

function contestOrAdminProblem(a: AppealDoc, v: Viewer, action: 'contest' | 'decide' | 'reassign'): Problem | null {
  if (action === 'contest') {
    if (!isAssignee(a, v)) return forbid('只有承办干部可以申诉差评');
    if (!a.rating || !isBadRating(effectiveRating(a)?.level ?? 5)) return conflict('只有差评可以申诉');
    return unless(!a.contest, '该差评已申诉过');
  }
  if (!v.roles.includes('admin')) return forbid(action === 'decide' ? '只有组织员可以裁定申诉' : '只有组织员可以改派');
  if (action === 'reassign') return unless(a.status === 'filed' || a.status === 'accepted', '诉求已办结，不能改派');
  if (!a.contest) return conflict('该诉求没有待裁定的申诉');
  return unless(!a.contest.decision, '该申诉已裁定');
}

function assigneeStep(a: AppealDoc, v: Viewer, action: 'accept' | 'progress' | 'resolve'): Problem | null {
  if (!isAssignee(a, v)) return forbid('只有承办干部可以办理该诉求');
  if (action === 'accept') return unless(a.status === 'filed', '该诉求已受理');
  if (a.status === 'filed') return conflict('请先受理该诉求');
  return unless(a.status === 'accepted', action === 'progress' ? '该诉求已办结，不能再报告进展' : '该诉求已办结');
}

function followUpProblem(a: AppealDoc, v: Viewer, action: 'callBack' | 'rectify'): Problem | null {
  if (!isAssignee(a, v)) return forbid('只有承办干部可以记录回访和整改');
  const f = a.followUp;
  if (!f || (a.contest?.decision && !a.contest.decision.upheld)) return conflict('该诉求没有需要跟进的差评');
  if (action === 'callBack') return unless(!f.callBack, '已记录回访');
  if (!f.callBack) return conflict('请先记录回访情况');
  return unless(!f.rectification, '已记录整改');
}

function rateProblem(a: AppealDoc, v: Viewer): Problem | null {
  if (!isFiler(a, v)) return forbid('只有提出诉求的企业可以评价');
  if (a.status !== 'resolved' && a.status !== 'confirmed') return conflict('诉求办结后才能评价');
  if (!a.rating) return null;
  // a second rating only after a bad one's rectification, and only once
  if (!a.followUp?.rectification) return conflict('已评价过该诉求');
  return unless(!a.reRating, '已重新评价过一次，不能再评');
}

/** The follow-up a bad rating opens, its deadlines counted on the working-day calendar from the rating. */
export function followUpFor(level: number, at: number, cal: WorkCalendar): FollowUp | null {
  if (!isBadRating(level)) return null;
  return {
    callBackBy: cal.deadline(at, APPEALS.callBackWithinWorkdays),
    rectifyBy: cal.deadline(at, APPEALS.rectifyWithinWorkdays),
    callBack: null,
    rectification: null,
  };
}

/** Deadlines of a newly filed (or reassigned) appeal. */
export function deadlinesFrom(at: number, cal: WorkCalendar): { acceptBy: number; resolveBy: number } {
  return { acceptBy: cal.deadline(at, APPEALS.acceptWithinWorkdays), resolveBy: cal.deadline(at, APPEALS.resolveWithinWorkdays) };
}

export type OverdueKind = 'accept' | 'resolve' | 'callBack' | 'rectify';
export const OVERDUE_LABELS: Record<OverdueKind, string> = {
  accept: '超期未受理',
  resolve: '超期未办结',
  callBack: '差评超期未回访',
  rectify: '差评超期未整改',
};

/** What is late on this appeal now. */
export function overdue(a: Pick<AppealDoc, 'status' | 'acceptBy' | 'resolveBy' | 'followUp' | 'contest'>, now: number): OverdueKind[] {
  const out: OverdueKind[] = [];
  if (a.status === 'filed' && now > a.acceptBy) out.push('accept');
  if ((a.status === 'filed' || a.status === 'accepted') && now > a.resolveBy) out.push('resolve');
  const f = a.followUp;
  const setAside = a.contest?.decision && !a.contest.decision.upheld;
  if (f && !setAside) {
    if (!f.callBack && now > f.callBackBy) out.push('callBack');
    if (!f.rectification && now > f.rectifyBy) out.push('rectify');
  }
  return out;
}

/** Append an event, keeping at most APPEALS.eventsMax (the first, the filing, always stays). */
export function withEvent(events: AppealEvent[], e: AppealEvent): AppealEvent[] {
  const all = [...events, e];
  if (all.length <= APPEALS.eventsMax) return all;
  return [all[0] as AppealEvent, ...all.slice(all.length - APPEALS.eventsMax + 1)];
}

/**
 * The fields the park-side lists filter on, kept on the document: the earliest deadline still pending (null when
 * none is), and whether a bad rating's follow-up is unfinished.
 */
export function withDerived(a: Omit<AppealDoc, 'nextDueAt' | 'followUpOpen'> & Partial<AppealDoc>): AppealDoc {
  const due: number[] = [];
  if (a.status === 'filed') due.push(a.acceptBy);
  if (a.status === 'filed' || a.status === 'accepted') due.push(a.resolveBy);
  const f = a.followUp;
  const setAside = Boolean(a.contest?.decision && !a.contest.decision.upheld);
  const followUpOpen = Boolean(f && !setAside && (!f.callBack || !f.rectification));
  if (f && followUpOpen) {
    if (!f.callBack) due.push(f.callBackBy);
    if (!f.rectification) due.push(f.rectifyBy);
  }
  const { provisional, ...rest } = a;
  // kept only while some deadline is provisional: the calendar's recount finds the appeals that have one
  const counting = provisional && Object.keys(provisional).length > 0 ? { provisional } : {};
  return { ...rest, ...counting, nextDueAt: due.length ? Math.min(...due) : null, followUpOpen };
}

/** Who files, for whom, about what: the parts of a new appeal that are not its course. */
export interface Filing {
  id: string;
  enterprise: { _id: string; name: string };
  /** The filing contact (absent in imported records: the enterprise itself). */
  filer: { _id: string; name: string } | null;
  assignee: { _id: string; name: string; sectionId: string | null } | null;
  category: AppealCategory;
  text: string;
  photoFileIds: string[];
  at: number;
}

/** A newly filed appeal: to its assignee (or waiting for the admin), its deadlines on the working-day calendar. */
export function filedAppeal(f: Filing, cal: WorkCalendar): AppealDoc {
  return withDerived({
    _id: f.id,
    enterpriseId: f.enterprise._id,
    enterpriseName: f.enterprise.name,
    filedBy: f.filer?._id ?? 'enterprise',
    category: f.category,
    text: f.text,
    photoFileIds: f.photoFileIds,
    assigneeId: f.assignee?._id ?? null,
    assigneeName: f.assignee?.name ?? null,
    sectionId: f.assignee?.sectionId ?? null,
    status: 'filed',
    filedAt: f.at,
    ...deadlinesFrom(f.at, cal),
    provisional: provisionalAfter(cal, f.at, deadlinesFrom(f.at, cal)),
    acceptedAt: null,
    resolvedAt: null,
    confirmedAt: null,
    resolution: null,
    reopens: 0,
    rating: null,
    followUp: null,
    reRating: null,
    contest: null,
    countedIn: null,
    events: [
      {
        at: f.at,
        kind: 'filed',
        by: f.filer?._id ?? 'enterprise',
        byName: f.filer?.name ?? `${f.enterprise.name}联系人`,
        note: f.assignee ? `交包联干部${f.assignee.name}办理` : '待组织员分派',
      },
    ],
  });
}

/**
 * Timed reminders (提醒): what is due for whom, and which of it may be sent now. Pure — the reminders function loads
 * the facts, calls these, and sends what `planSends` allows.
 *
 * What is reminded, once per person per item:
 * - dossier: a cadre's quarter ends within `quarterDaysBefore` days and their dossier falls short of its targets
 *   or lacks the quarterly summary (绩效档案截止);
 * - evaluation: a section head's 考人 or a leader's 考事 of the quarter is incomplete in its last days, or after
 *   them while the quarter is still open (考核评分未完成);
 * - ballot: a voter on the roll of an open campaign has not voted and it closes within `ballotHoursBeforeClose`
 *   hours (测评未投票; a campaign closed on command is a meeting's and has no deadline to remind of);
 * - feedback: a feedback report sent `feedbackAfterDays` days ago is not acknowledged yet (反馈报告待确认);
 * - followUp: a talk's follow-up date (谈心谈话的回访日期) is tomorrow or has passed within `followUpDaysAfter` days
 *   and no talk has been recorded on the report since that day: its recorder is reminded (谈心回访);
 * - calendar: from `calendarFromMonth` (December) the 组织员 is reminded once to enter next year's holiday
 *   arrangement (节假日安排) while it is not entered: deadlines running into that year are provisional until then.
 *
 * The limit is the person's: a one-time subscription allows one message, so a person gets at most as many messages
 * of a template as they accepted, and at most `perTemplatePerDay` a day (the most urgent first) — a reminder, not a
 * flood. What waits for lack of a subscription waits until they subscribe again.
 */
import { daysBetween, dayOf, inPark, quarterLabel, quarterRange, type DayString, type QuarterId } from '../common/time';
import { fitKeyword, TEMPLATES, type TemplateKey } from './templates';

export const REMINDER_KINDS = ['dossier', 'evaluation', 'ballot', 'feedback', 'followUp', 'calendar'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const KIND_TEMPLATE: Record<ReminderKind, TemplateKey> = {
  dossier: 'todo',
  evaluation: 'todo',
  ballot: 'vote',
  feedback: 'feedback',
  followUp: 'todo',
  calendar: 'todo',
};

export const KIND_LABELS: Record<ReminderKind, string> = {
  dossier: '绩效档案截止',
  evaluation: '考核评分未完成',
  ballot: '测评未投票',
  feedback: '反馈报告待确认',
  followUp: '谈心回访',
  calendar: '录入节假日安排',
};

export const REMINDERS = {
  /** Days before a quarter's last day from which its dossier and evaluation reminders are due. */
  quarterDaysBefore: 7,
  /** Hours before a campaign's closing time from which its non-voters are reminded. */
  ballotHoursBeforeClose: 48,
  /** Days after a feedback report was sent from which its acknowledgement is reminded. */
  feedbackAfterDays: 2,
  /** A talk's follow-up is reminded from the day before its date until this many days after it. */
  followUpDaysAfter: 14,
  /** Park hours in which reminders go out: from 9:00 until before 20:00 (nobody is woken by a performance system). */
  sendFromHour: 9,
  sendUntilHour: 20,
  /** The month (1–12) from which the admin is reminded of next year's holiday arrangement: the State Council publishes it in autumn. */
  calendarFromMonth: 12,
  /** Messages of one template one person gets in a day. */
  perTemplatePerDay: 1,
  /**
   * Messages one person gets in any seven days, all templates together: a reminder, not a stream (the 2026 rules
   * for government apps ask for restraint). What is left waits, most urgent first, for the next days.
   */
  perPersonPerWeek: 3,
} as const;

/** The pages the messages open (mini-program paths, no leading slash). */
export const REMINDER_PAGES = {
  dossier: 'dossier/mine/index',
  evaluationStaff: 'assessment/staff/index',
  evaluationSection: 'assessment/evaluate-section/index',
  ballot: (campaignId: string) => `votes/ballot/index?campaignId=${encodeURIComponent(campaignId)}`,
  feedback: 'feedback/mine/index',
  calendar: 'park/calendar/index',
  followUp: (memberId: string, periodId: string) =>
    `feedback/write/index?memberId=${encodeURIComponent(memberId)}&periodId=${encodeURIComponent(periodId)}`,
} as const;

/** What the reminders are computed from, loaded by the function. */
export interface ReminderFacts {
  /** The quarters whose deadlines may be near: the current one, and the one before while it is not closed. */
  quarters: { id: QuarterId; status: 'open' | 'closing' | 'closed' }[];
  /** Every active cadre's dossier of those quarters (a cadre who reported nothing: percent 0, no summary). */
  dossiers: { memberId: string; periodId: QuarterId; percent: number; summaryDone: boolean }[];
  /** Evaluators with evaluations still to give: 考人 (staff) of their people, 考事 (section) of the sections. */
  evaluations: { evaluatorId: string; periodId: QuarterId; kind: 'staff' | 'section'; missing: number }[];
  /** Roll entries not voted, of campaigns open now. */
  ballots: { memberId: string; campaignId: string; title: string; closesAt: number | null }[];
  /** Feedback reports sent and not acknowledged. */
  feedback: { memberId: string; reportId: string; periodId: QuarterId; sentAt: number }[];
  /** Each talk's follow-up: who recorded it, about whom, when, and whether a talk was recorded on or after that day. */
  followUps?: {
    recorderId: string;
    memberId: string;
    memberName: string;
    reportId: string;
    periodId: QuarterId;
    followUpOn: DayString;
    done: boolean;
  }[];
  /** Next year's holiday arrangement: entered (or in the built-in table) or not, and who is to enter it (the admins). */
  calendar?: { nextYear: number; entered: boolean; adminIds: string[] };
}

export interface DueReminder {
  memberId: string;
  kind: ReminderKind;
  /** The item's key: one message per person per key, ever. */
  key: string;
  template: TemplateKey;
  /** When the item is due (epoch ms): the sooner, the more urgent. */
  deadline: number;
  page: string;
  /** The template's keyword values, fitted to their limits. */
  data: Record<string, string>;
}

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

/** `2026年12月31日 23:59`: the format a `time` keyword takes. */
export function keywordTime(instant: number): string {
  return inPark(instant).format('YYYY年MM月DD日 HH:mm');
}

/** The end of a quarter's last day (23:59 park time), epoch ms. */
function quarterEnd(id: QuarterId): number {
  return inPark(`${quarterRange(id).last}T23:59:00+08:00`).valueOf();
}

/** Reminders are sent in park office hours only. */
export function inSendingHours(now: number): boolean {
  const h = inPark(now).hour();
  return h >= REMINDERS.sendFromHour && h < REMINDERS.sendUntilHour;
}

/** A message's keyword values, each cut to its type's limit, in the template's keyword order. */
function fill(template: TemplateKey, values: string[]): Record<string, string> {
  const names = Object.keys(TEMPLATES[template].keywords);
  return Object.fromEntries(names.map((k, i) => [k, fitKeyword(k, values[i] ?? '')]));
}

/** A key's characters as the store's field names allow them (ids are [A-Za-z0-9_-] already; anything else → _). */
export function reminderKey(kind: ReminderKind, ...parts: string[]): string {
  return [kind, ...parts].join('_').replace(/[^A-Za-z0-9_-]/g, '_');
}

/** The quarter's deadlines are near (or passed while it is still open). */
function quarterDue(q: ReminderFacts['quarters'][number], now: number): boolean {
  if (q.status !== 'open') return false;
  return now >= quarterEnd(q.id) - REMINDERS.quarterDaysBefore * DAY;
}

function dossierDue(f: ReminderFacts, now: number, open: Set<string>): DueReminder[] {
  return f.dossiers
    .filter((d) => open.has(d.periodId) && now <= quarterEnd(d.periodId) && (d.percent < 100 || !d.summaryDone))
    .map((d) => ({
      memberId: d.memberId,
      kind: 'dossier' as const,
      key: reminderKey('dossier', d.periodId),
      template: KIND_TEMPLATE.dossier,
      deadline: quarterEnd(d.periodId),
      page: REMINDER_PAGES.dossier,
      data: fill('todo', [
        `${quarterLabel(d.periodId)}绩效档案`,
        keywordTime(quarterEnd(d.periodId)),
        d.summaryDone ? `目标完成${d.percent}%，请抓紧推进` : `季度小结未填写，目标完成${d.percent}%`,
      ]),
    }));
}

function evaluationDue(f: ReminderFacts, now: number, open: Set<string>): DueReminder[] {
  return f.evaluations
    .filter((e) => open.has(e.periodId) && e.missing > 0)
    .map((e) => {
      const end = quarterEnd(e.periodId);
      const what = e.kind === 'staff' ? '考人评分' : '考事评分';
      return {
        memberId: e.evaluatorId,
        kind: 'evaluation' as const,
        key: reminderKey('evaluation', e.kind, e.periodId),
        template: KIND_TEMPLATE.evaluation,
        deadline: end,
        page: e.kind === 'staff' ? REMINDER_PAGES.evaluationStaff : REMINDER_PAGES.evaluationSection,
        data: fill('todo', [
          `${quarterLabel(e.periodId)}${what}`,
          keywordTime(end),
          now > end ? `季度已结束，还有${e.missing}项未评，请尽快完成` : `还有${e.missing}项未评`,
        ]),
      };
    });
}

function ballotDue(f: ReminderFacts, now: number): DueReminder[] {
  return f.ballots
    .filter(
      (b): b is typeof b & { closesAt: number } =>
        b.closesAt !== null && b.closesAt > now && b.closesAt - now <= REMINDERS.ballotHoursBeforeClose * HOUR,
    )
    .map((b) => ({
      memberId: b.memberId,
      kind: 'ballot' as const,
      key: reminderKey('ballot', b.campaignId),
      template: KIND_TEMPLATE.ballot,
      deadline: b.closesAt,
      page: REMINDER_PAGES.ballot(b.campaignId),
      data: fill('vote', [b.title, keywordTime(b.closesAt), '您尚未投票，请在截止前完成']),
    }));
}

function feedbackDue(f: ReminderFacts, now: number): DueReminder[] {
  return f.feedback
    .filter((r) => now - r.sentAt >= REMINDERS.feedbackAfterDays * DAY)
    .map((r) => ({
      memberId: r.memberId,
      kind: 'feedback' as const,
      key: reminderKey('feedback', r.reportId),
      template: KIND_TEMPLATE.feedback,
      // not bound by a date: oldest first
      deadline: r.sentAt,
      page: REMINDER_PAGES.feedback,
      data: fill('feedback', [`${quarterLabel(r.periodId)}绩效反馈报告`, '待确认', keywordTime(r.sentAt)]),
    }));
}

function followUpDue(f: ReminderFacts, now: number): DueReminder[] {
  const today = dayOf(now);
  return (f.followUps ?? [])
    .filter((t) => !t.done && daysBetween(t.followUpOn, today) >= -1 && daysBetween(t.followUpOn, today) <= REMINDERS.followUpDaysAfter)
    .map((t) => {
      const at = inPark(`${t.followUpOn}T18:00:00+08:00`).valueOf();
      return {
        memberId: t.recorderId,
        kind: 'followUp' as const,
        key: reminderKey('followUp', t.reportId, t.followUpOn),
        template: KIND_TEMPLATE.followUp,
        deadline: at,
        page: REMINDER_PAGES.followUp(t.memberId, t.periodId),
        data: fill('todo', [`与${t.memberName}的谈心谈话回访`, keywordTime(at), '请按约定回访，并记录谈话情况']),
      };
    });
}

/** Next year's arrangement still to enter, from December: each admin once, due at the year's end. */
export function calendarDue(f: ReminderFacts, now: number): DueReminder[] {
  const c = f.calendar;
  if (!c || c.entered || inPark(now).month() + 1 < REMINDERS.calendarFromMonth || c.nextYear !== inPark(now).year() + 1) return [];
  const at = inPark(`${c.nextYear - 1}-12-31T23:59:00+08:00`).valueOf();
  return c.adminIds.map((memberId) => ({
    memberId,
    kind: 'calendar' as const,
    key: reminderKey('calendar', String(c.nextYear)),
    template: KIND_TEMPLATE.calendar,
    deadline: at,
    page: REMINDER_PAGES.calendar,
    data: fill('todo', [`录入${c.nextYear}年节假日安排`, keywordTime(at), '按国务院办公厅通知录入，诉求等期限随之重算']),
  }));
}

/** Everything due now, for everyone, most urgent first. */
export function dueReminders(f: ReminderFacts, now: number): DueReminder[] {
  const open = new Set(f.quarters.filter((q) => quarterDue(q, now)).map((q) => q.id));
  return [
    ...dossierDue(f, now, open),
    ...evaluationDue(f, now, open),
    ...ballotDue(f, now),
    ...feedbackDue(f, now),
    ...followUpDue(f, now),
    ...calendarDue(f, now),
  ].sort((a, b) => a.deadline - b.deadline || a.key.localeCompare(b.key) || a.memberId.localeCompare(b.memberId));
}

/** A person's standing with the platform and what they were sent: the function's `reminderSubs` record. */
export interface Subscriber {
  memberId: string;
  openid: string;
  /** Messages each template may still carry to this person (one-time: acceptances not yet used). */
  credits: Partial<Record<TemplateKey, number>>;
  /** Long-term templates: accepted (and not since refused). */
  accepted: Partial<Record<TemplateKey, boolean>>;
  /** Keys already sent (or claimed for sending): never sent again. */
  sent: ReadonlySet<string>;
  /** Messages of each template sent to this person today (a run that stopped short and ran again counts them). */
  sentToday?: Partial<Record<TemplateKey, number>>;
  /** Messages of every template sent to this identity in the last seven days. */
  sentWeek?: number;
}

export interface PlannedSend {
  reminder: DueReminder;
  openid: string;
}

export interface SendPlan {
  sends: PlannedSend[];
  /** Due, but the person holds no subscription to carry it (waits until they subscribe). */
  waiting: number;
  /** Due, but sent before. */
  alreadySent: number;
  /** Due, but another of the same template goes (or went) to that person today: tomorrow. */
  deferred: number;
}

/** May a template carry one more message to this person? */
export function mayCarry(s: Pick<Subscriber, 'credits' | 'accepted'>, template: TemplateKey): boolean {
  return TEMPLATES[template].longTerm ? s.accepted[template] === true : (s.credits[template] ?? 0) > 0;
}

/**
 * What may be sent now: for each person and template, the most urgent items not sent before, as many as the
 * person's subscription allows and no more than `perTemplatePerDay` counting what they were sent today. A person bound from two phones is reminded on
 * the one that subscribed (the first, by openid, when both did).
 */
export function planSends(due: DueReminder[], subscribers: Subscriber[]): SendPlan {
  const byMember = new Map<string, Subscriber[]>();
  for (const s of [...subscribers].sort((a, b) => a.openid.localeCompare(b.openid))) {
    byMember.set(s.memberId, [...(byMember.get(s.memberId) ?? []), s]);
  }
  const used = new Map<string, number>();
  const week = new Map<string, number>();
  const plan: SendPlan = { sends: [], waiting: 0, alreadySent: 0, deferred: 0 };
  for (const r of due) {
    const subs = byMember.get(r.memberId) ?? [];
    if (subs.some((s) => s.sent.has(r.key))) {
      plan.alreadySent += 1;
      continue;
    }
    const carrier = subs.find((s) => mayCarry(s, r.template));
    if (!carrier) {
      plan.waiting += 1;
      continue;
    }
    const slot = `${carrier.openid}|${r.template}`;
    const n = used.get(slot) ?? 0;
    const credit = TEMPLATES[r.template].longTerm ? Infinity : (carrier.credits[r.template] ?? 0);
    const today = carrier.sentToday?.[r.template] ?? 0;
    const sentWeek = subs.reduce((s, x) => s + (x.sentWeek ?? 0), 0) + (week.get(r.memberId) ?? 0);
    if (n >= credit || n + today >= REMINDERS.perTemplatePerDay || sentWeek >= REMINDERS.perPersonPerWeek) {
      plan.deferred += 1;
      continue;
    }
    used.set(slot, n + 1);
    week.set(r.memberId, (week.get(r.memberId) ?? 0) + 1);
    plan.sends.push({ reminder: r, openid: carrier.openid });
  }
  return plan;
}

/** The park day a run belongs to: one completed run a day. */
export const runDayOf = (now: number): string => dayOf(now);

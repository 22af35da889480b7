/**
 * The facts the reminder rules read (shared/reminders/rules.ts), loaded with as few requests as the park allows:
 * every collection read a thousand records a page (the platform's cap), only the fields the rules need.
 */
import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { allPages } from '../../../server/common/pages';
import { visitRule } from '../../../server/dossier/settings';
import type { PeriodDoc } from '../../../shared/assessment/period';
import { inPark, quarterOf, shiftQuarter } from '../../../shared/common/time';
import { yearCalendar } from '../../../server/park/calendar';
import { newDossier, overallPercent, targetProgress, type DossierDoc } from '../../../shared/dossier/dossier';
import { hasRole, type MemberDoc } from '../../../shared/members/member';
import type { ReminderFacts } from '../../../shared/reminders/rules';
import { phase, type CampaignDoc, type RollDoc } from '../../../shared/votes/campaign';
import { staffEvaluationProblem } from '../../../shared/assessment/evaluations';
import { DEFAULT_PARK_SETTINGS, PARK_DOC_ID, type ParkDoc, type SectionDoc } from '../../../shared/park/park';

type Query<T> = (skip: number, limit: number) => Promise<{ data: T[] }>;

function where<T>(db: Database, coll: string, filter: object, fields: Record<string, true>): Query<T> {
  return (skip, limit) => db.collection<T & { _id: string }>(coll).where(filter).field(fields).orderBy('_id', 'asc').skip(skip).limit(limit).get();
}

async function quarters(db: Database, now: number): Promise<ReminderFacts['quarters']> {
  const ids = [quarterOf(now), shiftQuarter(quarterOf(now), -1)];
  const docs = await Promise.all(ids.map((id) => db.collection<PeriodDoc>(COLL.periods).doc(id).get()));
  return ids.map((id, i) => ({ id, status: docs[i]?.data?.status ?? 'open' }));
}

async function dossierFacts(db: Database, now: number, periodIds: string[], cadres: MemberDoc[]): Promise<ReminderFacts['dossiers']> {
  const _ = db.command;
  const [dossiers, summaries, rule] = await Promise.all([
    allPages(
      where<DossierDoc>(
        db,
        COLL.dossiers,
        { periodId: _.in(periodIds) },
        { periodId: true, memberId: true, targets: true, progress: true, confirmedEnterpriseIds: true },
      ),
    ),
    allPages(where<{ _id: string; text: string }>(db, COLL.summaries, { periodId: _.in(periodIds) }, { text: true })),
    visitRule(db, now),
  ]);
  const byId = new Map(dossiers.map((d) => [d._id, d]));
  const written = new Set(summaries.filter((s) => s.text.trim() !== '').map((s) => s._id));
  return periodIds.flatMap((periodId) =>
    cadres.map((m) => {
      const id = `${periodId}_${m._id}`;
      const d = byId.get(id) ?? newDossier(periodId, { _id: m._id, sectionId: m.sectionId ?? '' });
      return { memberId: m._id, periodId, percent: overallPercent(targetProgress(d, rule)), summaryDone: written.has(id) };
    }),
  );
}

/** Who still has 考人 or 考事 to give: a section head their section's staff, leaders the section heads and the sections. */
async function evaluationFacts(db: Database, periodIds: string[], staff: MemberDoc[], sectionIds: string[]): Promise<ReminderFacts['evaluations']> {
  const _ = db.command;
  const [staffEvals, sectionEvals, sections, park] = await Promise.all([
    allPages(where<{ _id: string }>(db, COLL.staffEvaluations, { periodId: _.in(periodIds) }, { _id: true })),
    allPages(where<{ _id: string }>(db, COLL.sectionEvaluations, { periodId: _.in(periodIds) }, { _id: true })),
    db.collection<SectionDoc>(COLL.sections).limit(1000).get(),
    db.collection<ParkDoc>(COLL.park).doc(PARK_DOC_ID).get(),
  ]);
  // a head is scored by the leader who oversees their section (or any leader, as the park's setting says)
  const rule = park.data?.settings.headScoring ?? DEFAULT_PARK_SETTINGS.headScoring;
  const overseer = new Map(sections.data.map((s) => [s._id, s.leaderId ?? null]));
  const scores = (l: MemberDoc, h: MemberDoc) => staffEvaluationProblem(l, h, { leaderId: overseer.get(h.sectionId ?? '') ?? null, rule }) === null;
  const given = new Set([...staffEvals, ...sectionEvals].map((e) => e._id));
  const heads = staff.filter((m) => hasRole(m, 'sectionHead') && m.sectionId);
  const leaders = staff.filter((m) => hasRole(m, 'leader'));
  const cadres = staff.filter((m) => hasRole(m, 'cadre'));
  const out: ReminderFacts['evaluations'] = [];
  for (const periodId of periodIds) {
    const unevaluated = (m: MemberDoc) => !given.has(`${periodId}_${m._id}`);
    for (const h of heads) {
      const missing = cadres.filter((c) => c._id !== h._id && c.sectionId === h.sectionId && !hasRole(c, 'sectionHead') && unevaluated(c)).length;
      out.push({ evaluatorId: h._id, periodId, kind: 'staff', missing });
    }
    const headsLeft = heads.filter((h) => hasRole(h, 'cadre') && unevaluated(h));
    for (const l of leaders) {
      out.push({ evaluatorId: l._id, periodId, kind: 'staff', missing: headsLeft.filter((h) => scores(l, h)).length });
      const missing = sectionIds.filter((s) => !given.has(`${periodId}_${s}_${l._id}`)).length;
      out.push({ evaluatorId: l._id, periodId, kind: 'section', missing });
    }
  }
  return out;
}

async function ballotFacts(db: Database, now: number): Promise<ReminderFacts['ballots']> {
  const _ = db.command;
  const campaigns = await allPages(
    where<CampaignDoc>(
      db,
      COLL.voteCampaigns,
      { status: _.in(['open', 'draft']) },
      { title: true, status: true, opensAt: true, closesAt: true, ready: true },
    ),
  );
  // a draft opens by itself at its opening time, once its roll is written
  const open = campaigns.filter((c) => phase(c, now) === 'open' && (c.status === 'open' || c.ready) && c.closesAt !== null);
  const rolls = await Promise.all(
    open.map((c) => allPages(where<RollDoc>(db, COLL.voteRolls, { campaignId: c._id, voted: false }, { memberId: true, campaignId: true }))),
  );
  return open.flatMap((c, i) => (rolls[i] ?? []).map((r) => ({ memberId: r.memberId, campaignId: c._id, title: c.title, closesAt: c.closesAt })));
}

interface ReportFacts {
  _id: string;
  memberId: string;
  memberName: string;
  periodId: string;
  sentAt: number;
  acknowledgedAt: number | null;
  talks: { date: string; by: string; followUpOn: string }[];
}

/** Feedback reports not acknowledged, and the talks' follow-ups (one read of the reports, their few fields). */
async function feedbackFacts(db: Database): Promise<Pick<ReminderFacts, 'feedback' | 'followUps'>> {
  const reports = await allPages(
    where<ReportFacts>(
      db,
      COLL.feedbackReports,
      {},
      { memberId: true, memberName: true, periodId: true, sentAt: true, acknowledgedAt: true, talks: true },
    ),
  );
  return {
    feedback: reports
      .filter((r) => r.acknowledgedAt === null)
      .map((r) => ({ memberId: r.memberId, reportId: r._id, periodId: r.periodId, sentAt: r.sentAt })),
    followUps: reports.flatMap((r) =>
      r.talks.map((t) => ({
        recorderId: t.by,
        memberId: r.memberId,
        memberName: r.memberName,
        reportId: r._id,
        periodId: r.periodId,
        followUpOn: t.followUpOn,
        // followed up: a talk recorded on the report on or after the day agreed
        done: r.talks.some((later) => later.date >= t.followUpOn),
      })),
    ),
  };
}

/** Everything the rules need about the park now. */
/** Whether next year's arrangement is in (the admin's or the built-in table), and the admins to remind. */
async function calendarFacts(db: Database, now: number, staff: MemberDoc[]): Promise<ReminderFacts['calendar']> {
  const nextYear = inPark(now).year() + 1;
  const y = await yearCalendar(db, nextYear);
  return { nextYear, entered: y.source !== 'statutory', adminIds: staff.filter((m) => hasRole(m, 'admin')).map((m) => m._id) };
}

export async function loadFacts(db: Database, now: number): Promise<ReminderFacts> {
  const qs = await quarters(db, now);
  const open = qs.filter((q) => q.status === 'open').map((q) => q.id);
  const [staff, sections] = await Promise.all([
    allPages(where<MemberDoc>(db, COLL.members, { active: true }, { name: true, roles: true, sectionId: true, active: true })),
    allPages(where<{ _id: string }>(db, COLL.sections, {}, { _id: true })),
  ]);
  const cadres = staff.filter((m) => hasRole(m, 'cadre'));
  const [dossiers, evaluations, ballots, feedback] = await Promise.all([
    open.length ? dossierFacts(db, now, open, cadres) : [],
    open.length
      ? evaluationFacts(
          db,
          open,
          staff,
          sections.map((s) => s._id),
        )
      : [],
    ballotFacts(db, now),
    feedbackFacts(db),
  ]);
  return { quarters: qs, dossiers, evaluations, ballots, ...feedback, calendar: await calendarFacts(db, now, staff) };
}

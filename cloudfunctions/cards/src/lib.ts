/** What the cards' actions share: the stored card, the records the rules read, the views. */
import { COLL } from '../../../server/common/collections';
import type { Database } from '../../../server/common/cloud';
import { allPages } from '../../../server/common/pages';
import { loadPeriod } from '../../../server/assessment/period';
import { overdue, type AppealDoc } from '../../../shared/appeals/appeal';
import type { QuarterResultDoc } from '../../../shared/assessment/assessment';
import { CARD_RULE_LABELS, liftMet, type CardColor, type CardProposal, type CardRecords, type CardRule } from '../../../shared/cards/rules';
import type { CardView, ProposalView } from '../../../shared/cards/contract';
import { dayOf, quarterOf, shiftQuarter } from '../../../shared/common/time';
import type { MemberDoc } from '../../../shared/members/member';
import type { SectionDoc } from '../../../shared/park/park';
import { type ClaimDoc, type ProjectDoc, milestonesInForce } from '../../../shared/projects/project';

/**
 * `cards/{key}`: a proposal decided — issued (then perhaps lifted) or withheld — with who decided, when and why, and
 * the entries of the audit trail that record it.
 */
export interface CardDoc {
  _id: string;
  rule: CardRule;
  color: CardColor;
  memberId: string;
  why: string;
  liftWhen: string;
  status: 'issued' | 'withheld' | 'lifted';
  decidedAt: number;
  decidedBy: string;
  decidedByName: string;
  reason: string;
  liftedAt: number | null;
  liftedBy: string | null;
  liftedByName: string | null;
  liftReason: string | null;
  auditSeq: number;
  liftAuditSeq: number | null;
}

/** The quarters the 较差 rule looks at: the last four closed ones (a year's worth). */
const QUARTERS_BACK = 4;

/** Everything the rules read, as of `now`. */
export async function loadRecords(db: Database, now: number): Promise<{ records: CardRecords; decided: CardDoc[] }> {
  const recent = Array.from({ length: QUARTERS_BACK + 1 }, (_, i) => shiftQuarter(quarterOf(now), -i));
  const periods = await Promise.all(recent.map((id) => loadPeriod(db, id)));
  const closed = recent.filter((_, i) => periods[i]?.status === 'closed').slice(0, QUARTERS_BACK);
  const [projects, claims, appeals, results, decided] = await Promise.all([
    allPages<ProjectDoc>((skip, limit) => db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<ClaimDoc>((skip, limit) => db.collection<ClaimDoc>(COLL.claims).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<AppealDoc>((skip, limit) => db.collection<AppealDoc>(COLL.appeals).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    Promise.all(
      closed.map((periodId) =>
        allPages<QuarterResultDoc>(
          (skip, limit) =>
            db.collection<QuarterResultDoc>(COLL.quarterResults).where({ periodId }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
          100,
        ),
      ),
    ),
    allPages<CardDoc>((skip, limit) => db.collection<CardDoc>(COLL.cards).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
  ]);
  const owners = new Map<string, string[]>();
  for (const c of claims) owners.set(c.projectId, [...(owners.get(c.projectId) ?? []), c.memberId]);
  const records: CardRecords = {
    projects: projects.map((p) => ({ id: p._id, name: p.name, milestones: milestonesInForce(p), owners: (owners.get(p._id) ?? []).sort() })),
    appeals: appeals.flatMap((a) =>
      a.assigneeId ? [{ id: a._id, enterpriseName: a.enterpriseName, assigneeId: a.assigneeId, overdue: overdue(a, now) }] : [],
    ),
    quarters: results.flat().flatMap((d) => d.members.map((m) => ({ periodId: d.periodId, memberId: m.memberId, grade: m.grade }))),
    cards: decided.flatMap((c) =>
      c.status === 'withheld' ? [] : [{ key: c._id, rule: c.rule, color: c.color, memberId: c.memberId, status: c.status, issuedAt: c.decidedAt }],
    ),
  };
  return { records, decided };
}

export async function people(db: Database): Promise<{ member: Map<string, MemberDoc>; section: Map<string, string> }> {
  const [members, sections] = await Promise.all([
    allPages<MemberDoc>((skip, limit) => db.collection<MemberDoc>(COLL.members).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<SectionDoc>((skip, limit) => db.collection<SectionDoc>(COLL.sections).orderBy('_id', 'asc').skip(skip).limit(limit).get(), 100),
  ]);
  return { member: new Map(members.map((m) => [m._id, m])), section: new Map(sections.map((s) => [s._id, s.name])) };
}

type People = Awaited<ReturnType<typeof people>>;

export function proposalView(p: CardProposal, who: People): ProposalView {
  const m = who.member.get(p.memberId);
  return {
    key: p.key,
    rule: p.rule,
    ruleLabel: CARD_RULE_LABELS[p.rule],
    color: p.color,
    memberId: p.memberId,
    memberName: m?.name ?? p.memberId,
    sectionName: m?.sectionId ? (who.section.get(m.sectionId) ?? null) : null,
    why: p.why,
    liftWhen: p.liftWhen,
  };
}

export function cardView(c: CardDoc, who: People, records: CardRecords, now: number): CardView {
  const status = c.status === 'lifted' ? 'lifted' : 'issued';
  return {
    ...proposalView({ key: c._id, rule: c.rule, color: c.color, memberId: c.memberId, why: c.why, liftWhen: c.liftWhen }, who),
    status,
    issuedAt: c.decidedAt,
    issuedByName: c.decidedByName,
    reason: c.reason,
    liftedAt: c.liftedAt,
    liftedByName: c.liftedByName,
    liftReason: c.liftReason,
    liftable: status === 'issued' && liftMet({ key: c._id, rule: c.rule, memberId: c.memberId }, records, dayOf(now)),
  };
}

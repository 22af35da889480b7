/** What several of the assessment actions share. */
import { visitRule } from '../../../server/dossier/settings';
import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { type Ctx } from '../../../server/common/router';
import { allPages } from '../../../server/common/pages';
import { paced } from '../../../server/common/paced';
import {
  assessPeriod,
  packResults,
  quarterResultId,
  type MemberResult,
  type QuarterResultDoc,
  type SectionResult,
} from '../../../shared/assessment/assessment';
import {
  type SectionEvaluationDoc,
  type SpotCheckDoc,
  type StaffEvaluationDoc,
  type CorrectionDoc,
  memberDeductions,
  spotDeductions,
} from '../../../shared/assessment/evaluations';
import { loadPeriod } from '../../../server/assessment/period';
import { AppError } from '../../../shared/common/errors';
import { quarterLabel, quarterOf } from '../../../shared/common/time';
import { countedProgress, emptyProgress, type DossierDoc } from '../../../shared/dossier/dossier';
import { type ChecklistDoc } from '../../../shared/indicators/checklist';
import { type MemberDoc } from '../../../shared/members/member';
import type { SectionDoc } from '../../../shared/park/park';

export const all = <T>(db: Database, coll: string, where: object) =>
  allPages<T & { _id: string }>((skip, limit) =>
    db.collection<T & { _id: string }>(coll).where(where).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
  );

export async function cadres(db: Database): Promise<MemberDoc[]> {
  return (await all<MemberDoc>(db, COLL.members, { active: true })).filter((m) => m.roles.includes('cadre'));
}

/**
 * Whose quarter it is (the people the quarter assesses): once it has results, the people in them, each in the
 * section the results filed them under (a correction re-counts the quarter as it was, whoever left or moved since);
 * before that, the active cadres — of a past quarter only those it was opened for (with a checklist), so that
 * someone who joined since does not hold its close; of the current quarter everyone, those without a checklist yet
 * being what 开启季度 still has to do.
 */
export async function population(db: Database, periodId: string, now: number): Promise<{ people: MemberDoc[]; listed: Set<string> }> {
  const [members, listedDocs, stored] = await Promise.all([
    all<MemberDoc>(db, COLL.members, {}),
    allPages<{ _id: string; memberId: string }>((skip, limit) =>
      db
        .collection<{ _id: string; memberId: string }>(COLL.checklists)
        .where({ periodId })
        .field({ memberId: true })
        .orderBy('_id', 'asc')
        .skip(skip)
        .limit(limit)
        .get(),
    ),
    all<QuarterResultDoc>(db, COLL.quarterResults, { periodId }),
  ]);
  const listed = new Set(listedDocs.map((c) => c.memberId));
  const filed = new Map(stored.flatMap((d) => d.members.map((m) => [m.memberId, d.sectionId] as const)));
  const cadreRole = members.filter((m) => m.roles.includes('cadre'));
  if (filed.size > 0) {
    const people = members.filter((m) => filed.has(m._id)).map((m) => ({ ...m, sectionId: filed.get(m._id) ?? m.sectionId }));
    return { people, listed };
  }
  const active = cadreRole.filter((m) => m.active);
  return { people: periodId < quarterOf(now) ? active.filter((m) => listed.has(m._id)) : active, listed };
}

/**
 * The sections a quarter assesses (考事): those its people are in — a section made since, or one nobody of the
 * quarter is in, has no work of the quarter to score and does not hold its close.
 */
function assessedSections(all: SectionDoc[], people: MemberDoc[]): SectionDoc[] {
  const inUse = new Set(people.map((m) => m.sectionId));
  return all.filter((s) => inUse.has(s._id));
}

/** Every section, retired ones too (a closed quarter's results may name one); `assessedSections` picks a quarter's. */
export async function sections(db: Database): Promise<SectionDoc[]> {
  return (await db.collection<SectionDoc>(COLL.sections).orderBy('order', 'asc').limit(1000).get()).data;
}

export async function periodStatus(db: Database, periodId: string, now: number = Date.now()) {
  const [p, { people, listed }, allSections, staffEvals, sectionEvals] = await Promise.all([
    loadPeriod(db, periodId),
    population(db, periodId, now),
    sections(db),
    all<StaffEvaluationDoc>(db, COLL.staffEvaluations, { periodId }),
    all<SectionEvaluationDoc>(db, COLL.sectionEvaluations, { periodId }),
  ]);
  const secs = assessedSections(allSections, people);
  const evaluated = new Set(staffEvals.map((e) => e.memberId));
  const sectionsDone = new Set(sectionEvals.map((e) => e.sectionId));
  const missingStaff = people.filter((m) => !evaluated.has(m._id));
  const missingSections = secs.filter((s) => !sectionsDone.has(s._id));
  return {
    periodId,
    periodLabel: quarterLabel(periodId),
    status: p?.status ?? 'open',
    opened: p !== null,
    checklistsMissing: people.filter((m) => !listed.has(m._id)).length,
    cadres: people.length,
    staffEvaluated: people.length - missingStaff.length,
    sections: secs.length,
    sectionsEvaluated: secs.length - missingSections.length,
    missingStaff: missingStaff.slice(0, 20).map((m) => m.name),
    missingSections: missingSections.slice(0, 20).map((s) => s.name),
  };
}

/** Everything a quarter's scores depend on, loaded, and the pure assessment over it. */
export async function compute(db: Database, periodId: string, now: number = Date.now()) {
  const [{ people }, allSections, checklists, dossiers, staffEvals, sectionEvals, spots, corrections, rule] = await Promise.all([
    population(db, periodId, now),
    sections(db),
    all<ChecklistDoc>(db, COLL.checklists, { periodId }),
    all<DossierDoc>(db, COLL.dossiers, { periodId }),
    all<StaffEvaluationDoc>(db, COLL.staffEvaluations, { periodId }),
    all<SectionEvaluationDoc>(db, COLL.sectionEvaluations, { periodId }),
    all<SpotCheckDoc>(db, COLL.spotChecks, { periodId }),
    all<CorrectionDoc>(db, COLL.corrections, { periodId, field: 'deductions' }),
    visitRule(db),
  ]);
  const secs = assessedSections(allSections, people);
  // the visits that count are the admin's rule (settings/dossier): confirmed ones only, or all but those denied
  const countedOf = (d: DossierDoc | undefined) => (d ? countedProgress(d, rule) : emptyProgress());
  const by = <T extends { memberId: string }>(xs: T[]) => new Map(xs.map((x) => [x.memberId, x]));
  const cl = by(checklists);
  const ds = by(dossiers);
  const ev = by(staffEvals);
  return assessPeriod(
    people.map((m) => ({
      memberId: m._id,
      name: m.name,
      sectionId: m.sectionId ?? '',
      items: cl.get(m._id)?.items ?? [],
      inputs: { progress: countedOf(ds.get(m._id)), actuals: ev.get(m._id)?.actuals ?? {}, grades: ev.get(m._id)?.grades ?? {} },
      staffEvaluation: ev.get(m._id)?.score ?? null,
      deductions: memberDeductions(spots, corrections, m._id),
    })),
    secs.map((s) => ({
      sectionId: s._id,
      name: s.name,
      leaderScores: sectionEvals.filter((e) => e.sectionId === s._id).map((e) => e.score),
      deductions: spotDeductions(spots, 'section', s._id),
    })),
  );
}

/** Write a quarter's results: deterministic ids, so writing again (a resumed close, a correction) overwrites. */
export async function saveResults(db: Database, periodId: string, r: { members: MemberResult[]; sections: SectionResult[] }) {
  await paced(packResults(periodId, r), ({ _id, ...doc }) => db.collection<QuarterResultDoc>(COLL.quarterResults).doc(_id).set({ data: doc }));
}

/** A cadre's quarter result with its breakdown; `m` is already checked against the caller's scope. */
export async function resultView(ctx: Ctx, periodId: string, m: MemberDoc) {
  const p = await loadPeriod(ctx.db, periodId);
  if (p?.status !== 'closed') throw new AppError('NOT_READY', `${quarterLabel(periodId)}考核尚未结束，结束后可查看结果`);
  const [stored, corrections, section] = await Promise.all([
    ctx.db
      .collection<QuarterResultDoc>(COLL.quarterResults)
      .doc(quarterResultId(periodId, m.sectionId ?? ''))
      .get(),
    ctx.db.collection<CorrectionDoc>(COLL.corrections).where({ periodId, memberId: m._id }).orderBy('at', 'asc').limit(100).get(),
    m.sectionId ? ctx.db.collection<SectionDoc>(COLL.sections).doc(m.sectionId).get() : null,
  ]);
  const d = stored.data?.members.find((x) => x.memberId === m._id);
  if (!stored.data || !d) throw new AppError('NOT_FOUND', `${m.name}在${quarterLabel(periodId)}没有考核结果`);
  return {
    periodId,
    periodLabel: quarterLabel(periodId),
    memberId: d.memberId,
    name: d.name,
    sectionId: d.sectionId,
    sectionName: section?.data?.name ?? null,
    items: d.items,
    indicators: d.indicators,
    staffEvaluation: d.staffEvaluation,
    sectionEvaluation: d.sectionEvaluation,
    deductions: d.deductions,
    score: d.score,
    grade: d.grade,
    cappedByQuota: d.cappedByQuota,
    rank: d.rank,
    of: stored.data.of,
    corrections: corrections.data.map((c) => ({ field: c.field, old: c.old, new: c.new, reason: c.reason, byName: c.byName, at: c.at })),
  };
}

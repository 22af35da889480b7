/**
 * The audited records against their entries: a record edited in place (a grade changed in the database, a formula
 * rewritten, a card's colour or decision altered) no longer agrees with the entry whose number it keeps. Records
 * from before the trail began keep no number and are not counted.
 */
import { COLL } from '../../../server/common/collections';
import type { Database } from '../../../server/common/cloud';
import { allPages } from '../../../server/common/pages';
import { digest, type AuditEntry } from '../../../shared/audit/chain';
import { gradesDigest, resultsDigest, runResults, type ChangeRecord, type FormulaDoc, type YearDoc } from '../../annual/src/lib';
import type { PayRunDoc } from '../../pay/src/lib';
import { quarterDigest, storedResults } from '../../../server/assessment/results';
import type { PeriodDoc } from '../../../shared/assessment/period';
import type { CardDoc } from '../../cards/src/lib';
import type { CorrectionDoc } from '../../../shared/assessment/evaluations';
import type { ProjectDoc, ProjectLogEntry } from '../../../shared/projects/project';

type Entries = Map<number, AuditEntry>;

/** A grade change (adjustment or review answer): whose, to what, why, when, by whom. */
function changeAgrees(c: ChangeRecord, e: AuditEntry | undefined): boolean {
  if (!e || (e.kind !== 'annual.adjust' && e.kind !== 'annual.review')) return false;
  return e.data.memberId === c.memberId && e.data.grade === c.grade && e.reason === c.reason && e.at === c.at && e.actorId === c.by;
}

/** The formula in force: every field as its entry recorded it. */
function formulaAgrees(f: FormulaDoc, e: AuditEntry | undefined): boolean {
  return !!e && e.kind === 'annual.formula' && digest(e.data) === digest({ ...f.current });
}

/** A quarter's correction: whose, which figure, from what to what, why. */
function correctionAgrees(c: CorrectionDoc, e: AuditEntry | undefined): boolean {
  if (!e || e.kind !== 'assessment.correct') return false;
  return e.data.memberId === c.memberId && e.data.field === c.field && e.data.old === c.old && e.data.new === c.new && e.reason === c.reason;
}

/** A milestone's correction as the project's log keeps it: the same project, words, time and person. */
function milestoneAgrees(p: ProjectDoc, l: ProjectLogEntry, e: AuditEntry | undefined): boolean {
  return !!e && e.kind === 'projects.correct' && e.data.projectId === p._id && e.data.text === l.text && e.at === l.at && e.actorId === l.by;
}

/** A card: who it is for, its colour and the decision as its entry has them; a lifted one, its lifting too. */
function cardAgrees(c: CardDoc, by: Entries): boolean {
  const e = by.get(c.auditSeq);
  const decided = c.status === 'withheld' ? 'cards.withhold' : 'cards.issue';
  if (!e || e.kind !== decided || e.data.key !== c._id || e.data.memberId !== c.memberId || e.data.color !== c.color || e.reason !== c.reason)
    return false;
  if (c.status !== 'lifted') return true;
  const l = c.liftAuditSeq === null ? undefined : by.get(c.liftAuditSeq);
  return !!l && l.kind === 'cards.lift' && l.data.key === c._id && l.reason === c.liftReason;
}

export async function recordsAgainst(db: Database, entries: AuditEntry[]): Promise<{ checked: number; mismatched: string[] }> {
  const by: Entries = new Map(entries.map((e) => [e.seq, e]));
  const [years, formulas, cards, corrections, projects] = await Promise.all([
    allPages<YearDoc>((skip, limit) => db.collection<YearDoc>(COLL.annualYears).orderBy('_id', 'asc').skip(skip).limit(limit).get(), 100),
    allPages<FormulaDoc>((skip, limit) => db.collection<FormulaDoc>(COLL.annualFormulas).orderBy('_id', 'asc').skip(skip).limit(limit).get(), 100),
    allPages<CardDoc>((skip, limit) => db.collection<CardDoc>(COLL.cards).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<CorrectionDoc>((skip, limit) => db.collection<CorrectionDoc>(COLL.corrections).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<ProjectDoc>(
      (skip, limit) => db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').field({ log: true }).skip(skip).limit(limit).get(),
      100,
    ),
  ]);
  const checks: { subject: string; ok: boolean }[] = [
    ...years.flatMap((y) =>
      y.changes.flatMap((c) =>
        c.auditSeq === undefined ? [] : [{ subject: `annual:${y.year}:${c.memberId}`, ok: changeAgrees(c, by.get(c.auditSeq)) }],
      ),
    ),
    ...formulas.flatMap((f) => (f.auditSeq === undefined ? [] : [{ subject: `annual:${f._id}`, ok: formulaAgrees(f, by.get(f.auditSeq)) }])),
    ...cards.map((c) => ({ subject: `cards:${c.memberId}:${c._id}`, ok: cardAgrees(c, by) })),
    ...corrections.flatMap((c) =>
      c.auditSeq === undefined ? [] : [{ subject: `assessment:${c.periodId}:${c.memberId}`, ok: correctionAgrees(c, by.get(c.auditSeq)) }],
    ),
    ...projects.flatMap((p) =>
      p.log.flatMap((l) => (l.auditSeq === undefined ? [] : [{ subject: `projects:${p._id}`, ok: milestoneAgrees(p, l, by.get(l.auditSeq)) }])),
    ),
  ];
  checks.push(...(await inForce(db, entries, by, years)));
  return { checked: checks.length, mismatched: checks.filter((c) => !c.ok).map((c) => c.subject) };
}

const COURSE = new Set(['annual.confirm', 'annual.publish', 'annual.notify']);

/**
 * The results in force against the entries that fixed them: a year past its draft against its latest confirm,
 * publish or notify entry (the run, a digest of every figure of it, the grades with the changes made by then); a
 * closed quarter against its close's or its last recount's entry; a year's pay against its release.
 */
async function inForce(db: Database, entries: AuditEntry[], by: Entries, years: YearDoc[]): Promise<{ subject: string; ok: boolean }[]> {
  const [periods, runs] = await Promise.all([
    allPages<PeriodDoc>((skip, limit) => db.collection<PeriodDoc>(COLL.periods).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<PayRunDoc>((skip, limit) => db.collection<PayRunDoc>(COLL.payRuns).orderBy('_id', 'asc').skip(skip).limit(limit).get(), 20),
  ]);
  const out: { subject: string; ok: boolean }[] = [];
  for (const y of years) {
    const course = entries.filter((e) => COURSE.has(e.kind) && e.subject === `annual:${y.year}`).sort((a, b) => b.seq - a.seq)[0];
    if (!course || y.status === 'draft') continue;
    const docs = await runResults(db, y);
    const d = course.data;
    const ok =
      d.runId === y.runId && (d.results === undefined || d.results === resultsDigest(docs)) && d.grades === gradesDigest(docs, y, course.seq);
    out.push({ subject: `annual:${y.year}:results`, ok });
  }
  for (const p of periods) {
    if (p.auditSeq === undefined) continue;
    const e = by.get(p.auditSeq);
    const docs = await storedResults(db, p._id);
    const ok =
      !!e &&
      (e.kind === 'assessment.close' || e.kind === 'assessment.results') &&
      e.data.periodId === p._id &&
      e.data.results === quarterDigest(docs);
    out.push({ subject: `assessment:${p._id}:results`, ok });
  }
  for (const r of runs) {
    const e = by.get(r.auditSeq);
    const ok = !!e && e.kind === 'pay.release' && e.data.poolFen === r.poolFen && e.data.rows === digest(r.rows.map((x) => [x.memberId, x.fen]));
    out.push({ subject: `pay:${r.year}`, ok });
  }
  return out;
}

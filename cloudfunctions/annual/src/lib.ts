/** What the annual actions share: the year's state, its formula, its current results, the views. */
import { digest, type Json } from '../../../shared/audit/chain';
import { COLL } from '../../../server/common/collections';
import type { Database, Transaction } from '../../../server/common/cloud';
import { allPages } from '../../../server/common/pages';
import { AppError } from '../../../shared/common/errors';
import { defaultFormula, type AnnualFormula } from '../../../shared/annual/config';
import type { YearView } from '../../../shared/annual/contract';
import { excellentQuota, finalGrades, type Adjustment, type AnnualGrade, type GradeProposal } from '../../../shared/annual/grades';
import type { AnnualScore, SectionScore } from '../../../shared/annual/score';
import { sectionTier, type SectionTier } from '../../../shared/annual/tiers';
import type { ProfileAxis, TrendPoint } from '../../../shared/annual/trend';
import type { AnnualStatus } from '../../../shared/annual/workflow';

/** `annualFormulas/{year}`: the year's formula as it stands, and every version saved before. */
export interface FormulaDoc {
  _id: string;
  current: AnnualFormula;
  versions: AnnualFormula[];
  updatedAt: number;
  updatedBy: string;
  /** The current version's entry in the audit trail. */
  auditSeq?: number;
}

/** A grade change: the leadership's adjustment of the draft, or the answer to a review after publication. */
export interface ChangeRecord extends Adjustment {
  by: string;
  byName: string;
  at: number;
  onReview: boolean;
  /** Its entry in the audit trail (shared/audit/chain.ts); absent from changes made before the trail began. */
  auditSeq?: number;
}

/** `annualYears/{year}`: where the year's results stand, and which computed run is in force. */
export interface YearDoc {
  _id: string;
  year: number;
  status: AnnualStatus;
  /** The run in force: its results are `annualResults/{year}_{runId}_{sectionId}`. */
  runId: string | null;
  computedAt: number | null;
  formulaVersion: number | null;
  quarters: string[];
  assessed: number;
  changes: ChangeRecord[];
  confirmedAt: number | null;
  publishedAt: number | null;
  publicUntil: number | null;
  notifiedAt: number | null;
  reviewUntil: number | null;
  /**
   * 公示 and review deadlines counted through a year whose State Council arrangement was not entered yet: where each
   * runs from and how many working days, so that entering the year counts them again (park.saveCalendar).
   */
  provisional?: Partial<Record<'publicUntil' | 'reviewUntil', { from: number; workdays: number }>>;
}

export interface CadreResult {
  score: AnnualScore;
  proposal: GradeProposal;
  rank: number;
  sectionRank: number;
  /** For the charts (shared/annual/trend.ts); absent from runs computed before the charts existed. */
  trend?: TrendPoint[];
  profile?: ProfileAxis[];
}

/** `annualResults/{year}_{runId}_{sectionId}`: a section's result and its cadres', as one run computed them. */
export interface AnnualResultDoc {
  _id: string;
  year: number;
  runId: string;
  createdAt: number;
  sectionId: string;
  sectionName: string | null;
  section: (SectionScore & { rank: number; trend?: TrendPoint[] }) | null;
  members: CadreResult[];
  /** Assessed this year without a grade (shared/annual/eligibility.ts), and why; absent from older runs. */
  ungraded?: { memberId: string; name: string; reason: string }[];
}

/** `annualReviews/{year}_{memberId}`: a cadre's request for review and its answer. */
export interface ReviewDoc {
  _id: string;
  year: number;
  memberId: string;
  reason: string;
  at: number;
  answer: { grade: AnnualGrade; note: string; at: number; by: string } | null;
  /** For the query of those waiting: a where on a null field is not the same on every platform. */
  answered: boolean;
  /** The answer's entry in the audit trail. */
  auditSeq?: number;
}

/** `annualAcks/{year}_{memberId}`: the cadre acknowledged the written notice. */
export interface AckDoc {
  _id: string;
  at: number;
}

export const personKey = (year: number, memberId: string) => `${year}_${memberId}`;

export function emptyYear(year: number): YearDoc {
  return {
    _id: String(year),
    year,
    status: 'draft',
    runId: null,
    computedAt: null,
    formulaVersion: null,
    quarters: [],
    assessed: 0,
    changes: [],
    confirmedAt: null,
    publishedAt: null,
    publicUntil: null,
    notifiedAt: null,
    reviewUntil: null,
  };
}

export async function loadYear(db: Database | Transaction, year: number): Promise<YearDoc> {
  return (await db.collection<YearDoc>(COLL.annualYears).doc(String(year)).get()).data ?? emptyYear(year);
}

export async function loadFormula(db: Database, year: number): Promise<{ formula: AnnualFormula; doc: FormulaDoc | null }> {
  const doc = (await db.collection<FormulaDoc>(COLL.annualFormulas).doc(String(year)).get()).data;
  // a formula saved before a setting existed takes that setting's default
  const d = defaultFormula(year);
  return { formula: doc ? { ...d, ...doc.current, vetoes: { ...d.vetoes, ...doc.current.vetoes } } : d, doc };
}

/**
 * The run's sections in ranking order, each with its tier. The tier is worked out from the stored rank and the
 * year's formula as it is read: the formula only changes while the results are a draft, so a confirmed year's tiers
 * stay as they were confirmed.
 */
export function rankedSections(
  docs: AnnualResultDoc[],
  formula: AnnualFormula,
): (SectionScore & { rank: number; trend?: TrendPoint[]; tier: SectionTier })[] {
  const sections = docs.flatMap((d) => (d.section ? [d.section] : []));
  return sections.map((s) => ({ ...s, tier: sectionTier(s.rank, sections.length, formula.sectionFirstTierShare) })).sort((a, b) => a.rank - b.rank);
}

export async function runResults(db: Database, y: YearDoc): Promise<AnnualResultDoc[]> {
  if (!y.runId) return [];
  const runId = y.runId;
  // a section's document holds its cadres with their sources: a hundred of them a page keeps a read well under 1 MB
  return allPages<AnnualResultDoc>(
    (skip, limit) =>
      db.collection<AnnualResultDoc>(COLL.annualResults).where({ year: y.year, runId }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
    100,
  );
}

export function gradesOf(docs: AnnualResultDoc[], y: YearDoc): Map<string, AnnualGrade> {
  return finalGrades(
    docs.flatMap((d) => d.members.map((m) => m.proposal)),
    y.changes,
  );
}

export async function pendingReviews(db: Database, year: number): Promise<number> {
  return (await db.collection<ReviewDoc>(COLL.annualReviews).where({ year, answered: false }).count()).total;
}

export async function yearView(db: Database, y: YearDoc, known?: { docs?: AnnualResultDoc[]; formula?: AnnualFormula }): Promise<YearView> {
  const [docs, formula, reviewsPending] = await Promise.all([
    known?.docs ?? runResults(db, y),
    known?.formula ?? loadFormula(db, y.year).then((f) => f.formula),
    pendingReviews(db, y.year),
  ]);
  const grades = gradesOf(docs, y);
  return {
    year: y.year,
    status: y.status,
    computed: y.runId !== null,
    computedAt: y.computedAt,
    formulaVersion: y.formulaVersion,
    quarters: y.quarters,
    assessed: y.assessed,
    excellentQuota: excellentQuota(y.assessed, formula),
    excellentCount: [...grades.values()].filter((g) => g === 'excellent').length,
    publicUntil: y.publicUntil,
    notifiedAt: y.notifiedAt,
    reviewUntil: y.reviewUntil,
    deadlinesProvisional: Object.keys(y.provisional ?? {}).length > 0,
    reviewsPending,
  };
}

export function refuse(p: { code: 'CONFLICT' | 'NOT_READY' | 'INVALID_INPUT'; message: string } | null): void {
  if (p) throw new AppError(p.code, p.message);
}

/** Every figure of the run in force (each section's document: totals, sources, proposals, ranks), as one digest. */
export function resultsDigest(docs: AnnualResultDoc[]): string {
  return digest([...docs].sort((a, b) => (a._id < b._id ? -1 : 1)) as unknown as Json);
}

/** The year's grades, with the changes made up to an entry of the trail (`uptoSeq`), as the course entries digest them. */
export function gradesDigest(docs: AnnualResultDoc[], y: YearDoc, uptoSeq = Infinity): string {
  const changes = y.changes.filter((c) => (c.auditSeq ?? 0) <= uptoSeq);
  return digest([...gradesOf(docs, { ...y, changes })].sort(([a], [b]) => (a < b ? -1 : 1)));
}

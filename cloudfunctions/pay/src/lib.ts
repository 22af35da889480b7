/** What the pay actions share: the year's settings, the cadres with their grade and section tier, the simulation. */
import { COLL } from '../../../server/common/collections';
import type { Database } from '../../../server/common/cloud';
import type { SectionTier } from '../../../shared/annual/tiers';
import { AppError } from '../../../shared/common/errors';
import type { SimulationView } from '../../../shared/pay/contract';
import {
  defaultPaySettings,
  distribute,
  payGroups,
  payProblems,
  poolFen,
  taxFactor,
  type PayCadre,
  type PayRow,
  type PaySettings,
} from '../../../shared/pay/pay';
import { gradesOf, loadFormula, loadYear, pendingReviews, rankedSections, runResults, type YearDoc } from '../../annual/src/lib';

/** `paySettings/{year}`: the year's settings as the admin saved them. */
export interface PaySettingsDoc {
  _id: string;
  current: PaySettings;
  updatedAt: number;
  updatedBy: string;
  auditSeq: number;
}

/** `payRuns/{year}`: the pay released, once: the settings it used, the pool and every cadre's amount in fen. */
export interface PayRunDoc {
  _id: string;
  year: number;
  settings: PaySettings;
  poolFen: number;
  rows: PayRow[];
  releasedAt: number;
  releasedBy: string;
  releasedByName: string;
  auditSeq: number;
}

export async function loadSettings(db: Database, year: number): Promise<{ settings: PaySettings; saved: boolean }> {
  const doc = (await db.collection<PaySettingsDoc>(COLL.paySettings).doc(String(year)).get()).data;
  return { settings: doc ? { ...defaultPaySettings(year), ...doc.current } : defaultPaySettings(year), saved: doc !== null };
}

export async function loadRun(db: Database, year: number): Promise<PayRunDoc | null> {
  return (await db.collection<PayRunDoc>(COLL.payRuns).doc(String(year)).get()).data;
}

/** The year's cadres with their final grade and their section's tier, and the tier of every ranked section. */
export async function cadresOf(db: Database, year: number): Promise<{ y: YearDoc; cadres: PayCadre[]; tiers: SectionTier[] }> {
  const y = await loadYear(db, year);
  if (!y.runId) throw new AppError('NOT_READY', `${year}年度考核结果尚未计算`);
  const [docs, { formula }] = await Promise.all([runResults(db, y), loadFormula(db, year)]);
  const grades = gradesOf(docs, y);
  const sections = rankedSections(docs, formula);
  const tierOf = new Map(sections.map((s) => [s.sectionId, s.tier]));
  const cadres = docs.flatMap((d) =>
    d.members.map((m) => ({
      memberId: m.score.memberId,
      sectionId: d.sectionId,
      rank: m.rank,
      grade: grades.get(m.score.memberId) ?? m.proposal.grade,
      // a section with cadres but no section score of its own shares as the second tier
      tier: tierOf.get(d.sectionId) ?? 2,
    })),
  );
  return { y, cadres, tiers: sections.map((s) => s.tier) };
}

/** Refused when the settings break the report's ratios: the first problem's message, every problem in the details. */
export function refuseProblems(s: PaySettings, tiers: SectionTier[]): void {
  const problems = payProblems(s, tiers);
  const first = problems[0];
  if (first) throw new AppError('INVALID_INPUT', first.message, problems);
}

/** Why the year's pay may not be released yet; null when it may. */
export async function releaseBlocked(db: Database, y: YearDoc, now: number): Promise<string | null> {
  if (y.status !== 'notified' || y.reviewUntil === null) return '年度考核结果尚未通知本人，不能发放';
  if (now <= y.reviewUntil) return '复核申请期尚未结束，不能发放';
  const pending = await pendingReviews(db, y.year);
  if (pending > 0) return `还有${pending}件复核申请未答复，不能发放`;
  return null;
}

export function simulation(
  year: number,
  s: PaySettings,
  cadres: PayCadre[],
  tiers: SectionTier[],
  state: { saved: boolean; released: boolean; blocked: string | null },
): SimulationView & { rows: PayRow[] } {
  const pool = poolFen(s);
  const rows = distribute(pool, cadres, s);
  return {
    year,
    poolFen: pool,
    provincialFactor: s.provincialFactors[s.provincialTier],
    taxFactor: taxFactor(s),
    totalFen: rows.reduce((sum, r) => sum + r.fen, 0),
    cadres: rows.length,
    sections: { first: tiers.filter((t) => t === 1).length, second: tiers.filter((t) => t === 2).length },
    groups: payGroups(rows),
    saved: state.saved,
    released: state.released,
    releaseBlocked: state.released ? '本年度绩效奖金已发放' : state.blocked,
    rows,
  };
}

/** The view without the rows: the simulator shows groups, never a list of names and amounts. */
export function publicView(v: SimulationView & { rows: PayRow[] }): SimulationView {
  const { rows: _rows, ...rest } = v;
  return rest;
}

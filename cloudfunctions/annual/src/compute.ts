/**
 * Computing a year's results, safe to run again and again: a run writes its own documents
 * (`annualResults/{year}_{run}_{section}`) and only then, in one write, becomes the run in force; interrupted
 * halfway, it leaves the previous results in force and its documents are removed by the next run.
 */
import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import type { Database } from '../../../server/common/cloud';
import { allPages } from '../../../server/common/pages';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { loadPeriod } from '../../../server/assessment/period';
import type { QuarterResultDoc } from '../../../shared/assessment/assessment';
import { competitionRanks } from '../../../shared/common/rank';
import { type AnnualFormula } from '../../../shared/annual/config';
import { proposeGrades } from '../../../shared/annual/grades';
import { annualScore, sectionAnnualScore, type CadreYear, type RatingRecord, type SectionYear, type VoteRecord } from '../../../shared/annual/score';
import { dimensionPoints, profiles, quarterStats, quarterTrend } from '../../../shared/annual/trend';
import { stepProblem } from '../../../shared/annual/workflow';
import { parkInstant } from '../../../shared/common/time';
import { hasRedInForce } from '../../../shared/cards/rules';
import type { MemberDoc } from '../../../shared/members/member';
import type { SectionDoc } from '../../../shared/park/park';
import { results as ratingResults, type RatingDoc } from '../../../shared/ratings/rating';
import { closedAt, type CampaignDoc } from '../../../shared/votes/campaign';
import type { CardDoc } from '../../cards/src/lib';
import type { RatingCampaignDoc } from '../../ratings/src/lib';
import type { ResultDoc as VoteResultDoc } from '../../votes/src/lib';
import { emptyYear, loadFormula, loadYear, refuse, yearView, type AnnualResultDoc, type CadreResult, type YearDoc } from './lib';

import { DEFAULT_NO_GRADE, PARK_DOC_ID, type ParkDoc } from '../../../shared/park/park';
import { ungradedReason, type YearStatusDoc } from '../../../shared/annual/eligibility';

/** Whether a person had left the park by the year's last day. */
const leftWithin = (m: MemberDoc | undefined, year: number): boolean => !!m && !m.active && !!m.leftOn && m.leftOn <= `${year}-12-31`;

/** The year's closed quarters and their results. */
async function quarters(db: Database, year: number): Promise<{ ids: string[]; results: QuarterResultDoc[] }> {
  const ids = [1, 2, 3, 4].map((n) => `${year}Q${n}`);
  const periods = await Promise.all(ids.map((id) => loadPeriod(db, id)));
  const closed = ids.filter((_, i) => periods[i]?.status === 'closed');
  const results = await Promise.all(
    closed.map((periodId) =>
      allPages<QuarterResultDoc>(
        (skip, limit) => db.collection<QuarterResultDoc>(COLL.quarterResults).where({ periodId }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
        100,
      ),
    ),
  );
  return { ids: closed, results: results.flat() };
}

/** Every candidate's record in the year's closed democratic evaluations. */
async function votes(db: Database, year: number, now: number): Promise<Map<string, VoteRecord[]>> {
  const campaigns = (await db.collection<CampaignDoc>(COLL.voteCampaigns).where({ year }).limit(100).get()).data.filter(
    (c) => closedAt(c, now) !== null,
  );
  const results = await Promise.all(campaigns.map((c) => db.collection<VoteResultDoc>(COLL.voteResults).doc(c._id).get()));
  const out = new Map<string, VoteRecord[]>();
  campaigns.forEach((c, i) => {
    for (const r of results[i]?.data?.tally.candidates ?? []) {
      const dimensions = c.dimensions.flatMap(({ key, label }) => {
        const value = r.dimensions[key];
        return value === undefined ? [] : [{ key, label, value }];
      });
      const rec = { campaignId: c._id, title: c.title, overall: r.overall, dimensions, admonish: r.admonish, adjust: r.adjust };
      out.set(r.id, [...(out.get(r.id) ?? []), rec]);
    }
  });
  return out;
}

/** Every cadre's and section's score in the year's closed satisfaction campaigns (shared/ratings/rating.ts, results). */
async function ratings(db: Database, year: number, sectionOf: (id: string) => string | null) {
  const campaigns = (await db.collection<RatingCampaignDoc>(COLL.ratingCampaigns).where({ year, status: 'closed' }).limit(100).get()).data;
  const cadres = new Map<string, RatingRecord[]>();
  const sections = new Map<string, RatingRecord[]>();
  for (const c of campaigns) {
    const all = await allPages<RatingDoc>((skip, limit) =>
      db.collection<RatingDoc>(COLL.ratings).where({ campaignId: c._id }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
    );
    const r = ratingResults(all, sectionOf);
    for (const row of r.cadres)
      cadres.set(row.id, [...(cadres.get(row.id) ?? []), { campaignId: c._id, title: c.title, score: row.score, raters: row.raters }]);
    for (const row of r.sections)
      sections.set(row.id, [...(sections.get(row.id) ?? []), { campaignId: c._id, title: c.title, score: row.score, raters: row.raters }]);
  }
  return { cadres, sections };
}

/** The year's results from its records: pure but for the loading. */
export async function computeYear(db: Database, year: number, formula: AnnualFormula, now: number) {
  const [q, members, sections, voteRecords, cards, statuses, park] = await Promise.all([
    quarters(db, year),
    allPages<MemberDoc>((skip, limit) => db.collection<MemberDoc>(COLL.members).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    allPages<SectionDoc>((skip, limit) => db.collection<SectionDoc>(COLL.sections).orderBy('order', 'asc').skip(skip).limit(limit).get(), 100),
    votes(db, year, now),
    // the red cards in force now: the veto reads them as the year is computed (and again at each recompute)
    allPages<CardDoc>((skip, limit) =>
      db.collection<CardDoc>(COLL.cards).where({ color: 'red', status: 'issued' }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
    ),
    allPages<YearStatusDoc>((skip, limit) =>
      db.collection<YearStatusDoc>(COLL.yearStatuses).where({ year }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
    ),
    db.collection<ParkDoc>(COLL.park).doc(PARK_DOC_ID).get(),
  ]);
  const noGrade = { ...DEFAULT_NO_GRADE, ...park.data?.settings.noGrade };
  const member = new Map(members.map((m) => [m._id, m]));
  const yearEnd = parkInstant(`${year + 1}-01-01`) - 1;
  const rated = await ratings(db, year, (id) => member.get(id)?.sectionId ?? null);
  // the cadres assessed: everyone with a closed quarter of the year, in the section they were assessed in last
  const years = new Map<string, CadreYear>();
  const sectionQuarters = new Map<string, { periodId: string; score: number; rank: number }[]>();
  const quarterRanks = new Map<string, { periodId: string; score: number; rank: number }[]>();
  for (const doc of [...q.results].sort((a, b) => a.periodId.localeCompare(b.periodId))) {
    const { periodId, section } = doc;
    if (section)
      sectionQuarters.set(doc.sectionId, [...(sectionQuarters.get(doc.sectionId) ?? []), { periodId, score: section.score, rank: section.rank }]);
    for (const m of doc.members) {
      quarterRanks.set(m.memberId, [...(quarterRanks.get(m.memberId) ?? []), { periodId, score: m.score, rank: m.rank }]);
      const y = years.get(m.memberId) ?? {
        memberId: m.memberId,
        name: m.name,
        sectionId: m.sectionId,
        quarters: [],
        votes: [],
        ratings: [],
        redCard: false,
      };
      y.sectionId = m.sectionId;
      y.quarters.push({
        periodId: doc.periodId,
        indicators: m.indicators,
        staffEvaluation: m.staffEvaluation,
        sectionEvaluation: m.sectionEvaluation,
        deductions: m.deductions,
        score: m.score,
        grade: m.grade,
      });
      years.set(m.memberId, y);
    }
  }
  const lastSection = new Map([...years.values()].map((y) => [y.memberId, y.sectionId]));
  // someone who left the park before the year's end is graded by the unit they went to (they keep their quarters'
  // results here): no grade of ours, no place in the 优秀 quota's base (members.leave)
  for (const id of [...years.keys()]) if (leftWithin(member.get(id), year)) years.delete(id);
  // assessed without a grade (试用期, 长期病事假, 立案审查, as the park's settings say): outside the 优秀 quota's base
  const ungraded = new Map<string, { memberId: string; name: string; reason: string }>();
  for (const s of statuses) {
    const reason = ungradedReason(s, noGrade);
    const y = years.get(s.memberId);
    if (!reason || !y) continue;
    ungraded.set(s.memberId, { memberId: s.memberId, name: member.get(s.memberId)?.name ?? y.name, reason });
    years.delete(s.memberId);
  }
  const scores = [...years.values()].map((y) =>
    annualScore(
      {
        ...y,
        name: member.get(y.memberId)?.name ?? y.name,
        votes: voteRecords.get(y.memberId) ?? [],
        ratings: rated.cadres.get(y.memberId) ?? [],
        redCard: hasRedInForce(cards, y.memberId, yearEnd),
      },
      formula,
    ),
  );
  const proposals = proposeGrades(scores, formula);
  const cadreStats = quarterStats([...quarterRanks.values()].flat());
  const profileOf = profiles(new Map(scores.map((s) => [s.memberId, dimensionPoints(voteRecords.get(s.memberId) ?? [])])));
  const ranks = competitionRanks(scores.map((s) => s.total));
  const rows: CadreResult[] = scores.map((score, i) => ({
    score,
    proposal: proposals[i] as CadreResult['proposal'],
    rank: ranks[i] ?? 0,
    sectionRank: 0,
    trend: quarterTrend(quarterRanks.get(score.memberId) ?? [], cadreStats),
    profile: profileOf.get(score.memberId) ?? [],
  }));
  const sectionYears: SectionYear[] = sections
    .filter((s) => sectionQuarters.has(s._id))
    .map((s) => ({ sectionId: s._id, name: s.name, quarters: sectionQuarters.get(s._id) ?? [], ratings: rated.sections.get(s._id) ?? [] }));
  const sectionScores = sectionYears.map((s) => sectionAnnualScore(s, formula));
  const sectionStats = quarterStats([...sectionQuarters.values()].flat());
  const sectionRanks = competitionRanks(sectionScores.map((s) => s.total));
  const docs = [...new Set([...rows.map((r) => r.score.sectionId), ...sectionScores.map((s) => s.sectionId)])].map((sectionId) => {
    const inSection = rows.filter((r) => r.score.sectionId === sectionId).sort((a, b) => a.rank - b.rank);
    const within = competitionRanks(inSection.map((r) => r.score.total));
    inSection.forEach((r, i) => (r.sectionRank = within[i] ?? 0));
    const si = sectionScores.findIndex((s) => s.sectionId === sectionId);
    const s = sectionScores[si];
    return {
      sectionId,
      sectionName: sections.find((x) => x._id === sectionId)?.name ?? null,
      section: s ? { ...s, rank: sectionRanks[si] ?? 0, trend: quarterTrend(sectionQuarters.get(sectionId) ?? [], sectionStats) } : null,
      members: inSection,
      ungraded: [...ungraded.values()].filter((u) => lastSection.get(u.memberId) === sectionId),
    };
  });
  return { quarters: q.ids, assessed: scores.length, docs };
}

/** A run's documents this old, and not in force, belong to no running compute (the function's timeout is 60 s). */
export const ORPHAN_AFTER_MS = 10 * 60_000;

export const compute: Handler<'annual', 'compute'> = async ({ year }, ctx) => {
  const before = await loadYear(ctx.db, year);
  refuse(stepProblem({ status: before.status, computed: before.runId !== null, publicUntil: before.publicUntil }, 'compute', ctx.now));
  const { formula } = await loadFormula(ctx.db, year);
  const out = await computeYear(ctx.db, year, formula, ctx.now);
  const runId = `${ctx.now.toString(36)}${randomBytes(3).toString('hex')}`;
  const docs: AnnualResultDoc[] = out.docs.map((d) => ({ _id: `${year}_${runId}_${d.sectionId}`, year, runId, createdAt: ctx.now, ...d }));
  // the run's own documents first; nothing reads them until the year names the run
  for (const d of docs) await ctx.db.collection<AnnualResultDoc>(COLL.annualResults).add({ data: d });
  const saved = await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<YearDoc>(COLL.annualYears).doc(String(year));
    const y = (await ref.get()).data;
    refuse(stepProblem({ status: y?.status ?? 'draft', computed: true, publicUntil: y?.publicUntil ?? null }, 'compute', ctx.now));
    const next: YearDoc = {
      ...(y ?? emptyYear(year)),
      runId,
      computedAt: ctx.now,
      formulaVersion: formula.version,
      quarters: out.quarters,
      assessed: out.assessed,
    };
    const { _id, ...data } = next;
    await ref.set({ data });
    return { next, previous: y?.runId ?? null };
  });
  // What earlier runs left, best effort: the run this one replaced, and any run that failed before naming itself
  // (older than any function may live, so never a run still writing).
  const _ = ctx.db.command;
  const results = ctx.db.collection<AnnualResultDoc>(COLL.annualResults);
  if (saved.previous)
    await results
      .where({ year, runId: saved.previous })
      .remove()
      .catch(() => undefined);
  await results
    .where({ year, runId: _.neq(runId), createdAt: _.lt(ctx.now - ORPHAN_AFTER_MS) })
    .remove()
    .catch(() => undefined);
  return yearView(ctx.db, saved.next, { docs, formula });
};

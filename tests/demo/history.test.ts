/**
 * The demo park's past (demo/history.ts, demo/votes.ts) is what the functions would have left: every quarter from
 * last January to the one before now closed, its results exactly what `assessPeriod` gives over the stored
 * checklists, dossiers, evaluations and spot checks (no score typed in); last year's democratic evaluations closed,
 * every ballot one submit accepts, the stored count what tallying the stored ballots gives. Through the local
 * cloud, last year's annual results then have real content: every cadre with four quarters and a 民主测评 score, and
 * the democratic evaluation's vetoes applied.
 */
import type { ResultDoc } from '../../cloudfunctions/votes/src/lib';
import { closedQuarters } from '../../demo/history';
import { demoPark } from '../../demo/park';
import { computeLastYear } from '../../demo/seed';
import { assessPeriod, packResults, type QuarterResultDoc } from '../../shared/assessment/assessment';
import {
  memberDeductions,
  spotDeductions,
  type SectionEvaluationDoc,
  type SpotCheckDoc,
  type StaffEvaluationDoc,
} from '../../shared/assessment/evaluations';
import type { PeriodDoc } from '../../shared/assessment/period';
import { DEFAULT_QUARTER_SETTINGS } from '../../shared/assessment/quarter';
import { inPark, parkInstant, quarterOf } from '../../shared/common/time';
import { countedProgress, type DossierDoc } from '../../shared/dossier/dossier';
import type { ChecklistDoc } from '../../shared/indicators/checklist';
import type { MemberDoc } from '../../shared/members/member';
import type { SectionDoc } from '../../shared/park/park';
import { ballotProblems, isVoid } from '../../shared/votes/ballot';
import { rollCounts, rosterFor, type BallotDoc, type CampaignDoc, type RollDoc } from '../../shared/votes/campaign';
import { biasFlags } from '../../shared/votes/flags';
import { enoughBallots, mergeSmallCategories, sealBallots } from '../../shared/votes/secrecy';
import { tally, type CountedBallot } from '../../shared/votes/tally';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

const NOW = parkInstant('2026-12-02', '10:00');
const park = demoPark(NOW);
const docs = <T>(name: string) => (park[name] ?? []) as unknown as T[];
const members = docs<MemberDoc>('members');
const cadres = members.filter((m) => m.active && m.roles.includes('cadre')).sort((a, b) => a._id.localeCompare(b._id));
const sections = docs<SectionDoc>('sections').sort((a, b) => a.order - b.order);
const periods = docs<PeriodDoc>('periods');
const results = docs<QuarterResultDoc>('quarterResults');
const spots = docs<SpotCheckDoc>('spotChecks');
const closed = periods.filter((p) => p.status === 'closed').map((p) => p._id);
const inQuarter = <T extends { periodId: string }>(name: string, periodId: string) => docs<T>(name).filter((d) => d.periodId === periodId);
const membersOf = (periodId: string) => results.filter((r) => r.periodId === periodId).flatMap((r) => r.members);

describe('the closed quarters', () => {
  it('are every quarter from last January to the previous one; this one is open', () => {
    // now is 2026-12-02: 2025Q1–2025Q4 and 2026Q1–2026Q3 closed, 2026Q4 open
    expect(closed).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3']);
    expect(periods.filter((p) => p.status !== 'closed')).toEqual([{ _id: '2026Q4', status: 'open' }]);
    // and from whatever day it is: in January, last year's four; in April, five
    expect(closedQuarters(parkInstant('2026-01-01', '00:30'))).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(closedQuarters(parkInstant('2027-04-01', '08:00'))).toEqual(['2026Q1', '2026Q2', '2026Q3', '2026Q4', '2027Q1']);
  });

  it('were closed by the admin after they ended and before now, each with a checklist, a dossier and an evaluation per cadre', () => {
    for (const p of periods.filter((x) => x.status === 'closed')) {
      expect(p.closedBy).toBe('M002');
      expect(quarterOf(p.closedAt ?? 0) > p._id).toBe(true);
      expect(p.closedAt ?? Infinity).toBeLessThan(NOW);
      for (const name of ['checklists', 'dossiers', 'staffEvaluations'])
        expect(inQuarter<{ periodId: string; memberId: string }>(name, p._id).map((d) => d.memberId)).toEqual(cadres.map((m) => m._id));
      // every leader has scored every section's work (考事), in the quarter
      expect(inQuarter<SectionEvaluationDoc>('sectionEvaluations', p._id)).toHaveLength(
        sections.length * members.filter((m) => m.roles.includes('leader')).length,
      );
      for (const e of [...inQuarter<StaffEvaluationDoc>('staffEvaluations', p._id), ...inQuarter<SectionEvaluationDoc>('sectionEvaluations', p._id)])
        expect(quarterOf(e.at)).toBe(p._id);
    }
  });

  it('have a result for every cadre and every section, ranked among all 74', () => {
    for (const q of closed) {
      expect(
        membersOf(q)
          .map((m) => m.memberId)
          .sort(),
      ).toEqual(cadres.map((m) => m._id));
      expect(results.filter((r) => r.periodId === q).every((r) => r.of === cadres.length && r.section !== null)).toBe(true);
    }
  });

  it('hold exactly the results assessPeriod gives over the stored records, as close computes them', () => {
    for (const q of closed) {
      const checklists = new Map(inQuarter<ChecklistDoc>('checklists', q).map((c) => [c.memberId, c]));
      const dossiers = new Map(inQuarter<DossierDoc>('dossiers', q).map((d) => [d.memberId, d]));
      const evals = new Map(inQuarter<StaffEvaluationDoc>('staffEvaluations', q).map((e) => [e.memberId, e]));
      const sectionEvals = inQuarter<SectionEvaluationDoc>('sectionEvaluations', q);
      const checks = spots.filter((s) => s.periodId === q);
      const expected = assessPeriod(
        cadres.map((m) => {
          const d = dossiers.get(m._id);
          const e = evals.get(m._id);
          if (!d || !e) throw new Error(`${q}: ${m._id} has no dossier or evaluation`);
          return {
            memberId: m._id,
            name: m.name,
            sectionId: m.sectionId ?? '',
            items: checklists.get(m._id)?.items ?? [],
            inputs: { progress: countedProgress(d), actuals: e.actuals, grades: e.grades },
            staffEvaluation: e.score,
            deductions: memberDeductions(checks, [], m._id),
          };
        }),
        sections.map((s) => ({
          sectionId: s._id,
          name: s.name,
          leaderScores: sectionEvals.filter((e) => e.sectionId === s._id).map((e) => e.score),
          deductions: spotDeductions(checks, 'section', s._id),
        })),
      );
      expect(results.filter((r) => r.periodId === q)).toEqual(packResults(q, expected));
    }
  });

  it('grade several cadres 好 in every quarter (never past the 40% quota) and a few 较差 over the history', () => {
    const quota = Math.floor(cadres.length * DEFAULT_QUARTER_SETTINGS.goodShareMax);
    let poor = 0;
    for (const q of closed) {
      const good = membersOf(q).filter((m) => m.grade === 'good').length;
      expect(good).toBeGreaterThanOrEqual(10);
      expect(good).toBeLessThanOrEqual(quota);
      const p = membersOf(q).filter((m) => m.grade === 'poor').length;
      expect(p).toBeLessThanOrEqual(3);
      poor += p;
    }
    expect(poor).toBeGreaterThanOrEqual(2);
  });

  it('keep people’s form from quarter to quarter: consecutive quarters’ scores go together', () => {
    const score = (q: string) => new Map(membersOf(q).map((m) => [m.memberId, m.score]));
    const r = (xs: number[], ys: number[]) => {
      const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
      const my = ys.reduce((s, y) => s + y, 0) / ys.length;
      const cov = xs.reduce((s, x, i) => s + (x - mx) * ((ys[i] ?? 0) - my), 0);
      const sx = Math.sqrt(xs.reduce((s, x) => s + (x - mx) ** 2, 0));
      const sy = Math.sqrt(ys.reduce((s, y) => s + (y - my) ** 2, 0));
      return cov / (sx * sy);
    };
    for (let i = 1; i < closed.length; i += 1) {
      const a = score(closed[i - 1] ?? '');
      const b = score(closed[i] ?? '');
      const ids = cadres.map((m) => m._id);
      expect(
        r(
          ids.map((id) => a.get(id) ?? 0),
          ids.map((id) => b.get(id) ?? 0),
        ),
      ).toBeGreaterThan(0.5);
    }
    // the two cadres the report names do well throughout
    for (const name of ['胡广初', '宋博华']) {
      const id = members.find((m) => m.name === name)?._id;
      for (const q of closed) expect(['good', 'fair']).toContain(membersOf(q).find((m) => m.memberId === id)?.grade);
    }
  });
});

describe('spot checks of the closed quarters (不定期抽查)', () => {
  it('are recorded in their quarter, some with deductions, and count in the results', () => {
    expect(spots.length).toBeGreaterThan(closed.length);
    const withDeduction = new Set(spots.filter((s) => s.deduction > 0).map((s) => s.periodId));
    expect(withDeduction.size).toBeGreaterThanOrEqual(3);
    for (const s of spots) {
      expect(closed).toContain(s.periodId);
      expect(quarterOf(s.at)).toBe(s.periodId);
      expect(s.findings.length).toBeGreaterThanOrEqual(4);
    }
    const hit = spots.find((s) => s.targetType === 'member' && s.deduction > 0);
    const row = membersOf(hit?.periodId ?? '').find((m) => m.memberId === hit?.targetId);
    expect(row?.deductions).toBeGreaterThanOrEqual(hit?.deduction ?? Infinity);
  });

  it('are on cadres and sections of the park, by a leader or the admin, none from a draw (the closed quarters have no seed)', () => {
    const staff = new Set(members.filter((m) => m.roles.includes('leader') || m.roles.includes('admin')).map((m) => m._id));
    for (const s of spots) {
      expect(s.targetType === 'member' ? cadres.map((m) => m._id) : sections.map((x) => x._id)).toContain(s.targetId);
      expect(staff.has(s.by)).toBe(true);
      expect(s.drawId).toBeNull();
    }
    expect(park.spotSeeds ?? []).toEqual([]);
    expect(park.spotDraws ?? []).toEqual([]);
  });
});

describe('last year’s democratic evaluations (民主测评)', () => {
  const campaigns = docs<CampaignDoc>('voteCampaigns');
  const ballotsOf = (c: CampaignDoc) => docs<BallotDoc>('voteBallots').filter((b) => b.campaignId === c._id);
  const resultOf = (c: CampaignDoc) => docs<ResultDoc>('voteResults').find((r) => r._id === c._id);
  const counted = (bs: BallotDoc[]): CountedBallot[] =>
    [...bs]
      .sort((a, b) => (a._id < b._id ? -1 : 1))
      .map((b) => ({ receipt: b._id, category: b.category, voterSectionId: b.voterSectionId, ratings: b.ratings }));

  it('are a 干部互评 and a 班子测评 of 2025, closed, counted and sealed, on the rosters create makes', () => {
    expect(campaigns.map((c) => [c.kind, c.year, c.status])).toEqual([
      ['peer', 2025, 'closed'],
      ['rate_leadership', 2025, 'closed'],
    ]);
    for (const c of campaigns) {
      expect(c).toMatchObject({ rollClosed: true, sealed: true });
      expect(c.closedAt ?? Infinity).toBeLessThan(NOW);
      const { candidates, roll } = rosterFor(c.kind, members);
      expect(c.candidates).toEqual(candidates);
      expect(c.rollByCategory).toEqual(rollCounts(roll));
      const rolls = docs<RollDoc>('voteRolls').filter((r) => r.campaignId === c._id);
      expect(rolls.map((r) => r.memberId)).toEqual(roll.map((r) => r.memberId));
      // one ballot per voter who voted; nobody unbound voted; close marked the rest
      expect(rolls.filter((r) => r.voted)).toHaveLength(ballotsOf(c).length);
      expect(rolls.every((r) => r.voted !== r.closed)).toBe(true);
      expect(rolls.filter((r) => r.voted).every((r) => members.find((m) => m._id === r.memberId)?.bound)).toBe(true);
    }
  });

  it('hold only ballots submit accepts (all of a voter’s colleagues rated, 优秀 within the cap), one of them void', () => {
    for (const c of campaigns) {
      for (const b of ballotsOf(c)) {
        // a ballot keeps no voter: whoever of the candidates it leaves out cast it (else someone not a candidate)
        const voter = c.candidates.find((x) => !(x.id in b.ratings))?.id ?? 'not-a-candidate';
        expect(ballotProblems(c, voter, b.ratings)).toEqual([]);
        expect(b.void).toBe(isVoid(c, b.ratings));
      }
    }
    expect(ballotsOf(campaigns[0] as CampaignDoc).filter((b) => b.void)).toHaveLength(1);
  });

  it('store the count that tallying the stored (sealed) ballots gives', () => {
    for (const c of campaigns) {
      const r = resultOf(c);
      if (!r) throw new Error(`${c.title} has no result`);
      const ballots = counted(ballotsOf(c));
      const validBy: Record<string, number> = {};
      for (const b of ballots) if (!isVoid(c, b.ratings)) validBy[b.category] = (validBy[b.category] ?? 0) + 1;
      const merge = mergeSmallCategories(c.categories, validBy, enoughBallots(c.rules.minGroupSize));
      expect(r.categories).toEqual(merge.categories);
      // sealed already: sealing again changes nothing, and nothing is left to rewrite
      expect(sealBallots(ballots, merge, c.rules.minGroupSize)).toEqual(ballots);
      expect(r.pendingSeal).toEqual([]);
      const spec = { ...c, categories: merge.categories };
      const turnout = c.categories.map((k) => ({ category: k.key, roll: c.rollByCategory[k.key] ?? 0, voted: 0 }));
      expect(r.tally).toEqual(tally(spec, ballots, turnout));
      expect(r.flags).toEqual(biasFlags(spec, ballots));
      expect(r.tally.belowTurnoutFloor).toBe(false);
    }
  });

  it('flag one cadre for 调整 and one or two more for 诫勉, not many', () => {
    const rows = resultOf(campaigns[0] as CampaignDoc)?.tally.candidates ?? [];
    expect(rows.filter((x) => x.adjust).length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((x) => x.admonish && !x.adjust).length).toBeGreaterThanOrEqual(1);
    expect(rows.filter((x) => x.admonish).length).toBeLessThanOrEqual(4);
  });
});

describe('building the park', () => {
  it('is the same every time and reads neither the clock nor Math.random', () => {
    const random = jest.spyOn(Math, 'random');
    const clock = jest.spyOn(Date, 'now');
    const again = demoPark(NOW);
    expect(random).not.toHaveBeenCalled();
    expect(clock).not.toHaveBeenCalled();
    random.mockRestore();
    clock.mockRestore();
    expect(JSON.stringify(again)).toBe(JSON.stringify(park));
  });
});

describe('through the local cloud: last year’s annual results have real content', () => {
  let t: TestCloud;
  let admin: string;
  const YEAR = inPark(Date.now()).year() - 1;

  beforeAll(async () => {
    t = await startTestCloud();
    admin = await t.as('M002');
  });
  afterAll(() => t.stop());

  it('shows the admin last year’s 干部互评 and its results', async () => {
    const [c] = (await t.cloud.store.find('voteCampaigns', { year: YEAR, kind: 'peer' })) as CampaignDoc[];
    if (!c) throw new Error('no 干部互评 of last year');
    expect(data(await t.call(admin, 'votes', 'get', { campaignId: c._id }))).toMatchObject({ id: c._id, status: 'closed', year: YEAR });
    const r = data(await t.call(admin, 'votes', 'results', { campaignId: c._id }));
    expect(r.withheld).toBe(false);
    expect(r.candidates).toHaveLength(c.candidates.length);
    expect(r.candidates.some((x) => x.adjust)).toBe(true);
  });

  it('computes the year from its four closed quarters and its democratic evaluation: every cadre ranked, vetoes applied', async () => {
    // as npm start does on first start
    await computeLastYear(t.cloud.url, Date.now());
    const y = data(await t.call(admin, 'annual', 'status', { year: YEAR }));
    expect(y).toMatchObject({ status: 'draft', computed: true, quarters: [1, 2, 3, 4].map((n) => `${YEAR}Q${n}`), assessed: cadres.length });
    const r = data(await t.call(admin, 'annual', 'ranking', { year: YEAR }));
    expect(r.cadres.map((x) => x.memberId).sort()).toEqual(cadres.map((m) => m._id));
    const e = data(await t.call(admin, 'annual', 'explain', { year: YEAR, memberId: r.cadres[0]?.memberId }));
    expect(e.sources.find((s) => s.key === 'indicators')?.records.map((x) => x.ref)).toEqual(y.quarters);
    expect(e.sources.find((s) => s.key === 'democratic')?.value).toEqual(expect.any(Number));
    // the charts have a full year: four quarters against the park's mean, 德能勤绩廉 against everyone's
    expect(e.trend.map((p) => p.periodId)).toEqual(y.quarters);
    expect(e.profile.map((a) => a.label)).toEqual(['德', '能', '勤', '绩', '廉']);
    expect(r.sections.every((s) => s.trend.length === 4)).toBe(true);
    // and last year's satisfaction campaign: sections and cadres with enough raters have their 企业评价
    expect(r.sections.filter((s) => s.enterprise !== null).length).toBeGreaterThan(r.sections.length / 2);
    const explained = await Promise.all(r.cadres.slice(0, 20).map((c) => t.call(admin, 'annual', 'explain', { year: YEAR, memberId: c.memberId })));
    expect(explained.map(data).filter((x) => x.sources.find((s) => s.key === 'enterprise')?.value !== null).length).toBeGreaterThan(0);
    // the one the 干部互评 flags for 调整, ordinary by the numbers, is capped at 基本称职 and told why
    const [c] = (await t.cloud.store.find('voteCampaigns', { year: YEAR, kind: 'peer' })) as CampaignDoc[];
    const [peer] = (await t.cloud.store.find('voteResults', { _id: c?._id })) as ResultDoc[];
    const flagged = peer?.tally.candidates.find((x) => x.adjust);
    const f = data(await t.call(admin, 'annual', 'explain', { year: YEAR, memberId: flagged?.id }));
    expect(f.total).toBeGreaterThanOrEqual(70);
    expect(f.proposed).toBe('basic');
    expect(f.reasons).toContain('民主测评达到调整情形，最高评为基本称职');
  });
});

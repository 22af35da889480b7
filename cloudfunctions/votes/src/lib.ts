/** What several of the votes actions share. */
import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { type Ctx } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import type { SectionDoc } from '../../../shared/park/park';
import { closeSteps, closedAt, phase, type BallotDoc, type CampaignDoc, type RollDoc } from '../../../shared/votes/campaign';
import type { CampaignView, ResultsView } from '../../../shared/votes/contract';
import { biasFlags, type Flags } from '../../../shared/votes/flags';
import { tally, type CountedBallot, type TallyResult } from '../../../shared/votes/tally';
import { isVoid } from '../../../shared/votes/ballot';
import type { VoterCategory } from '../../../shared/votes/config';
import { enoughBallots, mergeSmallCategories, sealBallots } from '../../../shared/votes/secrecy';

/** Ballots are large (a value per candidate and dimension): read them a few dozen at a time. */
export const BALLOT_PAGE_SIZE = 50;

/** `voteResults/{campaignId}`: the count, made once at the close. */
export interface ResultDoc {
  _id: string;
  tally: TallyResult;
  flags: Flags;
  /** The categories as counted (small ones merged: shared/votes/secrecy.ts); absent in counts made before. */
  categories?: VoterCategory[];
  /** Ballots still to be rewritten as sealed (category merged, small-group section dropped); empty once done. */
  pendingSeal?: { receipt: string; category: string; voterSectionId: string | null }[];
}

// Open campaigns do not change (settings are fixed once open), so a warm instance keeps them.
export const openCache = new Map<string, CampaignDoc>();

export async function loadCampaign(db: Database, id: string, useCache = false): Promise<CampaignDoc> {
  const cached = useCache ? openCache.get(id) : undefined;
  if (cached) return cached;
  const c = (await db.collection<CampaignDoc>(COLL.voteCampaigns).doc(id).get()).data;
  if (!c) throw new AppError('NOT_FOUND', '测评不存在或已被删除');
  if (c.status === 'open') {
    if (openCache.size > 50) openCache.clear();
    openCache.set(id, c);
  }
  return c;
}

export async function sectionNames(db: Database): Promise<Map<string, string>> {
  const res = await db.collection<SectionDoc>(COLL.sections).limit(1000).get();
  return new Map(res.data.map((s) => [s._id, s.name]));
}

export function view(c: CampaignDoc, names: Map<string, string>, now: number): CampaignView {
  return {
    id: c._id,
    title: c.title,
    kind: c.kind,
    year: c.year,
    status: phase(c, now),
    opensAt: c.opensAt,
    closesAt: c.closesAt,
    candidates: c.candidates.map((x) => ({ id: x.id, name: x.name, sectionName: x.sectionId ? (names.get(x.sectionId) ?? null) : null })),
    dimensions: c.dimensions,
    categories: c.categories,
    scale: c.scale,
    rules: c.rules,
    rollSize: Object.values(c.rollByCategory).reduce((s, n) => s + n, 0),
  };
}

export async function loadBallots(db: Database, campaignId: string): Promise<CountedBallot[]> {
  const out: CountedBallot[] = [];
  for (let skip = 0; ; skip += BALLOT_PAGE_SIZE) {
    const page = await db
      .collection<BallotDoc>(COLL.voteBallots)
      .where({ campaignId })
      .orderBy('_id', 'asc')
      .skip(skip)
      .limit(BALLOT_PAGE_SIZE)
      .get();
    out.push(...page.data.map((b) => ({ receipt: b._id, category: b.category, voterSectionId: b.voterSectionId, ratings: b.ratings })));
    if (page.data.length < BALLOT_PAGE_SIZE) return out;
  }
}

/**
 * Count once: merge small categories and drop small groups' sections (shared/votes/secrecy.ts), tally the sealed
 * ballots, and store the result with the list of ballots to rewrite as sealed. The result is added, not set: when
 * two closers race, the one whose add lands wins and the other reads it (a loser may have read ballots that the
 * winner was already rewriting).
 */
async function count(db: Database, c: CampaignDoc): Promise<ResultDoc> {
  const ballots = await loadBallots(db, c._id);
  const validBy: Record<string, number> = {};
  for (const b of ballots) if (!isVoid(c, b.ratings)) validBy[b.category] = (validBy[b.category] ?? 0) + 1;
  const merge = mergeSmallCategories(c.categories, validBy, enoughBallots(c.rules.minGroupSize));
  const sealed = sealBallots(ballots, merge, c.rules.minGroupSize);
  const spec = { ...c, categories: merge.categories };
  const turnout = c.categories.map((k) => ({ category: k.key, roll: c.rollByCategory[k.key] ?? 0, voted: 0 }));
  const pendingSeal = sealed
    .filter((b, i) => b.category !== ballots[i]?.category || b.voterSectionId !== ballots[i]?.voterSectionId)
    .map((b) => ({ receipt: b.receipt, category: b.category, voterSectionId: b.voterSectionId }));
  const doc: ResultDoc = {
    _id: c._id,
    tally: tally(spec, sealed, turnout),
    flags: biasFlags(spec, sealed),
    categories: merge.categories,
    pendingSeal,
  };
  try {
    await db.collection<ResultDoc>(COLL.voteResults).add({ data: doc });
    return doc;
  } catch (e) {
    const winner = (await db.collection<ResultDoc>(COLL.voteResults).doc(c._id).get()).data;
    if (!winner) throw e;
    return winner;
  }
}

/** Rewrite the ballots the count sealed, then mark the result sealed: resumable, each write idempotent. */
async function seal(db: Database, r: ResultDoc): Promise<void> {
  const pending = r.pendingSeal ?? [];
  for (let i = 0; i < pending.length; i += 10) {
    await Promise.all(
      pending.slice(i, i + 10).map((b) =>
        db
          .collection<BallotDoc>(COLL.voteBallots)
          .doc(b.receipt)
          .update({ data: { category: b.category, voterSectionId: b.voterSectionId } }),
      ),
    );
  }
  await db
    .collection<ResultDoc>(COLL.voteResults)
    .doc(r._id)
    .update({ data: { pendingSeal: db.command.set([]) } });
  r.pendingSeal = [];
}

/** The campaign marked closed (a close by time gets its closing time), then every unvoted roll entry. */
async function closeRoll(db: Database, c: CampaignDoc, now: number): Promise<void> {
  const campaign = db.collection<CampaignDoc>(COLL.voteCampaigns).doc(c._id);
  if (c.status !== 'closed' || c.closedAt === null) await campaign.update({ data: { status: 'closed', closedAt: closedAt(c, now) ?? now } });
  await db
    .collection<RollDoc>(COLL.voteRolls)
    .where({ campaignId: c._id, voted: false, closed: false })
    .update({ data: { closed: true } });
  await campaign.update({ data: { rollClosed: true } });
}

/**
 * Finish a closed campaign's close (shared/votes/campaign.ts `closeSteps`): roll closed, counted, ballots sealed.
 * Nothing to do for a campaign still open or already sealed. Returns the stored result, if any.
 */
export async function finishClose(db: Database, c: CampaignDoc, now: number): Promise<ResultDoc | null> {
  if (phase(c, now) !== 'closed' || c.sealed === true) return null;
  let result = (await db.collection<ResultDoc>(COLL.voteResults).doc(c._id).get()).data;
  for (const step of closeSteps(c, result, now)) {
    if (step === 'closeRoll') await closeRoll(db, c, now);
    else if (step === 'count') result = await count(db, c);
    else if (step === 'seal' && result) await seal(db, result);
    else if (step === 'markSealed')
      await db
        .collection<CampaignDoc>(COLL.voteCampaigns)
        .doc(c._id)
        .update({ data: { sealed: true } });
  }
  openCache.delete(c._id);
  return result;
}

export async function countResults(ctx: Ctx, c: CampaignDoc): Promise<ResultsView> {
  if (phase(c, ctx.now) !== 'closed') throw new AppError('NOT_READY', '测评结束后才能查看结果');
  const names = await sectionNames(ctx.db);
  // sealed at the close (the close action, or the timer); a close cut short is finished here
  const stored =
    c.sealed === true ? (await ctx.db.collection<ResultDoc>(COLL.voteResults).doc(c._id).get()).data : await finishClose(ctx.db, c, ctx.now);
  if (!stored) throw new AppError('NOT_READY', '正在计票，请稍后刷新');
  const sectionName = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const { tally: t } = stored;
  const withheld = t.valid < enoughBallots(c.rules.minGroupSize);
  const flags = withheld ? { leniency: [], identical: [], blocs: [] } : stored.flags;
  return {
    withheld,
    campaign: view(c, names, ctx.now),
    countedCategories: stored.categories ?? c.categories,
    ballots: t.ballots,
    valid: t.valid,
    void: t.void,
    roll: t.roll,
    turnout: t.turnout,
    belowTurnoutFloor: t.belowTurnoutFloor,
    candidates: (withheld ? [] : t.candidates).map((x) => ({
      id: x.id,
      name: x.name,
      sectionName: sectionName(x.sectionId),
      rank: x.rank,
      overall: x.overall,
      dimensions: x.dimensions,
      grades: x.grades,
      shareExcellentCompetent: x.shareExcellentCompetent,
      shareIncompetent: x.shareIncompetent,
      admonish: x.admonish,
      adjust: x.adjust,
      byCategory: x.byCategory,
    })),
    flags: { ...flags, blocs: flags.blocs.map((b) => ({ ...b, sectionName: sectionName(b.sectionId) })) },
  };
}

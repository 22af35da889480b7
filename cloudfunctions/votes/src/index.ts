/**
 * votes: the year-end democratic evaluation (民主测评) — 班子测评 and 干部互评, secret, one ballot per voter.
 *
 * Casting a ballot costs four database operations on a warm instance (binding, roll entry, ballot, roll update;
 * the open campaign's settings are cached, being immutable once open) inside one transaction, so that a ballot and
 * the "has voted" mark are written together or not at all, and a second ballot by the same voter conflicts on the
 * roll entry and is refused.
 */
import { randomBytes } from 'crypto';
import type { Database } from '../../../server/cloud';
import { COLL } from '../../../server/collections';
import { tempUrls } from '../../../server/lookup';
import { defineFunction, type Ctx } from '../../../server/router';
import { withTransaction } from '../../../server/tx';
import { AppError } from '../../../shared/common/errors';
import type { MemberDoc } from '../../../shared/members/member';
import type { SectionDoc } from '../../../shared/park/park';
import { ballotProblems, candidatesFor, excellentCap, isVoid, problemMessage } from '../../../shared/votes/ballot';
import {
    RESULTS_SETTLE_MS,
    closedAt,
    groupOf,
    makeReceipt,
    phase,
    rollCounts,
    rollId,
    rosterFor,
    type BallotDoc,
    type CampaignDoc,
    type RollDoc,
} from '../../../shared/votes/campaign';
import {
    DEFAULT_CATEGORIES,
    DEFAULT_DIMENSIONS,
    DEFAULT_GRADE_POINTS,
    DEFAULT_RULES,
} from '../../../shared/votes/config';
import type { CampaignView, ResultsView } from '../../../shared/votes/contract';
import { biasFlags, type Flags } from '../../../shared/votes/flags';
import { tally, type CountedBallot, type TallyResult } from '../../../shared/votes/tally';

export const BALLOT_PAGE = 'vote/ballot/index';
/** Ballots are large (a value per candidate and dimension): read them a few dozen at a time. */
const BALLOT_PAGE_SIZE = 50;

/** `voteResults/{campaignId}`: the count, made once after close. */
interface ResultDoc {
  _id: string;
  tally: TallyResult;
  flags: Flags;
}

// Open campaigns do not change (settings are fixed once open), so a warm instance keeps them.
const openCache = new Map<string, CampaignDoc>();

async function loadCampaign(db: Database, id: string, useCache = false): Promise<CampaignDoc> {
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

async function sectionNames(db: Database): Promise<Map<string, string>> {
  const res = await db.collection<SectionDoc>(COLL.sections).limit(1000).get();
  return new Map(res.data.map((s) => [s._id, s.name]));
}

function view(c: CampaignDoc, names: Map<string, string>, now: number): CampaignView {
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

async function allActiveMembers(db: Database): Promise<MemberDoc[]> {
  const out: MemberDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await db.collection<MemberDoc>(COLL.members).where({ active: true }).skip(skip).limit(1000).get();
    out.push(...page.data);
    if (page.data.length < 1000) return out;
  }
}

async function loadBallots(db: Database, campaignId: string): Promise<CountedBallot[]> {
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

/** Run several writes a few at a time (the basic plan allows about 20 database connections). */
async function inBatches<T>(items: T[], size: number, write: (x: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(write));
}

async function results(ctx: Ctx, c: CampaignDoc): Promise<ResultsView> {
  const since = closedAt(c, ctx.now);
  if (since === null) throw new AppError('NOT_READY', '测评结束后才能查看结果');
  const names = await sectionNames(ctx.db);
  let stored = (await ctx.db.collection<ResultDoc>(COLL.voteResults).doc(c._id).get()).data;
  if (!stored) {
    if (ctx.now < since + RESULTS_SETTLE_MS) throw new AppError('NOT_READY', '正在计票，请稍后刷新');
    const ballots = await loadBallots(ctx.db, c._id);
    const turnout = c.categories.map((k) => ({ category: k.key, roll: c.rollByCategory[k.key] ?? 0, voted: 0 }));
    stored = { _id: c._id, tally: tally(c, ballots, turnout), flags: biasFlags(c, ballots) };
    // Counting is deterministic, so two first readers racing write the same document.
    const { _id: _ignored, ...body } = stored;
    await ctx.db.collection<ResultDoc>(COLL.voteResults).doc(c._id).set({ data: body });
  }
  const sectionName = (id: string | null) => (id ? (names.get(id) ?? null) : null);
  const { tally: t } = stored;
  const withheld = t.valid < c.rules.minGroupSize;
  const flags = withheld ? { leniency: [], identical: [], blocs: [] } : stored.flags;
  return {
    withheld,
    campaign: view(c, names, ctx.now),
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

export const main = defineFunction('votes', {
  list: {
    access: 'bound',
    run: async (_input, ctx) => {
      const me = await ctx.member();
      const [rolls, campaigns] = await Promise.all([
        ctx.db.collection<RollDoc>(COLL.voteRolls).where({ memberId: me._id }).limit(100).get(),
        ctx.db.collection<CampaignDoc>(COLL.voteCampaigns).orderBy('createdAt', 'desc').limit(50).get(),
      ]);
      const mine = new Map(rolls.data.map((r) => [r.campaignId, r]));
      const seesAll = me.roles.includes('leader') || me.roles.includes('admin');
      return campaigns.data
        .filter((c) => c.ready && (seesAll || mine.has(c._id)))
        .map((c) => ({
          id: c._id,
          title: c.title,
          kind: c.kind,
          year: c.year,
          status: phase(c, ctx.now),
          onRoll: mine.has(c._id),
          voted: mine.get(c._id)?.voted ?? false,
        }));
    },
  },

  get: {
    access: 'bound',
    run: async ({ campaignId }, ctx) => {
      const me = await ctx.member();
      const c = await loadCampaign(ctx.db, campaignId);
      if (!me.roles.some((r) => r === 'admin' || r === 'leader')) {
        const roll = await ctx.db.collection<RollDoc>(COLL.voteRolls).doc(rollId(campaignId, me._id)).get();
        if (!roll.data) throw new AppError('FORBIDDEN', '您不在本次测评的投票人名单中');
      }
      return view(c, await sectionNames(ctx.db), ctx.now);
    },
  },

  create: {
    access: ['admin'],
    run: async (input, ctx) => {
      const admin = await ctx.member();
      const rules = { ...DEFAULT_RULES, ...input.rules, gradeCutoffs: { ...DEFAULT_RULES.gradeCutoffs, ...input.rules?.gradeCutoffs } };
      const { candidates, roll } = rosterFor(input.kind, await allActiveMembers(ctx.db));
      if (candidates.length === 0) throw new AppError('CONFLICT', '没有可测评的对象');
      if (roll.length === 0) throw new AppError('CONFLICT', '没有可投票的人员');
      const categories = input.categories ?? DEFAULT_CATEGORIES.filter((k) => roll.some((r) => r.category === k.key));
      const known = new Set(categories.map((k) => k.key));
      if (roll.some((r) => !known.has(r.category))) throw new AppError('INVALID_INPUT', '投票人类别须包含班子成员、股室负责人和干部');
      const id = `V${input.year}${makeReceipt(randomBytes(12)).replace(/-/g, '').slice(0, 8)}`;
      const campaign: CampaignDoc = {
        _id: id,
        title: input.title,
        kind: input.kind,
        year: input.year,
        status: 'draft',
        opensAt: input.opensAt,
        closesAt: input.closesAt,
        closedAt: null,
        ready: false,
        candidates,
        categories,
        dimensions: input.dimensions ?? DEFAULT_DIMENSIONS,
        scale: input.scale ?? { type: 'grades', points: DEFAULT_GRADE_POINTS },
        rules,
        rollByCategory: rollCounts(roll),
        createdBy: admin._id,
        createdAt: ctx.now,
      };
      // The campaign is written first and marked ready only after its whole roll: a campaign left half set up by
      // a failure never opens.
      await ctx.db.collection<CampaignDoc>(COLL.voteCampaigns).add({ data: campaign });
      const groups = groupOf(roll, rules.minGroupSize);
      await inBatches(roll, 10, (r) =>
        ctx.db.collection<RollDoc>(COLL.voteRolls).add({
          data: {
            _id: rollId(id, r.memberId),
            campaignId: id,
            memberId: r.memberId,
            category: r.category,
            group: groups.get(r.memberId) ?? null,
            voted: false,
            closed: false,
          },
        }),
      );
      await ctx.db.collection<CampaignDoc>(COLL.voteCampaigns).doc(id).update({ data: { ready: true } });
      return view({ ...campaign, ready: true }, await sectionNames(ctx.db), ctx.now);
    },
  },

  open: {
    access: ['admin'],
    run: async ({ campaignId }, ctx) => {
      const c = await loadCampaign(ctx.db, campaignId);
      if (!c.ready) throw new AppError('CONFLICT', '投票人名单尚未生成完整，请重新创建该测评');
      const now = phase(c, ctx.now);
      if (now === 'closed') throw new AppError('CLOSED', '测评已结束，不能重新开启');
      if (now === 'draft') await ctx.db.collection<CampaignDoc>(COLL.voteCampaigns).doc(campaignId).update({ data: { status: 'open' } });
      return view({ ...c, status: 'open' }, await sectionNames(ctx.db), ctx.now);
    },
  },

  close: {
    access: ['admin'],
    run: async ({ campaignId }, ctx) => {
      const c = await loadCampaign(ctx.db, campaignId);
      if (phase(c, ctx.now) === 'draft') throw new AppError('CONFLICT', '测评尚未开始');
      const at = c.closedAt ?? ctx.now;
      if (c.status !== 'closed') {
        await ctx.db.collection<CampaignDoc>(COLL.voteCampaigns).doc(campaignId).update({ data: { status: 'closed', closedAt: at } });
        // Every unvoted roll entry learns of the close: a ballot transaction that read it before conflicts on it and,
        // retried, sees it closed.
        await ctx.db.collection<RollDoc>(COLL.voteRolls).where({ campaignId, voted: false }).update({ data: { closed: true } });
      }
      openCache.delete(campaignId);
      return view({ ...c, status: 'closed', closedAt: at }, await sectionNames(ctx.db), ctx.now);
    },
  },

  qrcode: {
    access: ['admin'],
    run: async ({ campaignId }, ctx) => {
      await loadCampaign(ctx.db, campaignId);
      const scene = `c=${campaignId}`;
      const qr = await ctx.cloud.openapi.wxacode.getUnlimited({ scene, page: BALLOT_PAGE, width: 600, checkPath: false });
      const { fileID } = await ctx.cloud.uploadFile({ cloudPath: `votes/${campaignId}.png`, fileContent: qr.buffer });
      return { page: BALLOT_PAGE, scene, qrUrl: (await tempUrls(ctx.cloud, [fileID])).get(fileID) ?? '' };
    },
  },

  ballot: {
    access: 'bound',
    run: async ({ campaignId }, ctx) => {
      const memberId = await ctx.memberId();
      const [c, roll] = await Promise.all([
        loadCampaign(ctx.db, campaignId),
        ctx.db.collection<RollDoc>(COLL.voteRolls).doc(rollId(campaignId, memberId)).get(),
      ]);
      if (!roll.data) throw new AppError('FORBIDDEN', '您不在本次测评的投票人名单中');
      const status = phase(c, ctx.now);
      if (status === 'draft') throw new AppError('NOT_READY', '测评尚未开始，请等待组织员开启');
      const category = c.categories.find((k) => k.key === roll.data?.category);
      return {
        campaign: view(c, await sectionNames(ctx.db), ctx.now),
        category: roll.data.category,
        categoryLabel: category?.label ?? roll.data.category,
        candidateIds: candidatesFor(c, memberId),
        excellentCap: excellentCap(c, memberId),
        voted: roll.data.voted,
      };
    },
  },

  submit: {
    access: 'anyone',
    run: async ({ campaignId, ratings }, ctx) => {
      const memberId = await ctx.memberId();
      const c = await loadCampaign(ctx.db, campaignId, true);
      if (phase(c, ctx.now) !== 'open') throw new AppError('CLOSED', '测评未开始或已结束，不能提交');
      const problems = ballotProblems(c, memberId, ratings);
      if (problems.length > 0) {
        const names = new Map(c.candidates.map((x) => [x.id, x.name]));
        const messages = problems.map((p) => problemMessage(p, (id) => names.get(id) ?? id));
        throw new AppError('INVALID_INPUT', messages[0], messages.map((message) => ({ path: 'ratings', message })));
      }
      const receipt = makeReceipt(randomBytes(12));
      await withTransaction(ctx.db, async (tx) => {
        const ref = tx.collection<RollDoc>(COLL.voteRolls).doc(rollId(campaignId, memberId));
        const roll = (await ref.get()).data;
        if (!roll) throw new AppError('FORBIDDEN', '您不在本次测评的投票人名单中');
        if (roll.voted) throw new AppError('CONFLICT', '您已提交过本次测评，每人只能提交一次');
        if (roll.closed) throw new AppError('CLOSED', '测评已结束，不能提交');
        await tx.collection<BallotDoc>(COLL.voteBallots).add({
          data: {
            _id: receipt,
            campaignId,
            category: roll.category,
            voterSectionId: roll.group,
            ratings,
            void: isVoid(c, ratings),
          },
        });
        await ref.update({ data: { voted: true } });
      });
      return { receipt };
    },
  },

  turnout: {
    access: ['admin'],
    run: async ({ campaignId }, ctx) => {
      const c = await loadCampaign(ctx.db, campaignId);
      const byCategory = await Promise.all(
        c.categories.map(async (k) => ({
          category: k.key,
          label: k.label,
          roll: c.rollByCategory[k.key] ?? 0,
          voted: (await ctx.db.collection<RollDoc>(COLL.voteRolls).where({ campaignId, category: k.key, voted: true }).count()).total,
        })),
      );
      return {
        status: phase(c, ctx.now),
        roll: byCategory.reduce((s, k) => s + k.roll, 0),
        voted: byCategory.reduce((s, k) => s + k.voted, 0),
        byCategory,
      };
    },
  },

  results: {
    access: ['leader', 'admin'],
    run: async ({ campaignId }, ctx) => results(ctx, await loadCampaign(ctx.db, campaignId)),
  },

  checkReceipt: {
    access: 'bound',
    run: async ({ campaignId, receipt }, ctx) => {
      const c = await loadCampaign(ctx.db, campaignId);
      if (closedAt(c, ctx.now) === null) throw new AppError('NOT_READY', '测评结束后才能核对回执');
      const [ballot, total] = await Promise.all([
        ctx.db.collection<BallotDoc>(COLL.voteBallots).doc(receipt).get(),
        ctx.db.collection<BallotDoc>(COLL.voteBallots).where({ campaignId }).count(),
      ]);
      if (!ballot.data || ballot.data.campaignId !== campaignId) throw new AppError('NOT_FOUND', '未找到该回执码，请核对后重试');
      return { counted: true, receipts: total.total };
    },
  },
});

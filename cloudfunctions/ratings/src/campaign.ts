/** The admin's side of a satisfaction campaign: create (seed committed), draw (sample, codes, seed revealed), close. */
import { storeMpCode } from '../../../server/common/mpcode';
import { randomBytes } from 'crypto';
import { isDuplicateKey } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { LINK_SECONDS, tempUrls } from '../../../server/common/files';
import { paced } from '../../../server/common/paced';
import { allPages } from '../../../server/common/pages';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { seedFingerprint } from '../../../shared/assessment/draw';
import { AppError } from '../../../shared/common/errors';
import { dayjs, parkInstant } from '../../../shared/common/time';
import { isActive, type EnterpriseDoc } from '../../../shared/park/park';
import type { ProjectDoc } from '../../../shared/projects/project';
import { makeCode, sceneOf, type RatingCodeDoc } from '../../../shared/ratings/rating';
import { drawSample, sampledIds, strataOf } from '../../../shared/ratings/sample';
import { campaignView, enterpriseNames, loadCampaign, type RatingCampaignDoc, type RatingSeedDoc } from './lib';

export const RATE_PAGE = 'ratings/rate/index';
/** Codes a page of the printable sheet: each one a mini-program code rendered by the platform, inside the 20 s timeout. */
export const CODES_PER_PAGE = 10;

export const create: Handler<'ratings', 'create'> = async ({ title, year, share, closesOn }, ctx) => {
  const me = await ctx.member();
  const closesAt = parkInstant(dayjs(closesOn, 'YYYY-MM-DD').add(1, 'day').format('YYYY-MM-DD')) - 1;
  if (closesAt <= ctx.now) throw new AppError('INVALID_INPUT', '截止日期应晚于今天', [{ path: 'closesOn', message: '截止日期应晚于今天' }]);
  const seed = randomBytes(32).toString('hex');
  const doc: Omit<RatingCampaignDoc, '_id'> = {
    title,
    year,
    share,
    status: 'draft',
    closesAt,
    seedHash: seedFingerprint(seed),
    seed: null,
    strata: [],
    census: [],
    sample: null,
    createdBy: me._id,
    createdAt: ctx.now,
  };
  const id = `RC${ctx.now.toString(36)}${randomBytes(3).toString('hex')}`;
  await withTransaction(ctx.db, async (tx) => {
    await tx.collection<RatingCampaignDoc>(COLL.ratingCampaigns).add({ data: { _id: id, ...doc } });
    await tx.collection<RatingSeedDoc>(COLL.ratingSeeds).add({ data: { _id: id, seed } });
  });
  return campaignView(ctx.db, { _id: id, ...doc }, ctx.now);
};

/**
 * Draw the sample from the committed seed and publish it with the seed, then issue every sampled enterprise its
 * one-time code (`ratingCodes/{campaign}_{enterprise}`: added, never overwritten, so a draw resumed after a failure
 * keeps the codes already issued and printed).
 */
export const draw: Handler<'ratings', 'draw'> = async ({ campaignId }, ctx) => {
  const first = await loadCampaign(ctx.db, campaignId);
  if (first.status === 'closed') throw new AppError('CLOSED', '评价活动已结束');
  if (first.status === 'draft') {
    const [enterprises, projects] = await Promise.all([
      allPages<EnterpriseDoc>((skip, limit) =>
        ctx.db.collection<EnterpriseDoc>(COLL.enterprises).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
      ),
      allPages<ProjectDoc>((skip, limit) => ctx.db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    ]);
    const { strata, census } = strataOf(
      enterprises,
      projects.filter(isActive).map((p) => p.enterpriseId),
    );
    await withTransaction(ctx.db, async (tx) => {
      const ref = tx.collection<RatingCampaignDoc>(COLL.ratingCampaigns).doc(campaignId);
      const c = (await ref.get()).data;
      if (!c || c.status !== 'draft') return;
      const seedRef = tx.collection<RatingSeedDoc>(COLL.ratingSeeds).doc(campaignId);
      const secret = (await seedRef.get()).data;
      if (!secret) throw new AppError('INTERNAL', '评价活动的种子丢失');
      const sample = drawSample(secret.seed, campaignId, strata, census, c.share);
      await ref.update({
        data: {
          status: 'open',
          seed: secret.seed,
          strata: ctx.db.command.set(strata),
          census: ctx.db.command.set(census),
          sample: ctx.db.command.set(sample),
        },
      });
      await seedRef.remove();
    });
  }
  const c = await loadCampaign(ctx.db, campaignId);
  const ids = c.sample ? sampledIds(c.sample) : [];
  await paced(ids, async (enterpriseId) => {
    const code: RatingCodeDoc & { code: string } = {
      _id: `${campaignId}_${enterpriseId}`,
      campaignId,
      enterpriseId,
      code: makeCode(randomBytes(12)),
      used: false,
    };
    try {
      await ctx.db.collection<typeof code>(COLL.ratingCodes).add({ data: code });
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  });
  return campaignView(ctx.db, c, ctx.now);
};

export const close: Handler<'ratings', 'close'> = async ({ campaignId }, ctx) => {
  const c = await loadCampaign(ctx.db, campaignId);
  if (c.status === 'draft') throw new AppError('CONFLICT', '尚未抽样，不能结束');
  if (c.status !== 'closed') {
    await ctx.db
      .collection<RatingCampaignDoc>(COLL.ratingCampaigns)
      .doc(campaignId)
      .update({ data: { status: 'closed', closesAt: Math.min(c.closesAt, ctx.now) } });
  }
  return campaignView(ctx.db, { ...c, status: 'closed', closesAt: Math.min(c.closesAt, ctx.now) }, ctx.now);
};

export const list: Handler<'ratings', 'list'> = async (_input, ctx) => {
  const res = await ctx.db.collection<RatingCampaignDoc>(COLL.ratingCampaigns).orderBy('createdAt', 'desc').limit(20).get();
  return Promise.all(res.data.map((c) => campaignView(ctx.db, c, ctx.now)));
};

export const get: Handler<'ratings', 'get'> = async ({ campaignId }, ctx) => campaignView(ctx.db, await loadCampaign(ctx.db, campaignId), ctx.now);

/** The printable sheet, a page at a time: names, codes and each code's mini-program code. */
export const codes: Handler<'ratings', 'codes'> = async ({ campaignId, cursor = 0 }, ctx) => {
  const c = await loadCampaign(ctx.db, campaignId);
  if (c.status === 'draft') throw new AppError('NOT_READY', '请先抽样');
  const res = await ctx.db
    .collection<RatingCodeDoc & { code: string }>(COLL.ratingCodes)
    .where({ campaignId })
    .orderBy('_id', 'asc')
    .skip(cursor)
    .limit(CODES_PER_PAGE)
    .get();
  const names = await enterpriseNames(
    ctx.db,
    res.data.map((x) => x.enterpriseId),
  );
  const files = await Promise.all(
    res.data.map(async (x) => {
      return storeMpCode(ctx.cloud, { scene: sceneOf(x.code), page: RATE_PAGE, width: 280, cloudPath: `ratings/${campaignId}/${x.code}.png` });
    }),
  );
  const urls = await tempUrls(ctx.cloud, files, LINK_SECONDS.code);
  return {
    items: res.data.map((x, i) => ({
      enterpriseName: names.get(x.enterpriseId) ?? x.enterpriseId,
      code: x.code,
      scene: sceneOf(x.code),
      qrUrl: urls.get(files[i] ?? '') ?? '',
    })),
    nextCursor: res.data.length === CODES_PER_PAGE ? cursor + CODES_PER_PAGE : null,
  };
};

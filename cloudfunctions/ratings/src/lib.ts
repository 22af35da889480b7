/** What the ratings actions share: the campaign document, its view, the sample's names. */
import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { AppError } from '../../../shared/common/errors';
import type { RatingCampaignView } from '../../../shared/ratings/contract';
import { sampledIds, type Sample, type Stratum } from '../../../shared/ratings/sample';
import type { EnterpriseDoc } from '../../../shared/park/park';

/** `ratingCampaigns/{id}`. The seed lives apart (`ratingSeeds/{id}`) until the draw publishes it here. */
export interface RatingCampaignDoc {
  _id: string;
  title: string;
  year: number;
  share: number;
  status: 'draft' | 'open' | 'closed';
  closesAt: number;
  seedHash: string;
  seed: string | null;
  strata: Stratum[];
  census: string[];
  sample: Sample | null;
  createdBy: string;
  createdAt: number;
}

/** `ratingSeeds/{campaignId}`: the secret seed, before the draw. */
export interface RatingSeedDoc {
  _id: string;
  seed: string;
}

export async function loadCampaign(db: Database, id: string): Promise<RatingCampaignDoc> {
  const c = (await db.collection<RatingCampaignDoc>(COLL.ratingCampaigns).doc(id).get()).data;
  if (!c) throw new AppError('NOT_FOUND', '评价活动不存在');
  return c;
}

/** Open until its closing time or the admin's close. */
export const isOpen = (c: RatingCampaignDoc, now: number) => c.status === 'open' && now < c.closesAt;

export async function enterpriseNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  const _ = db.command;
  const out = new Map<string, string>();
  for (let i = 0; i < ids.length; i += 100) {
    const res = await db
      .collection<EnterpriseDoc>(COLL.enterprises)
      .where({ _id: _.in(ids.slice(i, i + 100)) })
      .limit(100)
      .get();
    for (const e of res.data) out.set(e._id, e.name);
  }
  return out;
}

/** The campaign's responses: its used codes (a submission is stored as separate answers, never counted whole). */
export async function usedCodes(db: Database, campaignId: string): Promise<number> {
  return (await db.collection(COLL.ratingCodes).where({ campaignId, used: true }).count()).total;
}

export async function campaignView(db: Database, c: RatingCampaignDoc, now: number): Promise<RatingCampaignView> {
  const ids = c.sample ? sampledIds(c.sample) : [];
  const [names, responses] = await Promise.all([enterpriseNames(db, ids), usedCodes(db, c._id)]);
  const picked = new Map((c.sample?.strata ?? []).map((s) => [s.key, s]));
  return {
    id: c._id,
    title: c.title,
    year: c.year,
    share: c.share,
    status: c.status === 'open' && now >= c.closesAt ? 'closed' : c.status,
    closesAt: c.closesAt,
    seedHash: c.seedHash,
    seed: c.seed,
    strata: c.sample
      ? c.strata.map((s) => ({
          key: s.key,
          size: s.ids.length,
          take: picked.get(s.key)?.take ?? 0,
          ids: s.ids,
          picked: picked.get(s.key)?.picked ?? [],
        }))
      : [],
    census: c.sample ? c.census : [],
    sampled: ids.map((id) => ({ id, name: names.get(id) ?? id })),
    responses,
  };
}

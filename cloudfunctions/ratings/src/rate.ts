/**
 * The enterprise's side: a scanned code opens the form; the submission flips the code and adds the rating in one
 * transaction (shared/ratings/rating.ts: what is kept, and what is not).
 */
import { randomBytes } from 'crypto';
import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { allPages } from '../../../server/common/pages';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import type { AppealDoc } from '../../../shared/appeals/appeal';
import { AppError } from '../../../shared/common/errors';
import { inPark } from '../../../shared/common/time';
import type { ReportDoc } from '../../../shared/dossier/dossier';
import type { MemberDoc } from '../../../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../../../shared/park/park';
import {
  RATING_DIMENSIONS,
  results as score,
  splitRating,
  submissionProblem,
  type RatingCodeDoc,
  type RatingDoc,
} from '../../../shared/ratings/rating';
import { sampledIds } from '../../../shared/ratings/sample';
import { campaignView, isOpen, loadCampaign, usedCodes, type RatingCampaignDoc } from './lib';

type CodeDoc = RatingCodeDoc & { code: string };

async function codeDoc(db: Database, code: string): Promise<CodeDoc> {
  const [found] = (await db.collection<CodeDoc>(COLL.ratingCodes).where({ code }).limit(1).get()).data;
  if (!found) throw new AppError('NOT_FOUND', '评价码无效，请核对后重新扫描');
  return found;
}

async function openCampaignOf(db: Database, c: CodeDoc, now: number): Promise<RatingCampaignDoc> {
  const campaign = await loadCampaign(db, c.campaignId);
  if (!isOpen(campaign, now)) throw new AppError('EXPIRED', '本次评价已结束，评价码已失效');
  if (c.used) throw new AppError('CONFLICT', '该评价码已使用（如您刚刚提交过，评价已经计入），每个评价码只能提交一次');
  return campaign;
}

/** The cadres who served the enterprise in the campaign's year: its appeals' assignees and its visitors. */
async function servedBy(db: Database, enterpriseId: string, year: number): Promise<MemberDoc[]> {
  const inYear = (t: number) => inPark(t).year() === year;
  const [appeals, visits] = await Promise.all([
    db.collection<AppealDoc>(COLL.appeals).where({ enterpriseId }).orderBy('filedAt', 'desc').limit(100).get(),
    db.collection<ReportDoc>(COLL.reports).where({ enterpriseId, kind: 'enterprise_visit' }).orderBy('date', 'desc').limit(100).get(),
  ]);
  const ids = new Set<string>();
  for (const a of appeals.data) if (a.assigneeId && inYear(a.filedAt)) ids.add(a.assigneeId);
  // a visit the enterprise said did not happen served nobody
  for (const r of visits.data) if (r.date.startsWith(`${year}-`) && r.confirmation !== 'denied') ids.add(r.memberId);
  if (ids.size === 0) return [];
  const _ = db.command;
  const res = await db
    .collection<MemberDoc>(COLL.members)
    .where({ _id: _.in([...ids].slice(0, 100)) })
    .limit(100)
    .get();
  return res.data.filter((m) => m.active).sort((a, b) => (a._id < b._id ? -1 : 1));
}

export const form: Handler<'ratings', 'form'> = async ({ code }, ctx) => {
  const c = await codeDoc(ctx.db, code);
  const campaign = await openCampaignOf(ctx.db, c, ctx.now);
  const [enterprise, cadres, sections] = await Promise.all([
    ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(c.enterpriseId).get(),
    servedBy(ctx.db, c.enterpriseId, campaign.year),
    ctx.db.collection<SectionDoc>(COLL.sections).limit(100).get(),
  ]);
  const sectionName = new Map(sections.data.map((s) => [s._id, s.name]));
  return {
    campaignTitle: campaign.title,
    enterpriseName: enterprise.data?.name ?? '',
    closesAt: campaign.closesAt,
    dimensions: RATING_DIMENSIONS.map((d) => ({ key: d.key, label: d.label })),
    cadres: cadres.map((m) => ({ id: m._id, name: m.name, sectionName: m.sectionId ? (sectionName.get(m.sectionId) ?? null) : null })),
  };
};

export const submit: Handler<'ratings', 'submit'> = async ({ code, dimensions, cadres }, ctx) => {
  const c = await codeDoc(ctx.db, code);
  const campaign = await openCampaignOf(ctx.db, c, ctx.now);
  const served = new Set((await servedBy(ctx.db, c.enterpriseId, campaign.year)).map((m) => m._id));
  const problem = submissionProblem(dimensions, cadres, served);
  if (problem) throw new AppError('INVALID_INPUT', problem, [{ path: 'cadres', message: problem }]);
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<CodeDoc>(COLL.ratingCodes).doc(c._id);
    const now = (await ref.get()).data;
    if (!now || now.used) throw new AppError('CONFLICT', '该评价码已使用（如您刚刚提交过，评价已经计入），每个评价码只能提交一次');
    await ref.update({ data: { used: true } });
    // each answer its own document under a random id: nothing ties one to another, the code, or a time
    for (const answer of splitRating(campaign._id, dimensions, cadres, () => randomBytes(16).toString('hex'))) {
      await tx.collection<RatingDoc>(COLL.ratings).add({ data: answer });
    }
  });
  return { counted: true as const };
};

export const results: Handler<'ratings', 'results'> = async ({ campaignId }, ctx) => {
  const c = await loadCampaign(ctx.db, campaignId);
  if (c.status !== 'closed' && ctx.now < c.closesAt) throw new AppError('NOT_READY', '评价结束后才能查看结果');
  const [ratings, members, sections, responses] = await Promise.all([
    allPages<RatingDoc>((skip, limit) =>
      ctx.db.collection<RatingDoc>(COLL.ratings).where({ campaignId }).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
    ),
    allPages<MemberDoc>((skip, limit) => ctx.db.collection<MemberDoc>(COLL.members).orderBy('_id', 'asc').skip(skip).limit(limit).get()),
    ctx.db.collection<SectionDoc>(COLL.sections).limit(100).get(),
    usedCodes(ctx.db, campaignId),
  ]);
  const member = new Map(members.map((m) => [m._id, m]));
  const sectionName = new Map(sections.data.map((s) => [s._id, s.name]));
  const out = score(ratings, (id) => member.get(id)?.sectionId ?? null, responses);
  return {
    campaign: await campaignView(ctx.db, c, ctx.now),
    responses: out.responses,
    sampleSize: c.sample ? sampledIds(c.sample).length : 0,
    satisfaction: out.satisfaction,
    dimensions: out.dimensions,
    cadres: out.cadres.map((r) => ({ ...r, name: member.get(r.id)?.name ?? r.id })),
    sections: out.sections.map((r) => ({ ...r, name: sectionName.get(r.id) ?? r.id })),
  };
};

import { randomBytes } from 'crypto';
import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { paced } from '../../../server/common/paced';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import type { MemberDoc } from '../../../shared/members/member';
import { groupOf, makeReceipt, rollCounts, rollId, rosterFor, type CampaignDoc, type RollDoc } from '../../../shared/votes/campaign';
import { DEFAULT_CATEGORIES, DEFAULT_DIMENSIONS, DEFAULT_GRADE_POINTS, DEFAULT_RULES } from '../../../shared/votes/config';
import { sectionNames, view } from './lib';

async function allActiveMembers(db: Database): Promise<MemberDoc[]> {
  const out: MemberDoc[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = await db.collection<MemberDoc>(COLL.members).where({ active: true }).skip(skip).limit(1000).get();
    out.push(...page.data);
    if (page.data.length < 1000) return out;
  }
}

export const create: Handler<'votes', 'create'> = async (input, ctx) => {
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
  await paced(roll, (r) =>
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
  await ctx.db
    .collection<CampaignDoc>(COLL.voteCampaigns)
    .doc(id)
    .update({ data: { ready: true } });
  return view({ ...campaign, ready: true }, await sectionNames(ctx.db), ctx.now);
};

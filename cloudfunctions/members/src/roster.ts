import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { LIMITS } from '../../../shared/common/config';
import type { MemberDoc } from '../../../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../../../shared/park/park';

export const roster: Handler<'members', 'roster'> = async ({ cursor = 0 }, ctx) => {
  const [members, sections] = await Promise.all([
    ctx.db.collection<MemberDoc>(COLL.members).where({ active: true }).orderBy('_id', 'asc').skip(cursor).limit(LIMITS.pageSize).get(),
    ctx.db.collection<SectionDoc>(COLL.sections).limit(100).get(),
  ]);
  const names = new Map(sections.data.map((s) => [s._id, s.name]));
  // the page's enterprise contacts: their enterprises' names, one read each (a page holds 20 people)
  const enterpriseIds = [...new Set(members.data.flatMap((m) => (m.enterpriseId ? [m.enterpriseId] : [])))];
  const enterprises = await Promise.all(enterpriseIds.map((id) => ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(id).get()));
  const enterpriseName = new Map(enterprises.flatMap((r) => (r.data ? [[r.data._id, r.data.name] as const] : [])));
  return {
    items: members.data.map((m) => ({
      memberId: m._id,
      name: m.name,
      sectionName: m.sectionId ? (names.get(m.sectionId) ?? null) : null,
      enterpriseName: m.enterpriseId ? (enterpriseName.get(m.enterpriseId) ?? null) : null,
      post: m.post,
      bound: m.bound,
    })),
    nextCursor: members.data.length === LIMITS.pageSize ? cursor + LIMITS.pageSize : null,
  };
};

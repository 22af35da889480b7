import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { LIMITS } from '../../../shared/common/config';
import type { MemberDoc } from '../../../shared/members/member';
import type { SectionDoc } from '../../../shared/park/park';

export const roster: Handler<'members', 'roster'> = async ({ cursor = 0 }, ctx) => {
  const [members, sections] = await Promise.all([
    ctx.db.collection<MemberDoc>(COLL.members).where({ active: true }).orderBy('_id', 'asc').skip(cursor).limit(LIMITS.pageSize).get(),
    ctx.db.collection<SectionDoc>(COLL.sections).limit(100).get(),
  ]);
  const names = new Map(sections.data.map((s) => [s._id, s.name]));
  return {
    items: members.data.map((m) => ({
      memberId: m._id,
      name: m.name,
      sectionName: m.sectionId ? (names.get(m.sectionId) ?? null) : null,
      post: m.post,
      bound: m.bound,
    })),
    nextCursor: members.data.length === LIMITS.pageSize ? cursor + LIMITS.pageSize : null,
  };
};

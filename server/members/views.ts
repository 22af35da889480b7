/** What the phone is told about a person. */
import type { MeView } from '../../shared/members/contract';
import type { MemberDoc } from '../../shared/members/member';
import type { EnterpriseDoc } from '../../shared/park/park';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';
import { sectionName } from '../park/sections';

export async function meView(db: Database, m: MemberDoc): Promise<MeView> {
  const [section, enterprise] = await Promise.all([
    sectionName(db, m.sectionId),
    m.enterpriseId ? db.collection<EnterpriseDoc>(COLL.enterprises).doc(m.enterpriseId).get() : null,
  ]);
  return {
    memberId: m._id,
    name: m.name,
    roles: m.roles,
    sectionId: m.sectionId,
    sectionName: section,
    post: m.post,
    enterpriseId: m.enterpriseId,
    enterpriseName: enterprise?.data?.name ?? null,
  };
}

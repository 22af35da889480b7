import type { MeView } from "../shared/members/contract";
import type { MemberDoc } from '../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../shared/park/park';
import type { Database } from './cloud';
import { COLL } from './collections';

export async function sectionName(db: Database, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.collection<SectionDoc>(COLL.sections).doc(id).get()).data?.name ?? null;
}

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

/** Temporary download URLs for file ids, at most 50 a call as the platform allows. */
export async function tempUrls(
  cloud: { getTempFileURL(o: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }> },
  fileIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(fileIds)];
  for (let i = 0; i < unique.length; i += 50) {
    const res = await cloud.getTempFileURL({ fileList: unique.slice(i, i + 50) });
    for (const f of res.fileList) if (f.tempFileURL) out.set(f.fileID, f.tempFileURL);
  }
  return out;
}

/** Escape user text for use inside a regular expression (a search box is hostile input too). */
export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

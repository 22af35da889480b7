/**
 * The park's directory as one snapshot: sections, the roster (those who left too), the enterprises and, when asked
 * for, the key projects with their owners. The
 * imports plan against it, the admin's lists show it; a park's directory is a few thousand records, read a
 * thousand at a time.
 */
import type { Directory } from '../../shared/imports/plan';
import type { MemberDoc } from '../../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../../shared/park/park';
import type { ClaimDoc, ProjectDoc } from '../../shared/projects/project';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';
import { allPages } from '../common/pages';

export async function loadDirectory(
  db: Database,
  what: { sections?: boolean; members?: boolean; enterprises?: boolean; projects?: boolean } = {},
): Promise<Directory> {
  const want = { sections: true, members: true, enterprises: true, projects: false, ...what };
  const [sections, members, enterprises, projects, claims] = await Promise.all([
    want.sections
      ? allPages<SectionDoc>((skip, limit) => db.collection<SectionDoc>(COLL.sections).orderBy('_id', 'asc').skip(skip).limit(limit).get())
      : [],
    want.members
      ? allPages<MemberDoc>((skip, limit) => db.collection<MemberDoc>(COLL.members).orderBy('_id', 'asc').skip(skip).limit(limit).get())
      : [],
    want.enterprises
      ? allPages<EnterpriseDoc>((skip, limit) => db.collection<EnterpriseDoc>(COLL.enterprises).orderBy('_id', 'asc').skip(skip).limit(limit).get())
      : [],
    want.projects
      ? allPages<ProjectDoc>((skip, limit) => db.collection<ProjectDoc>(COLL.projects).orderBy('_id', 'asc').skip(skip).limit(limit).get())
      : [],
    want.projects
      ? allPages<ClaimDoc>((skip, limit) => db.collection<ClaimDoc>(COLL.claims).orderBy('_id', 'asc').skip(skip).limit(limit).get())
      : [],
  ]);
  return want.projects ? { sections, members, enterprises, projects, claims } : { sections, members, enterprises };
}

/** A fresh record id: a letter for the kind, then 10 random base-36 characters. */
export function newRecordId(prefix: string, random: (n: number) => Buffer): string {
  const bytes = random(8);
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return `${prefix}${n.toString(36).padStart(10, '0').slice(-10).toUpperCase()}`;
}

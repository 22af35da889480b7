/** Whose records a caller may read: their own; a section head their section's staff; leaders and the admin anyone. */
import { AppError } from '../shared/common/errors';
import { hasRole, type MemberDoc } from '../shared/members/member';
import type { Database } from './cloud';
import { COLL } from './collections';

export async function memberInScope(db: Database, me: MemberDoc, memberId: string | undefined): Promise<MemberDoc> {
  if (memberId === undefined || memberId === me._id) return me;
  const other = (await db.collection<MemberDoc>(COLL.members).doc(memberId).get()).data;
  if (!other) throw new AppError('NOT_FOUND', '人员不存在');
  if (hasRole(me, 'leader', 'admin')) return other;
  if (hasRole(me, 'sectionHead') && me.sectionId !== null && other.sectionId === me.sectionId) return other;
  throw new AppError('FORBIDDEN', '只能查看本人或本股室人员的考核信息');
}

/** Read every page of a query (the database returns at most 1000 records a call). */
export async function allPages<T>(page: (skip: number, limit: number) => Promise<{ data: T[] }>, size = 1000): Promise<T[]> {
  const out: T[] = [];
  for (let skip = 0; ; skip += size) {
    const r = await page(skip, size);
    out.push(...r.data);
    if (r.data.length < size) return out;
  }
}

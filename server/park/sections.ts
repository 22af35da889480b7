/** Loaders of the park's directory shared by several functions. */
import type { SectionDoc } from '../../shared/park/park';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';

export async function sectionName(db: Database, id: string | null): Promise<string | null> {
  if (!id) return null;
  return (await db.collection<SectionDoc>(COLL.sections).doc(id).get()).data?.name ?? null;
}

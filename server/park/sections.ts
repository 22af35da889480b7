/** Loaders of the park's directory shared by several functions. */
import type { SectionDoc } from '../../shared/park/park';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';

/**
 * A warm instance keeps section names a minute: they change a few times a year and only label views, and at a
 * burst (the quarter's last-day reports) every database request counts against the plan's rate.
 */
export const SECTION_NAME_TTL_MS = 60_000;
const names = new Map<string, { name: string | null; at: number }>();

export async function sectionName(db: Database, id: string | null, now: number = Date.now()): Promise<string | null> {
  if (!id) return null;
  const kept = names.get(id);
  if (kept && now - kept.at < SECTION_NAME_TTL_MS) return kept.name;
  const name = (await db.collection<SectionDoc>(COLL.sections).doc(id).get()).data?.name ?? null;
  if (names.size > 500) names.clear();
  names.set(id, { name, at: now });
  return name;
}

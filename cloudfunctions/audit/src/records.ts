/**
 * The audited records against their entries: a record edited in place (a grade changed in the database, a formula
 * rewritten) no longer agrees with the entry whose number it keeps. Records from before the trail began keep no
 * number and are not counted.
 */
import { COLL } from '../../../server/common/collections';
import type { Database } from '../../../server/common/cloud';
import { allPages } from '../../../server/common/pages';
import { digest, type AuditEntry } from '../../../shared/audit/chain';
import type { FormulaDoc, YearDoc } from '../../annual/src/lib';

export async function recordsAgainst(db: Database, entries: AuditEntry[]): Promise<{ checked: number; mismatched: string[] }> {
  const bySeq = new Map(entries.map((e) => [e.seq, e]));
  const [years, formulas] = await Promise.all([
    allPages<YearDoc>((skip, limit) => db.collection<YearDoc>(COLL.annualYears).orderBy('_id', 'asc').skip(skip).limit(limit).get(), 100),
    allPages<FormulaDoc>((skip, limit) => db.collection<FormulaDoc>(COLL.annualFormulas).orderBy('_id', 'asc').skip(skip).limit(limit).get(), 100),
  ]);
  let checked = 0;
  const mismatched: string[] = [];
  for (const y of years)
    for (const c of y.changes) {
      if (c.auditSeq === undefined) continue;
      checked += 1;
      const e = bySeq.get(c.auditSeq);
      const agrees =
        !!e &&
        (e.kind === 'annual.adjust' || e.kind === 'annual.review') &&
        e.data.memberId === c.memberId &&
        e.data.grade === c.grade &&
        e.reason === c.reason &&
        e.at === c.at &&
        e.actorId === c.by;
      if (!agrees) mismatched.push(`annual:${y.year}:${c.memberId}`);
    }
  for (const f of formulas) {
    if (f.auditSeq === undefined) continue;
    checked += 1;
    const e = bySeq.get(f.auditSeq);
    if (!e || e.kind !== 'annual.formula' || digest(e.data) !== digest({ ...f.current })) mismatched.push(`annual:${f._id}`);
  }
  return { checked, mismatched };
}

/** Loading a quarter's state, for every function whose writes depend on it (shared/assessment/period.ts). */
import { acceptsChanges, type PeriodDoc } from '../../shared/assessment/period';
import { AppError } from '../../shared/common/errors';
import type { Database } from '../common/cloud';
import { COLL } from '../common/collections';

export async function loadPeriod(db: Database, periodId: string): Promise<PeriodDoc | null> {
  return (await db.collection<PeriodDoc>(COLL.periods).doc(periodId).get()).data;
}

/** Throws CLOSED unless the quarter still accepts changes. */
export async function requireOpen(db: Database, periodId: string): Promise<void> {
  if (!acceptsChanges(await loadPeriod(db, periodId))) throw new AppError('CLOSED', '本季度考核已结束，不能再修改');
}

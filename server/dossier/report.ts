/**
 * Writing a report into a cadre's dossier, inside the caller's transaction: the report and the dossier's counters
 * change together or not at all. Used by the cadre's own reports (dossier.record) and by events that move a
 * target by themselves (an appeal the enterprise confirms).
 */
import type { Transaction } from '../common/cloud';
import { COLL } from '../common/collections';
import type { QuarterId } from '../../shared/common/time';
import type { ReportKind } from '../../shared/dossier/contract';
import { applyReport, dossierId, newDossier, type DossierDoc, type ReportDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';

/** Add `report` and count it in `m`'s dossier for `periodId`; returns the dossier as written. */
export async function addReportInTx(
  tx: Transaction,
  m: MemberDoc,
  periodId: QuarterId,
  report: Omit<ReportDoc, '_id'> & { _id?: string },
  kind: ReportKind,
  enterpriseId: string | null,
): Promise<DossierDoc> {
  const ref = tx.collection<DossierDoc>(COLL.dossiers).doc(dossierId(periodId, m._id));
  const current = (await ref.get()).data ?? null;
  const base = current ?? newDossier(periodId, m);
  const next = applyReport(base, kind, enterpriseId);
  await tx.collection<ReportDoc>(COLL.reports).add({ data: report });
  if (current) {
    await ref.update({ data: next });
  } else {
    const { _id: _ignored, ...fresh } = { ...newDossier(periodId, m), ...next };
    await ref.set({ data: fresh });
  }
  return { ...base, ...next };
}

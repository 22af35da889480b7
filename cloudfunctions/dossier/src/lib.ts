/** What several of the dossier actions share. */
import { randomBytes } from 'crypto';
import { isDuplicateKey, type Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { tempUrls } from '../../../server/common/files';
import { sectionName } from '../../../server/park/sections';
import { type Ctx } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { addReportInTx } from '../../../server/dossier/report';
import { visitRule } from '../../../server/dossier/settings';
import { acceptsReports } from '../../../shared/assessment/period';
import { loadPeriod } from '../../../server/assessment/period';
import { AppError } from '../../../shared/common/errors';
import { dayOf, quarterLabel, quarterOf, quarterRange, type QuarterId } from '../../../shared/common/time';
import type { ParsedInput } from '../../../shared/contracts';
import type { ReportKind, ReportView } from '../../../shared/dossier/contract';
import {
  REPORT_DATE_MESSAGES,
  dossierId,
  isOwnPhoto,
  newDossier,
  reportDateProblem,
  targetProgress,
  visitSummary,
  type DossierDoc,
  type ReportDoc,
} from '../../../shared/dossier/dossier';
import { type MemberDoc } from '../../../shared/members/member';
import type { EnterpriseDoc } from '../../../shared/park/park';

export const RECENT = 5;

/** Open for reporting: the rule of shared/assessment/period.ts over the stored quarter. */
export async function isOpen(db: Database, periodId: string, now: number): Promise<boolean> {
  return acceptsReports(periodId, await loadPeriod(db, periodId), now);
}

export async function reportViews(ctx: Ctx, docs: ReportDoc[]): Promise<ReportView[]> {
  const urls = await tempUrls(
    ctx.cloud,
    docs.flatMap((d) => d.photoFileIds),
  );
  return docs.map((d) => ({
    id: d._id,
    kind: d.kind,
    date: d.date,
    enterpriseId: d.enterpriseId,
    enterpriseName: d.enterpriseName,
    projectName: d.projectName ?? null,
    note: d.note,
    photoUrls: d.photoFileIds.map((f) => urls.get(f)).filter((u): u is string => Boolean(u)),
    confirmation: d.kind === 'enterprise_visit' ? (d.confirmation ?? 'pending') : null,
  }));
}

export function reportsOf(db: Database, memberId: string, periodId: string) {
  return db.collection<ReportDoc>(COLL.reports).where({ memberId, periodId }).orderBy('date', 'desc').orderBy('createdAt', 'desc');
}

/** What the caller already holds of the view (a report just saved): not read again. */
export interface Known {
  dossier: DossierDoc;
  open: boolean;
}

export async function dossierView(ctx: Ctx, m: MemberDoc, periodId: string, known?: Known) {
  const [stored, open, section, recent, rule] = await Promise.all([
    known ? { data: known.dossier } : ctx.db.collection<DossierDoc>(COLL.dossiers).doc(dossierId(periodId, m._id)).get(),
    known ? known.open : isOpen(ctx.db, periodId, ctx.now),
    sectionName(ctx.db, m.sectionId),
    reportsOf(ctx.db, m._id, periodId).limit(RECENT).get(),
    visitRule(ctx.db, ctx.now),
  ]);
  // A dossier not yet written to shows the quarter's default targets with nothing done.
  const d = stored.data ?? newDossier(periodId, m);
  const { first, last } = quarterRange(periodId);
  return {
    periodId,
    periodLabel: quarterLabel(periodId),
    firstDay: first,
    lastDay: last,
    open,
    memberId: m._id,
    memberName: m.name,
    sectionName: section,
    targets: targetProgress(d, rule),
    visitCount: d.visitCount,
    visits: { ...visitSummary(d), countsUnconfirmed: rule.countUnconfirmed },
    recent: await reportViews(ctx, recent.data),
  };
}

/** `summaries/{periodId}_{memberId}`: the quarterly self-summary (季度小结). */
export interface SummaryDoc {
  _id: string;
  periodId: string;
  memberId: string;
  text: string;
  updatedAt: number;
}

/** What a report names must be the reporter's own photos and an enterprise that exists. */
async function checkReport(ctx: Ctx, m: MemberDoc, input: ParsedInput<'dossier', 'record'>) {
  const { enterpriseId, photoFileIds } = input;
  if (!photoFileIds.every((f) => isOwnPhoto(f, m._id))) throw new AppError('FORBIDDEN', '只能附上本人上传的照片');
  const enterprise = enterpriseId ? await ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(enterpriseId).get() : null;
  if (enterpriseId && !enterprise?.data) {
    throw new AppError('NOT_FOUND', '所选企业不存在，请重新选择', [{ path: 'enterpriseId', message: '所选企业不存在' }]);
  }
  return enterprise?.data ?? null;
}

/**
 * Record one day-to-day report for the current quarter: checks (open quarter, date inside it and not ahead of
 * today, own photos, the enterprise exists), then the report and the dossier's counters in one transaction.
 */
export async function recordReport(ctx: Ctx, input: ParsedInput<'dossier', 'record'>) {
  const { kind, enterpriseId, date, note, photoFileIds } = input;
  const m = await ctx.member();
  const periodId = quarterOf(ctx.now);
  if (!(await isOpen(ctx.db, periodId, ctx.now))) throw new AppError('CLOSED');
  const problem = reportDateProblem(date, periodId, dayOf(ctx.now));
  if (problem) {
    throw new AppError('INVALID_INPUT', REPORT_DATE_MESSAGES[problem], [{ path: 'date', message: REPORT_DATE_MESSAGES[problem] }]);
  }
  const enterprise = await checkReport(ctx, m, input);
  const report: Omit<ReportDoc, '_id'> = {
    memberId: m._id,
    sectionId: m.sectionId ?? '',
    periodId,
    kind,
    date,
    enterpriseId,
    enterpriseName: enterprise?.name ?? null,
    projectId: null,
    projectName: null,
    note,
    photoFileIds,
    createdAt: ctx.now,
    ...(kind === 'enterprise_visit' ? { confirmation: 'pending' as const, confirmedAt: null } : {}),
  };
  // A request that may arrive twice names its report, so a second run finds it instead of counting twice.
  const recordedId = ctx.requestKey ? `RPT-${ctx.requestKey.slice(0, 24)}` : `RPT-${randomBytes(12).toString('hex')}`;
  // The report and the dossier's counters change together or not at all.
  try {
    const dossier = await saveReport(ctx, m, periodId, { ...report, _id: recordedId }, kind, enterpriseId);
    return { ...(await dossierView(ctx, m, periodId, { dossier, open: true })), recordedId };
  } catch (e) {
    // recorded by an earlier run of this very request (server/common/replay.ts, NAMED): the dossier as it stands
    if (!(ctx.requestKey && isDuplicateKey(e))) throw e;
    return { ...(await dossierView(ctx, m, periodId)), recordedId };
  }
}

async function saveReport(
  ctx: Ctx,
  m: MemberDoc,
  periodId: QuarterId,
  report: Omit<ReportDoc, '_id'> & { _id?: string },
  kind: ReportKind,
  enterpriseId: string | null,
): Promise<DossierDoc> {
  return withTransaction(ctx.db, (tx) => addReportInTx(tx, m, periodId, report, kind, enterpriseId));
}

/**
 * dossier: a cadre's quarterly performance dossier (绩效档案) and the day-to-day reports that fill it.
 */
import type { Database } from '../../../server/cloud';
import { COLL } from '../../../server/collections';
import { sectionName, tempUrls } from '../../../server/lookup';
import { defineFunction, type Ctx } from '../../../server/router';
import { withTransaction } from '../../../server/tx';
import type { PeriodDoc } from "../../../shared/assessment/period";
import { LIMITS } from '../../../shared/common/config';
import { AppError } from '../../../shared/common/errors';
import { dayOf, quarterLabel, quarterOf, quarterRange } from '../../../shared/common/time';
import type { ParsedInput } from '../../../shared/contracts';
import type { ReportView, StaffRow } from "../../../shared/dossier/contract";
import {
    REPORT_DATE_MESSAGES,
    applyReport,
    dossierId,
    isOwnPhoto,
    newDossier,
    overallPercent,
    reportDateProblem,
    targetProgress,
    type DossierDoc,
    type ReportDoc,
} from '../../../shared/dossier/dossier';
import { hasRole, type MemberDoc } from '../../../shared/members/member';
import { staffScope } from "../../../shared/members/scope";
import type { EnterpriseDoc, ProjectDoc, SectionDoc } from '../../../shared/park/park';

const RECENT = 5;

/** Open for reporting: the current quarter, unless the admin has closed it. Past quarters are closed. */
async function isOpen(db: Database, periodId: string, now: number): Promise<boolean> {
  if (periodId !== quarterOf(now)) return false;
  const p = (await db.collection<PeriodDoc>(COLL.periods).doc(periodId).get()).data;
  return p === null || p.status === 'open';
}

async function reportViews(ctx: Ctx, docs: ReportDoc[]): Promise<ReportView[]> {
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
  }));
}

function reportsOf(db: Database, memberId: string, periodId: string) {
  return db
    .collection<ReportDoc>(COLL.reports)
    .where({ memberId, periodId })
    .orderBy('date', 'desc')
    .orderBy('createdAt', 'desc');
}

async function dossierView(ctx: Ctx, m: MemberDoc, periodId: string) {
  const [stored, open, section, recent] = await Promise.all([
    ctx.db.collection<DossierDoc>(COLL.dossiers).doc(dossierId(periodId, m._id)).get(),
    isOpen(ctx.db, periodId, ctx.now),
    sectionName(ctx.db, m.sectionId),
    reportsOf(ctx.db, m._id, periodId).limit(RECENT).get(),
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
    targets: targetProgress(d),
    visitCount: d.visitCount,
    recent: await reportViews(ctx, recent.data),
  };
}

/** `summaries/{periodId}_{memberId}`: the quarterly self-summary (季度小结). */
interface SummaryDoc {
  _id: string;
  periodId: string;
  memberId: string;
  text: string;
  updatedAt: number;
}

/**
 * Record one day-to-day report for the current quarter: checks (open quarter, date inside it and not ahead of
 * today, own photos, the enterprise or project exists), then the report and the dossier's counters in one
 * transaction.
 */
async function record(ctx: Ctx, input: ParsedInput<'dossier', 'record'>) {
  const { kind, enterpriseId, projectId, date, note, photoFileIds } = input;
  const m = await ctx.member();
  const periodId = quarterOf(ctx.now);
  if (!(await isOpen(ctx.db, periodId, ctx.now))) throw new AppError('CLOSED');
  const problem = reportDateProblem(date, periodId, dayOf(ctx.now));
  if (problem) {
    throw new AppError('INVALID_INPUT', REPORT_DATE_MESSAGES[problem], [{ path: 'date', message: REPORT_DATE_MESSAGES[problem] }]);
  }
  if (!photoFileIds.every((f) => isOwnPhoto(f, m._id))) throw new AppError('FORBIDDEN', '只能附上本人上传的照片');
  const [enterprise, project] = await Promise.all([
    enterpriseId ? ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(enterpriseId).get() : null,
    projectId ? ctx.db.collection<ProjectDoc>(COLL.projects).doc(projectId).get() : null,
  ]);
  if (enterpriseId && !enterprise?.data) {
    throw new AppError('NOT_FOUND', '所选企业不存在，请重新选择', [{ path: 'enterpriseId', message: '所选企业不存在' }]);
  }
  if (projectId && !project?.data) {
    throw new AppError('NOT_FOUND', '所选项目不存在，请重新选择', [{ path: 'projectId', message: '所选项目不存在' }]);
  }
  const report: Omit<ReportDoc, '_id'> = {
    memberId: m._id,
    sectionId: m.sectionId ?? '',
    periodId,
    kind,
    date,
    enterpriseId,
    enterpriseName: enterprise?.data?.name ?? null,
    projectId,
    projectName: project?.data?.name ?? null,
    note,
    photoFileIds,
    createdAt: ctx.now,
  };
  // The report and the dossier's counters change together or not at all.
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<DossierDoc>(COLL.dossiers).doc(dossierId(periodId, m._id));
    const current = (await ref.get()).data ?? null;
    const next = applyReport(current ?? newDossier(periodId, m), kind, enterpriseId);
    await tx.collection<ReportDoc>(COLL.reports).add({ data: report });
    if (current) {
      await ref.update({ data: next });
    } else {
      const { _id: _ignored, ...fresh } = { ...newDossier(periodId, m), ...next };
      await ref.set({ data: fresh });
    }
  });
  return dossierView(ctx, m, periodId);
}

export const main = defineFunction('dossier', {
  mine: {
    access: ['cadre'],
    run: async ({ periodId }, ctx) => dossierView(ctx, await ctx.member(), periodId ?? quarterOf(ctx.now)),
  },

  recordVisit: {
    access: ['cadre'],
    run: async ({ enterpriseId, date, note, photoFileIds }, ctx) =>
      record(ctx, { kind: 'enterprise_visit', enterpriseId, projectId: null, date, note, photoFileIds }),
  },

  record: {
    access: ['cadre'],
    run: async (input, ctx) => record(ctx, input),
  },

  summary: {
    access: ['cadre'],
    run: async ({ periodId }, ctx) => {
      const m = await ctx.member();
      const pid = periodId ?? quarterOf(ctx.now);
      const [doc, open] = await Promise.all([
        ctx.db.collection<SummaryDoc>(COLL.summaries).doc(dossierId(pid, m._id)).get(),
        isOpen(ctx.db, pid, ctx.now),
      ]);
      return { periodId: pid, text: doc.data?.text ?? '', updatedAt: doc.data?.updatedAt ?? null, open };
    },
  },

  saveSummary: {
    access: ['cadre'],
    run: async ({ text }, ctx) => {
      const m = await ctx.member();
      const pid = quarterOf(ctx.now);
      if (!(await isOpen(ctx.db, pid, ctx.now))) throw new AppError('CLOSED');
      await ctx.db
        .collection<SummaryDoc>(COLL.summaries)
        .doc(dossierId(pid, m._id))
        .set({ data: { periodId: pid, memberId: m._id, text, updatedAt: ctx.now } });
      return { periodId: pid, text, updatedAt: ctx.now, open: true };
    },
  },

  reports: {
    access: ['cadre'],
    run: async ({ periodId, cursor = 0 }, ctx) => {
      const m = await ctx.member();
      const res = await reportsOf(ctx.db, m._id, periodId ?? quarterOf(ctx.now))
        .skip(cursor)
        .limit(LIMITS.pageSize)
        .get();
      return {
        items: await reportViews(ctx, res.data),
        nextCursor: res.data.length === LIMITS.pageSize ? cursor + LIMITS.pageSize : null,
      };
    },
  },

  sectionStaff: {
    access: ['sectionHead', 'leader', 'admin'],
    run: async ({ periodId: requested, sectionId: requestedSection }, ctx) => {
      const me = await ctx.member();
      let sectionId = staffScope(me, requestedSection);
      if (!sectionId && hasRole(me, 'leader', 'admin')) {
        // A leader without a section of their own, who has not picked one yet: the first section.
        const first = await ctx.db.collection<SectionDoc>(COLL.sections).orderBy('order', 'asc').limit(1).get();
        sectionId = first.data[0]?._id ?? null;
      }
      if (!sectionId) throw new AppError('FORBIDDEN', '只能查看本股室人员的绩效');
      const periodId = requested ?? quarterOf(ctx.now);
      const section = (await ctx.db.collection<SectionDoc>(COLL.sections).doc(sectionId).get()).data;
      if (!section) throw new AppError('NOT_FOUND', '股室不存在');
      // A section has well under 100 people: one page of the cloud database's default limit each.
      const [members, dossiers, evaluations] = await Promise.all([
        ctx.db.collection<MemberDoc>(COLL.members).where({ sectionId, active: true }).limit(100).get(),
        ctx.db.collection<DossierDoc>(COLL.dossiers).where({ sectionId, periodId }).limit(100).get(),
        ctx.db.collection<{ _id: string; memberId: string }>(COLL.staffEvaluations).where({ sectionId, periodId }).field({ memberId: true }).limit(100).get(),
      ]);
      const byMember = new Map(dossiers.data.map((d) => [d.memberId, d]));
      const evaluated = new Set(evaluations.data.map((e) => e.memberId));
      const staff: StaffRow[] = members.data
        .filter((m) => m.roles.includes('cadre'))
        .map((m) => {
          const targets = targetProgress(byMember.get(m._id) ?? newDossier(periodId, m));
          return {
            memberId: m._id,
            name: m.name,
            post: m.post,
            targets,
            overallPercent: overallPercent(targets),
            isHead: m.roles.includes('sectionHead'),
            evaluated: evaluated.has(m._id),
          };
        })
        .sort((a, b) => b.overallPercent - a.overallPercent || a.name.localeCompare(b.name, 'zh-CN'));
      return { periodId, periodLabel: quarterLabel(periodId), sectionId, sectionName: section.name, staff };
    },
  },
});

/**
 * Visits the enterprise confirms (走访确认): the cadre's phone shows a one-time mini-program code after recording
 * a visit; the visited enterprise's contact scans it and confirms the visit or says it is not so. The dossier keeps
 * confirmed and unconfirmed visits apart, and the admin's setting says whether unconfirmed ones count.
 */
import { storeMpCode } from '../../../server/common/mpcode';
import { randomBytes } from 'crypto';
import { COLL } from '../../../server/common/collections';
import { tempUrls } from '../../../server/common/files';
import type { Ctx, Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { forgetVisitRule, visitRule, type DossierSettingsDoc } from '../../../server/dossier/settings';
import { sectionName } from '../../../server/park/sections';
import { CODE_LENGTH, makeCode, sceneWith } from '../../../shared/common/codes';
import { AppError } from '../../../shared/common/errors';
import { VISITS } from '../../../shared/dossier/config';
import { applyConfirmation, dossierId, type DossierDoc, type ReportDoc, type VisitCodeDoc } from '../../../shared/dossier/dossier';
import type { MemberDoc } from '../../../shared/members/member';
import type { EnterpriseDoc } from '../../../shared/park/park';
import { isOpen } from './lib';

export const CONFIRM_PAGE = 'dossier/confirm/index';
const DAY = 86_400_000;

const ANSWERED: Record<'confirmed' | 'denied', string> = {
  confirmed: '企业已确认这次走访',
  denied: '企业已答复这次走访不属实',
};

/**
 * The cadre's own visit, still waiting for the enterprise: its code, the one issued while it is valid or a fresh
 * one, as a mini-program code to show.
 */
export const visitCode: Handler<'dossier', 'visitCode'> = async ({ reportId }, ctx) => {
  const me = await ctx.member();
  const report = (await ctx.db.collection<ReportDoc>(COLL.reports).doc(reportId).get()).data;
  if (!report || report.memberId !== me._id) throw new AppError('NOT_FOUND', '走访记录不存在');
  if (report.kind !== 'enterprise_visit' || !report.enterpriseId) throw new AppError('INVALID_INPUT', '只有走访企业需要企业确认');
  const confirmation = report.confirmation ?? 'pending';
  if (confirmation !== 'pending') throw new AppError('CONFLICT', ANSWERED[confirmation]);
  if (!(await isOpen(ctx.db, report.periodId, ctx.now))) throw new AppError('CLOSED', '该季度已结束，走访不能再确认');
  const issued = await ctx.db.collection<VisitCodeDoc>(COLL.visitCodes).where({ reportId, used: false }).limit(10).get();
  let code = issued.data.find((c) => c.expiresAt > ctx.now + DAY / 24);
  if (!code) {
    code = {
      _id: makeCode(randomBytes(CODE_LENGTH)),
      reportId,
      memberId: me._id,
      enterpriseId: report.enterpriseId,
      periodId: report.periodId,
      expiresAt: ctx.now + VISITS.codeValidDays * DAY,
      used: false,
    };
    const { _id, ...data } = code;
    await ctx.db.collection<VisitCodeDoc>(COLL.visitCodes).add({ data: { _id, ...data } });
  }
  const scene = sceneWith('v', code._id);
  const file = await storeMpCode(ctx.cloud, { scene, page: CONFIRM_PAGE, width: 280, cloudPath: `visits/${me._id}/${code._id}.png` });
  const urls = await tempUrls(ctx.cloud, [file]);
  return { code: code._id, scene, qrUrl: urls.get(file) ?? '', expiresAt: code.expiresAt, confirmation };
};

/** The code as the enterprise's contact may use it: theirs, unused, unexpired. */
function usable(code: VisitCodeDoc | null, me: MemberDoc, now: number): VisitCodeDoc {
  if (!code) throw new AppError('NOT_FOUND', '确认码无效，请走访干部重新出示');
  if (code.enterpriseId !== me.enterpriseId) throw new AppError('FORBIDDEN', '这是其他企业的走访确认码');
  if (code.used) throw new AppError('CONFLICT', '该走访已答复，确认码已失效');
  if (code.expiresAt <= now) throw new AppError('EXPIRED', '确认码已过期，请走访干部重新出示');
  return code;
}

async function toConfirm(ctx: Ctx, report: ReportDoc, code: VisitCodeDoc) {
  const [cadre, enterprise] = await Promise.all([
    ctx.db.collection<MemberDoc>(COLL.members).doc(report.memberId).get(),
    ctx.db.collection<EnterpriseDoc>(COLL.enterprises).doc(code.enterpriseId).get(),
  ]);
  return {
    cadreName: cadre.data?.name ?? '',
    sectionName: await sectionName(ctx.db, cadre.data?.sectionId ?? null, ctx.now),
    enterpriseName: enterprise.data?.name ?? report.enterpriseName ?? '',
    date: report.date,
    note: report.note,
    confirmation: report.confirmation ?? 'pending',
    expiresAt: code.expiresAt,
  };
}

export const visit: Handler<'dossier', 'visit'> = async ({ code }, ctx) => {
  const me = await ctx.member();
  const c = usable((await ctx.db.collection<VisitCodeDoc>(COLL.visitCodes).doc(code).get()).data, me, ctx.now);
  const report = (await ctx.db.collection<ReportDoc>(COLL.reports).doc(c.reportId).get()).data;
  if (!report) throw new AppError('NOT_FOUND', '走访记录不存在');
  return toConfirm(ctx, report, c);
};

/**
 * The contact's answer, once: the code is used, the visit marked and the cadre's dossier counted in one
 * transaction, so that two scans at once answer once and a denial is never half counted.
 */
export const confirmVisit: Handler<'dossier', 'confirmVisit'> = async ({ code, confirm, note }, ctx) => {
  const me = await ctx.member();
  const first = usable((await ctx.db.collection<VisitCodeDoc>(COLL.visitCodes).doc(code).get()).data, me, ctx.now);
  if (!(await isOpen(ctx.db, first.periodId, ctx.now))) throw new AppError('CLOSED', '该季度考核已结束，走访不能再确认');
  const outcome: 'confirmed' | 'denied' = confirm ? 'confirmed' : 'denied';
  const report = await withTransaction(ctx.db, async (tx) => {
    const codeRef = tx.collection<VisitCodeDoc>(COLL.visitCodes).doc(code);
    const c = usable((await codeRef.get()).data, me, ctx.now);
    const reportRef = tx.collection<ReportDoc>(COLL.reports).doc(c.reportId);
    const r = (await reportRef.get()).data;
    if (!r) throw new AppError('NOT_FOUND', '走访记录不存在');
    const was = r.confirmation ?? 'pending';
    if (was !== 'pending') throw new AppError('CONFLICT', ANSWERED[was]);
    const dossierRef = tx.collection<DossierDoc>(COLL.dossiers).doc(dossierId(r.periodId, r.memberId));
    const d = (await dossierRef.get()).data;
    if (!d) throw new AppError('NOT_FOUND', '走访所在的绩效档案不存在');
    const { progress, visitedEnterpriseIds, visitCount, visitTally, confirmedEnterpriseIds, confirmedVisits, deniedVisits } = applyConfirmation(
      d,
      c.enterpriseId,
      outcome,
    );
    const _ = ctx.db.command;
    await codeRef.update({ data: { used: true } });
    await reportRef.update({ data: { confirmation: outcome, confirmedAt: ctx.now, confirmationNote: note } });
    await dossierRef.update({
      data: {
        progress: _.set(progress),
        visitedEnterpriseIds: _.set(visitedEnterpriseIds),
        visitCount,
        visitTally: _.set(visitTally ?? {}),
        confirmedEnterpriseIds: _.set(confirmedEnterpriseIds ?? []),
        confirmedVisits: confirmedVisits ?? 0,
        deniedVisits: deniedVisits ?? 0,
      },
    });
    return { ...r, confirmation: outcome as ReportDoc['confirmation'] };
  });
  return toConfirm(ctx, report, { ...first, used: true });
};

export const settings: Handler<'dossier', 'settings'> = async (_input, ctx) => ({
  countUnconfirmedVisits: (await visitRule(ctx.db, ctx.now)).countUnconfirmed,
});

/** The admin decides whether visits no enterprise has confirmed count towards the 走访企业 target. */
export const saveSettings: Handler<'dossier', 'saveSettings'> = async ({ countUnconfirmedVisits }, ctx) => {
  const me = await ctx.member();
  await ctx.db
    .collection<DossierSettingsDoc>(COLL.settings)
    .doc('dossier')
    .set({ data: { countUnconfirmedVisits, updatedAt: ctx.now, updatedBy: me._id } });
  forgetVisitRule();
  return { countUnconfirmedVisits };
};

/** The year's settings, the simulator, and the release. */
import { randomBytes } from 'crypto';
import writeXlsxFile from 'write-excel-file/node';
import { appendAudit } from '../../../server/audit/log';
import { COLL } from '../../../server/common/collections';
import { LINK_SECONDS, tempUrls } from '../../../server/common/files';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { ANNUAL_GRADE_LABELS } from '../../../shared/annual/grades';
import { SECTION_TIER_LABELS } from '../../../shared/annual/tiers';
import { digest } from '../../../shared/audit/chain';
import { AppError } from '../../../shared/common/errors';
import type { MemberDoc } from '../../../shared/members/member';
import type { PaySettings } from '../../../shared/pay/pay';
import { allPages } from '../../../server/common/pages';
import { cadresOf, loadRun, loadSettings, publicView, refuseProblems, releaseBlocked, simulation, type PayRunDoc, type PaySettingsDoc } from './lib';

export const settings: Handler<'pay', 'settings'> = async ({ year }, ctx) => {
  const [{ settings: s, saved }, run] = await Promise.all([loadSettings(ctx.db, year), loadRun(ctx.db, year)]);
  const { year: _y, ...fields } = s;
  return { ...fields, year, saved, released: run !== null };
};

export const simulate: Handler<'pay', 'simulate'> = async ({ year, draft }, ctx) => {
  const [{ settings: saved, saved: isSaved }, run, { y, cadres, tiers }] = await Promise.all([
    loadSettings(ctx.db, year),
    loadRun(ctx.db, year),
    cadresOf(ctx.db, year),
  ]);
  const s: PaySettings = draft ? { ...draft, year } : saved;
  refuseProblems(s, tiers);
  const blocked = await releaseBlocked(ctx.db, y, ctx.now);
  return publicView(simulation(year, s, cadres, tiers, { saved: isSaved && !draft, released: run !== null, blocked }));
};

export const saveSettings: Handler<'pay', 'saveSettings'> = async ({ year, reason, ...fields }, ctx) => {
  const me = await ctx.member();
  const s: PaySettings = { ...fields, year };
  const { y, cadres, tiers } = await cadresOf(ctx.db, year);
  refuseProblems(s, tiers);
  await withTransaction(ctx.db, async (tx) => {
    if ((await tx.collection<PayRunDoc>(COLL.payRuns).doc(String(year)).get()).data)
      throw new AppError('CONFLICT', '本年度绩效奖金已发放，方案不能再改');
    const auditSeq = await appendAudit(tx, { kind: 'pay.settings', actor: me, at: ctx.now, subject: `pay:${year}`, reason, data: { ...s } });
    await tx
      .collection<PaySettingsDoc>(COLL.paySettings)
      .doc(String(year))
      .set({ data: { current: s, updatedAt: ctx.now, updatedBy: me._id, auditSeq } });
  });
  const blocked = await releaseBlocked(ctx.db, y, ctx.now);
  return publicView(simulation(year, s, cadres, tiers, { saved: true, released: false, blocked }));
};

export const release: Handler<'pay', 'release'> = async ({ year, reason }, ctx) => {
  const me = await ctx.member();
  const [{ settings: s, saved }, { y, cadres, tiers }] = await Promise.all([loadSettings(ctx.db, year), cadresOf(ctx.db, year)]);
  if (!saved) throw new AppError('NOT_READY', '请先保存本年度绩效奖金方案');
  refuseProblems(s, tiers);
  const blocked = await releaseBlocked(ctx.db, y, ctx.now);
  if (blocked) throw new AppError('NOT_READY', blocked);
  if (cadres.length === 0) throw new AppError('NOT_READY', `${year}年度没有参评人员`);
  const sim = simulation(year, s, cadres, tiers, { saved: true, released: true, blocked: null });
  // the amounts add up to the pool, to the fen, or nothing is released
  if (sim.totalFen !== sim.poolFen) throw new AppError('INTERNAL', '奖金分配合计与总额不符');
  await withTransaction(ctx.db, async (tx) => {
    const ref = tx.collection<PayRunDoc>(COLL.payRuns).doc(String(year));
    if ((await ref.get()).data) throw new AppError('CONFLICT', '本年度绩效奖金已发放');
    const rows = sim.rows.map(({ memberId, sectionId, rank, grade, tier, weight, fen }) => ({ memberId, sectionId, rank, grade, tier, weight, fen }));
    const auditSeq = await appendAudit(tx, {
      kind: 'pay.release',
      actor: me,
      at: ctx.now,
      subject: `pay:${year}`,
      reason,
      data: { poolFen: sim.poolFen, cadres: rows.length, rows: digest(rows.map((r) => [r.memberId, r.fen])) },
    });
    await ref.set({
      data: { year, settings: s, poolFen: sim.poolFen, rows, releasedAt: ctx.now, releasedBy: me._id, releasedByName: me.name, auditSeq },
    });
  });
  return publicView(sim);
};

/** One's own pay: nobody else's, and not the others' figures either. */
export const mine: Handler<'pay', 'mine'> = async ({ year }, ctx) => {
  const me = await ctx.memberId();
  const run = await loadRun(ctx.db, year);
  const row = run?.rows.find((r) => r.memberId === me);
  if (!run || !row)
    return {
      year,
      released: run !== null,
      amountFen: null,
      grade: null,
      tier: null,
      sectionCoefficient: null,
      gradeCoefficient: null,
      releasedAt: run?.releasedAt ?? null,
    };
  return {
    year,
    released: true,
    amountFen: row.fen,
    grade: row.grade,
    tier: row.tier,
    sectionCoefficient: run.settings.sectionCoefficients[row.tier],
    gradeCoefficient: run.settings.gradeCoefficients[row.grade],
    releasedAt: run.releasedAt,
  };
};

export const exportPay: Handler<'pay', 'export'> = async ({ year }, ctx) => {
  const me = await ctx.member();
  const run = await loadRun(ctx.db, year);
  if (!run) throw new AppError('NOT_READY', `${year}年度绩效奖金尚未发放`);
  const members = await allPages<MemberDoc>((skip, limit) =>
    ctx.db.collection<MemberDoc>(COLL.members).orderBy('_id', 'asc').skip(skip).limit(limit).get(),
  );
  const name = new Map(members.map((m) => [m._id, m.name]));
  const header = ['排名', '姓名', '年度等次', '股室等次', '系数', '金额（元）'];
  const rows = [...run.rows]
    .sort((a, b) => a.rank - b.rank)
    .map((r) => [r.rank, name.get(r.memberId) ?? r.memberId, ANNUAL_GRADE_LABELS[r.grade], SECTION_TIER_LABELS[r.tier], r.weight, r.fen / 100]);
  const cells = [header, ...rows, ['合计', '', '', '', '', run.poolFen / 100]].map((r, i) =>
    r.map((v) =>
      typeof v === 'number' ? { type: Number, value: v } : { type: String, value: v, fontWeight: i === 0 ? ('bold' as const) : undefined },
    ),
  );
  const buffer = await writeXlsxFile(cells as never, { buffer: true, sheet: '绩效奖金' });
  const cloudPath = `exports/pay/${year}/${me._id}-${randomBytes(6).toString('hex')}.xlsx`;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: buffer });
  const url = (await tempUrls(ctx.cloud, [fileID], LINK_SECONDS.export)).get(fileID) ?? '';
  return { fileName: `${year}年度绩效奖金.xlsx`, url, rows: rows.length };
};

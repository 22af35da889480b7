/**
 * assessment: unit evaluations (考人 by section heads, 考事 by leaders), spot checks with reproducible draws, and
 * the quarterly ordinary assessment (平时考核): opening a quarter fixes every checklist; closing it computes
 * scores, grades (with the 好 quota) and rankings with the pure rules of shared/domain/scoring; after close a
 * score changes only through a recorded correction.
 */
import { randomBytes, randomInt } from 'crypto';
import type { Database } from '../../../server/cloud';
import { COLL } from '../../../server/collections';
import { defineFunction, type Ctx } from '../../../server/router';
import { allPages, memberInScope } from '../../../server/scope';
import { withTransaction } from '../../../server/tx';
import {
    assessPeriod,
    packResults,
    quarterResultId,
    type MemberResult,
    type QuarterResultDoc,
    type SectionResult,
} from '../../../shared/assessment/assessment';
import { BATCH } from "../../../shared/assessment/config";
import {
    drawTargets,
    staffEvaluationProblem,
    type SectionEvaluationDoc,
    type SpotCheckDoc,
    type SpotDrawDoc,
    type StaffEvaluationDoc,
} from '../../../shared/assessment/evaluations';
import type { PeriodDoc } from "../../../shared/assessment/period";
import { AppError } from '../../../shared/common/errors';
import { quarterLabel, quarterOf } from '../../../shared/common/time';
import { emptyProgress, type DossierDoc } from '../../../shared/dossier/dossier';
import { buildChecklist, checklistId, type ChecklistDoc } from '../../../shared/indicators/checklist';
import type { IndicatorDoc, TreeNodeDoc } from "../../../shared/indicators/indicator";
import { type MemberDoc } from '../../../shared/members/member';
import type { SectionDoc } from '../../../shared/park/park';

/** `corrections/{id}`: a change to a closed quarter's score — who, when, why, old and new. */
interface CorrectionDoc {
  _id: string;
  periodId: string;
  memberId: string;
  field: 'staffEvaluation' | 'deductions';
  old: number;
  new: number;
  reason: string;
  by: string;
  byName: string;
  at: number;
}

const all = <T>(db: Database, coll: string, where: object) =>
  allPages<T & { _id: string }>((skip, limit) => db.collection<T & { _id: string }>(coll).where(where).orderBy('_id', 'asc').skip(skip).limit(limit).get());

async function periodOf(db: Database, periodId: string): Promise<PeriodDoc | null> {
  return (await db.collection<PeriodDoc>(COLL.periods).doc(periodId).get()).data;
}

async function requireOpen(db: Database, periodId: string): Promise<void> {
  const p = await periodOf(db, periodId);
  if (p && p.status !== 'open') throw new AppError('CLOSED', '本季度考核已结束，不能再修改');
}

async function cadres(db: Database): Promise<MemberDoc[]> {
  return (await all<MemberDoc>(db, COLL.members, { active: true })).filter((m) => m.roles.includes('cadre'));
}

async function sections(db: Database): Promise<SectionDoc[]> {
  return (await db.collection<SectionDoc>(COLL.sections).orderBy('order', 'asc').limit(1000).get()).data;
}

async function status(db: Database, periodId: string) {
  const [p, people, secs, staffEvals, sectionEvals, checklists] = await Promise.all([
    periodOf(db, periodId),
    cadres(db),
    sections(db),
    all<StaffEvaluationDoc>(db, COLL.staffEvaluations, { periodId }),
    all<SectionEvaluationDoc>(db, COLL.sectionEvaluations, { periodId }),
    db.collection<ChecklistDoc>(COLL.checklists).where({ periodId }).count(),
  ]);
  const evaluated = new Set(staffEvals.map((e) => e.memberId));
  const sectionsDone = new Set(sectionEvals.map((e) => e.sectionId));
  const missingStaff = people.filter((m) => !evaluated.has(m._id));
  const missingSections = secs.filter((s) => !sectionsDone.has(s._id));
  return {
    periodId,
    periodLabel: quarterLabel(periodId),
    status: p?.status ?? 'open',
    opened: p !== null,
    checklistsMissing: Math.max(0, people.length - checklists.total),
    cadres: people.length,
    staffEvaluated: people.length - missingStaff.length,
    sections: secs.length,
    sectionsEvaluated: secs.length - missingSections.length,
    missingStaff: missingStaff.slice(0, 20).map((m) => m.name),
    missingSections: missingSections.slice(0, 20).map((s) => s.name),
  };
}

/** Everything a quarter's scores depend on, loaded, and the pure assessment over it. */
async function compute(db: Database, periodId: string) {
  const [people, secs, checklists, dossiers, staffEvals, sectionEvals, spots, corrections] = await Promise.all([
    cadres(db),
    sections(db),
    all<ChecklistDoc>(db, COLL.checklists, { periodId }),
    all<DossierDoc>(db, COLL.dossiers, { periodId }),
    all<StaffEvaluationDoc>(db, COLL.staffEvaluations, { periodId }),
    all<SectionEvaluationDoc>(db, COLL.sectionEvaluations, { periodId }),
    all<SpotCheckDoc>(db, COLL.spotChecks, { periodId }),
    all<CorrectionDoc>(db, COLL.corrections, { periodId, field: 'deductions' }),
  ]);
  const by = <T extends { memberId: string }>(xs: T[]) => new Map(xs.map((x) => [x.memberId, x]));
  const cl = by(checklists);
  const ds = by(dossiers);
  const ev = by(staffEvals);
  const deduction = (type: 'member' | 'section', id: string) =>
    spots.filter((s) => s.targetType === type && s.targetId === id).reduce((s, x) => s + x.deduction, 0);
  const adjust = (id: string) => corrections.filter((c) => c.memberId === id).reduce((s, c) => s + (c.new - c.old), 0);
  return assessPeriod(
    people.map((m) => ({
      memberId: m._id,
      name: m.name,
      sectionId: m.sectionId ?? '',
      items: cl.get(m._id)?.items ?? [],
      inputs: { progress: ds.get(m._id)?.progress ?? emptyProgress(), actuals: ev.get(m._id)?.actuals ?? {}, grades: ev.get(m._id)?.grades ?? {} },
      staffEvaluation: ev.get(m._id)?.score ?? null,
      deductions: Math.max(0, deduction('member', m._id) + adjust(m._id)),
    })),
    secs.map((s) => ({
      sectionId: s._id,
      name: s.name,
      leaderScores: sectionEvals.filter((e) => e.sectionId === s._id).map((e) => e.score),
      deductions: deduction('section', s._id),
    })),
  );
}

/** Write a quarter's results: deterministic ids, so writing again (a resumed close, a correction) overwrites. */
async function saveResults(db: Database, periodId: string, r: { members: MemberResult[]; sections: SectionResult[] }) {
  const writes = packResults(periodId, r).map(({ _id, ...doc }) => () => db.collection<QuarterResultDoc>(COLL.quarterResults).doc(_id).set({ data: doc }));
  for (let i = 0; i < writes.length; i += 10) await Promise.all(writes.slice(i, i + 10).map((w) => w()));
}

async function resultView(ctx: Ctx, periodId: string, memberId: string | undefined) {
  const me = await ctx.member();
  const m = await memberInScope(ctx.db, me, memberId);
  const p = await periodOf(ctx.db, periodId);
  if (p?.status !== 'closed') throw new AppError('NOT_READY', `${quarterLabel(periodId)}考核尚未结束，结束后可查看结果`);
  const [stored, corrections, section] = await Promise.all([
    ctx.db.collection<QuarterResultDoc>(COLL.quarterResults).doc(quarterResultId(periodId, m.sectionId ?? '')).get(),
    ctx.db.collection<CorrectionDoc>(COLL.corrections).where({ periodId, memberId: m._id }).orderBy('at', 'asc').limit(100).get(),
    m.sectionId ? ctx.db.collection<SectionDoc>(COLL.sections).doc(m.sectionId).get() : null,
  ]);
  const d = stored.data?.members.find((x) => x.memberId === m._id);
  if (!stored.data || !d) throw new AppError('NOT_FOUND', `${m.name}在${quarterLabel(periodId)}没有考核结果`);
  return {
    periodId,
    periodLabel: quarterLabel(periodId),
    memberId: d.memberId,
    name: d.name,
    sectionId: d.sectionId,
    sectionName: section?.data?.name ?? null,
    items: d.items,
    indicators: d.indicators,
    staffEvaluation: d.staffEvaluation,
    sectionEvaluation: d.sectionEvaluation,
    deductions: d.deductions,
    score: d.score,
    grade: d.grade,
    cappedByQuota: d.cappedByQuota,
    rank: d.rank,
    of: stored.data.of,
    corrections: corrections.data.map((c) => ({ field: c.field, old: c.old, new: c.new, reason: c.reason, byName: c.byName, at: c.at })),
  };
}

export const main = defineFunction('assessment', {
  evaluateStaff: {
    access: ['sectionHead', 'leader'],
    run: async ({ memberId, score, grades, actuals, comment }, ctx) => {
      const me = await ctx.member();
      const periodId = quarterOf(ctx.now);
      await requireOpen(ctx.db, periodId);
      if (memberId === me._id) throw new AppError('FORBIDDEN', '不能给自己评分');
      const m = (await ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get()).data;
      if (!m || !m.active || !m.roles.includes('cadre')) throw new AppError('NOT_FOUND', '人员不存在');
      const problem = staffEvaluationProblem(me, m);
      if (problem) throw new AppError('FORBIDDEN', problem);
      const cl = (await ctx.db.collection<ChecklistDoc>(COLL.checklists).doc(checklistId(periodId, memberId)).get()).data;
      if (!cl) throw new AppError('NOT_READY', '本季度考核清单尚未生成，请联系组织员开启季度');
      const byNode = new Map(cl.items.map((i) => [i.nodeId, i]));
      for (const nodeId of Object.keys(grades)) {
        if (byNode.get(nodeId)?.kind !== 'qualitative') throw new AppError('INVALID_INPUT', '只能为清单中的定性指标评定等次', [{ path: `grades.${nodeId}`, message: '不是该人员清单中的定性指标' }]);
      }
      for (const nodeId of Object.keys(actuals)) {
        const item = byNode.get(nodeId);
        if (!item || item.kind !== 'quantitative' || item.metric) {
          throw new AppError('INVALID_INPUT', '只能为清单中需录入的定量指标填写完成值', [{ path: `actuals.${nodeId}`, message: '该指标无需录入完成值' }]);
        }
      }
      await ctx.db.collection<StaffEvaluationDoc>(COLL.staffEvaluations).doc(`${periodId}_${memberId}`).set({
        data: { periodId, memberId, sectionId: m.sectionId ?? '', score, grades, actuals, comment, by: me._id, at: ctx.now },
      });
      return { saved: true };
    },
  },

  myEvaluations: {
    access: ['sectionHead', 'leader'],
    run: async ({ periodId }, ctx) => {
      const me = await ctx.member();
      const pid = periodId ?? quarterOf(ctx.now);
      const [staff, secs] = await Promise.all([
        all<StaffEvaluationDoc>(ctx.db, COLL.staffEvaluations, { periodId: pid, by: me._id }),
        all<SectionEvaluationDoc>(ctx.db, COLL.sectionEvaluations, { periodId: pid, leaderId: me._id }),
      ]);
      return {
        staff: staff.map((e) => ({ memberId: e.memberId, score: e.score, grades: e.grades, actuals: e.actuals, comment: e.comment })),
        sections: secs.map((e) => ({ sectionId: e.sectionId, score: e.score, comment: e.comment })),
      };
    },
  },

  evaluateSection: {
    access: ['leader'],
    run: async ({ sectionId, score, comment }, ctx) => {
      const me = await ctx.member();
      const periodId = quarterOf(ctx.now);
      await requireOpen(ctx.db, periodId);
      const s = (await ctx.db.collection<SectionDoc>(COLL.sections).doc(sectionId).get()).data;
      if (!s) throw new AppError('NOT_FOUND', '股室不存在');
      await ctx.db
        .collection<SectionEvaluationDoc>(COLL.sectionEvaluations)
        .doc(`${periodId}_${sectionId}_${me._id}`)
        .set({ data: { periodId, sectionId, leaderId: me._id, score, comment, at: ctx.now } });
      return { saved: true };
    },
  },

  draw: {
    access: ['leader', 'admin'],
    run: async ({ pool, count, seed }, ctx) => {
      const me = await ctx.member();
      const periodId = quarterOf(ctx.now);
      const names = new Map(
        pool === 'section' ? (await sections(ctx.db)).map((s) => [s._id, s.name] as const) : (await cadres(ctx.db)).map((m) => [m._id, m.name] as const),
      );
      const candidates = [...names.keys()].sort();
      const s = seed ?? randomInt(0, 2 ** 31 - 1);
      const picked = drawTargets(candidates, count, s);
      const id = `DRAW-${randomBytes(5).toString('hex').toUpperCase()}`;
      await ctx.db.collection<SpotDrawDoc>(COLL.spotDraws).add({ data: { _id: id, periodId, pool, candidates, count, seed: s, picked, by: me._id, at: ctx.now } });
      return { id, seed: s, pool, picked: picked.map((p) => ({ id: p, name: names.get(p) ?? p })) };
    },
  },

  spotCheck: {
    access: ['leader', 'admin'],
    run: async ({ targetType, targetId, findings, deduction, drawId }, ctx) => {
      const me = await ctx.member();
      const periodId = quarterOf(ctx.now);
      await requireOpen(ctx.db, periodId);
      const target =
        targetType === 'section'
          ? (await ctx.db.collection<SectionDoc>(COLL.sections).doc(targetId).get()).data
          : (await ctx.db.collection<MemberDoc>(COLL.members).doc(targetId).get()).data;
      if (!target) throw new AppError('NOT_FOUND', '抽查对象不存在');
      if (drawId) {
        const draw = (await ctx.db.collection<SpotDrawDoc>(COLL.spotDraws).doc(drawId).get()).data;
        if (!draw || draw.pool !== targetType || !draw.picked.includes(targetId)) {
          throw new AppError('INVALID_INPUT', '该对象不在所选的随机抽取名单中', [{ path: 'targetId', message: '不在抽取名单中' }]);
        }
      }
      const id = `SPOT-${randomBytes(5).toString('hex').toUpperCase()}`;
      await ctx.db.collection<SpotCheckDoc>(COLL.spotChecks).add({
        data: { _id: id, periodId, targetType, targetId, findings, deduction, drawId, by: me._id, at: ctx.now },
      });
      return { id };
    },
  },

  status: {
    access: ['admin'],
    run: async ({ periodId }, ctx) => status(ctx.db, periodId ?? quarterOf(ctx.now)),
  },

  openPeriod: {
    access: ['admin'],
    run: async ({ periodId }, ctx) => {
      const p = await periodOf(ctx.db, periodId);
      if (p && p.status !== 'open') throw new AppError('CLOSED', '该季度已结束，不能重新开启');
      if (periodId < quarterOf(ctx.now)) throw new AppError('INVALID_INPUT', '不能开启已经过去的季度');
      const [people, nodes, indicators, existing] = await Promise.all([
        cadres(ctx.db),
        all<TreeNodeDoc>(ctx.db, COLL.treeNodes, { level: 'personal' }),
        all<IndicatorDoc>(ctx.db, COLL.indicators, { active: true }),
        all<ChecklistDoc>(ctx.db, COLL.checklists, { periodId }),
      ]);
      const have = new Set(existing.map((c) => c.memberId));
      const byId = new Map(indicators.map((i) => [i._id, i]));
      // A checklist once fixed stays as it was: each call fills in up to a batch of those who have none, and the
      // quarter counts as opened once nobody is left.
      const missing = people.filter((m) => !have.has(m._id));
      const fresh = missing.slice(0, BATCH.checklistsPerCall);
      for (let i = 0; i < fresh.length; i += 10) {
        await Promise.all(
          fresh.slice(i, i + 10).map((m) =>
            ctx.db.collection<ChecklistDoc>(COLL.checklists).doc(checklistId(periodId, m._id)).set({
              data: { periodId, memberId: m._id, sectionId: m.sectionId ?? '', items: buildChecklist(nodes.filter((n) => n.memberId === m._id), byId) },
            }),
          ),
        );
      }
      if (!p && missing.length === fresh.length) await ctx.db.collection<PeriodDoc>(COLL.periods).doc(periodId).set({ data: { status: 'open' } });
      return status(ctx.db, periodId);
    },
  },

  close: {
    access: ['admin'],
    run: async ({ periodId }, ctx) => {
      const me = await ctx.member();
      const p = await periodOf(ctx.db, periodId);
      if (p?.status === 'closed') throw new AppError('CLOSED', '该季度已结束');
      if (periodId > quarterOf(ctx.now)) throw new AppError('INVALID_INPUT', '季度尚未开始');
      const before = await status(ctx.db, periodId);
      if (!before.opened || before.checklistsMissing > 0) throw new AppError('CONFLICT', '本季度尚未开启完成（考核清单未全部生成），请先开启季度');
      if (before.staffEvaluated < before.cadres || before.sectionsEvaluated < before.sections) {
        throw new AppError(
          'CONFLICT',
          `还有 ${before.cadres - before.staffEvaluated} 名干部未完成考人评分、${before.sections - before.sectionsEvaluated} 个股室未完成考事评分，暂不能结束`,
        );
      }
      // 'closing' refuses new reports and evaluations while results are written; a failed close is simply run
      // again (results have fixed ids), and only then is the quarter 'closed'.
      await ctx.db.collection<PeriodDoc>(COLL.periods).doc(periodId).set({ data: { status: 'closing' } });
      await saveResults(ctx.db, periodId, await compute(ctx.db, periodId));
      await ctx.db.collection<PeriodDoc>(COLL.periods).doc(periodId).set({ data: { status: 'closed', closedAt: ctx.now, closedBy: me._id } });
      return status(ctx.db, periodId);
    },
  },

  result: {
    access: ['cadre', 'sectionHead', 'leader', 'admin'],
    run: async ({ periodId, memberId }, ctx) => resultView(ctx, periodId ?? quarterOf(ctx.now), memberId),
  },

  ranking: {
    access: ['leader', 'admin'],
    run: async ({ periodId }, ctx) => {
      const pid = periodId ?? quarterOf(ctx.now);
      const p = await periodOf(ctx.db, pid);
      if (p?.status !== 'closed') throw new AppError('NOT_READY', `${quarterLabel(pid)}考核尚未结束，结束后可查看排名`);
      // Section documents hold their cadres' breakdowns: read them a few dozen at a time.
      const [docs, names] = await Promise.all([
        allPages((skip) => ctx.db.collection<QuarterResultDoc>(COLL.quarterResults).where({ periodId: pid }).orderBy('_id', 'asc').skip(skip).limit(50).get(), 50),
        sections(ctx.db),
      ]);
      const members = docs.flatMap((d) => d.members);
      const secs = docs.flatMap((d) => (d.section ? [d.section] : []));
      const sectionName = new Map(names.map((s) => [s._id, s.name]));
      return {
        periodId: pid,
        periodLabel: quarterLabel(pid),
        members: members
          .sort((a, b) => a.rank - b.rank || a.name.localeCompare(b.name, 'zh-CN'))
          .map((m) => ({ memberId: m.memberId, name: m.name, sectionName: sectionName.get(m.sectionId) ?? null, score: m.score, grade: m.grade, rank: m.rank })),
        sections: secs
          .sort((a, b) => a.rank - b.rank)
          .map((s) => ({ sectionId: s.sectionId, name: s.name, evaluation: s.evaluation, deductions: s.deductions, score: s.score, staffMean: s.staffMean, rank: s.rank })),
      };
    },
  },

  correct: {
    access: ['admin'],
    run: async ({ periodId, memberId, field, value, reason }, ctx) => {
      const me = await ctx.member();
      const p = await periodOf(ctx.db, periodId);
      if (p?.status !== 'closed') throw new AppError('CONFLICT', '考核结束前请直接修改评分，无需更正');
      const member = (await ctx.db.collection<MemberDoc>(COLL.members).doc(memberId).get()).data;
      if (!member) throw new AppError('NOT_FOUND', '人员不存在');
      await withTransaction(ctx.db, async (tx) => {
        const doc = (await tx.collection<QuarterResultDoc>(COLL.quarterResults).doc(quarterResultId(periodId, member.sectionId ?? '')).get()).data;
        const result = doc?.members.find((x) => x.memberId === memberId);
        if (!result) throw new AppError('NOT_FOUND', '该人员本季度没有考核结果');
        const old = field === 'staffEvaluation' ? result.staffEvaluation : result.deductions;
        if (old === value) throw new AppError('CONFLICT', '新值与原值相同');
        if (field === 'staffEvaluation') {
          await tx.collection<StaffEvaluationDoc>(COLL.staffEvaluations).doc(`${periodId}_${memberId}`).update({ data: { score: value } });
        }
        await tx.collection<CorrectionDoc>(COLL.corrections).add({
          data: { _id: `COR-${randomBytes(5).toString('hex').toUpperCase()}`, periodId, memberId, field, old, new: value, reason, by: me._id, byName: me.name, at: ctx.now },
        });
      });
      // Everyone's grade may move (the 好 quota is shared), so the whole quarter is counted again.
      await saveResults(ctx.db, periodId, await compute(ctx.db, periodId));
      return resultView(ctx, periodId, memberId);
    },
  },
});

import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { allPages } from '../../../server/common/pages';
import { type QuarterResultDoc } from '../../../shared/assessment/assessment';
import { AppError } from '../../../shared/common/errors';
import { quarterLabel, quarterOf } from '../../../shared/common/time';
import { sections } from './lib';
import { loadPeriod } from '../../../server/assessment/period';

export const ranking: Handler<'assessment', 'ranking'> = async ({ periodId }, ctx) => {
  const pid = periodId ?? quarterOf(ctx.now);
  const p = await loadPeriod(ctx.db, pid);
  if (p?.status !== 'closed') throw new AppError('NOT_READY', `${quarterLabel(pid)}考核尚未结束，结束后可查看排名`);
  // Section documents hold their cadres' breakdowns: read them a few dozen at a time.
  const [docs, names] = await Promise.all([
    allPages(
      (skip) => ctx.db.collection<QuarterResultDoc>(COLL.quarterResults).where({ periodId: pid }).orderBy('_id', 'asc').skip(skip).limit(50).get(),
      50,
    ),
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
      .map((m) => ({
        memberId: m.memberId,
        name: m.name,
        sectionName: sectionName.get(m.sectionId) ?? null,
        score: m.score,
        grade: m.grade,
        rank: m.rank,
      })),
    sections: secs
      .sort((a, b) => a.rank - b.rank)
      .map((s) => ({
        sectionId: s.sectionId,
        name: s.name,
        evaluation: s.evaluation,
        deductions: s.deductions,
        score: s.score,
        staffMean: s.staffMean,
        rank: s.rank,
      })),
  };
};

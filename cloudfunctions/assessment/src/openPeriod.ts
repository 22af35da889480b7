import { COLL } from '../../../server/common/collections';
import { paced } from '../../../server/common/paced';
import type { Handler } from '../../../server/common/router';
import { BATCH } from '../../../shared/assessment/config';
import type { PeriodDoc } from '../../../shared/assessment/period';
import { AppError } from '../../../shared/common/errors';
import { quarterOf } from '../../../shared/common/time';
import { buildChecklist, checklistId, type ChecklistDoc } from '../../../shared/indicators/checklist';
import type { IndicatorDoc, TreeNodeDoc } from '../../../shared/indicators/indicator';
import { nodesForMember } from '../../../shared/indicators/decompose';
import { all, cadres, periodStatus } from './lib';
import { loadPeriod } from '../../../server/assessment/period';
import { ensureCommitment } from './commitment';

export const openPeriod: Handler<'assessment', 'openPeriod'> = async ({ periodId }, ctx) => {
  const p = await loadPeriod(ctx.db, periodId);
  if (p && p.status !== 'open') throw new AppError('CLOSED', '该季度已结束，不能重新开启');
  if (periodId < quarterOf(ctx.now)) throw new AppError('INVALID_INPUT', '不能开启已经过去的季度');
  const [people, nodes, indicators, existing] = await Promise.all([
    cadres(ctx.db),
    // every level: someone new to a section is assessed on their post's decomposition (shared/indicators/decompose.ts)
    all<TreeNodeDoc>(ctx.db, COLL.treeNodes, { level: ctx.db.command.in(['section', 'post', 'personal']) }),
    all<IndicatorDoc>(ctx.db, COLL.indicators, { active: true }),
    all<ChecklistDoc>(ctx.db, COLL.checklists, { periodId }),
  ]);
  const have = new Set(existing.map((c) => c.memberId));
  const byId = new Map(indicators.map((i) => [i._id, i]));
  // A checklist once fixed stays as it was: each call fills in up to a batch of those who have none, and the
  // quarter counts as opened once nobody is left.
  const missing = people.filter((m) => !have.has(m._id));
  const fresh = missing.slice(0, BATCH.checklistsPerCall);
  await paced(fresh, (m) =>
    ctx.db
      .collection<ChecklistDoc>(COLL.checklists)
      .doc(checklistId(periodId, m._id))
      .set({
        data: {
          periodId,
          memberId: m._id,
          sectionId: m.sectionId ?? '',
          items: buildChecklist(nodesForMember(m, nodes), byId),
        },
      }),
  );
  // the quarter's draw seed is committed (its fingerprint published) before anyone can draw in it
  await ensureCommitment(ctx.db, periodId, ctx.now);
  if (!p && missing.length === fresh.length)
    await ctx.db
      .collection<PeriodDoc>(COLL.periods)
      .doc(periodId)
      .set({ data: { status: 'open' } });
  return periodStatus(ctx.db, periodId, ctx.now);
};

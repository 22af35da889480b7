import { visitRule } from '../../../server/dossier/settings';
import { countedProgress } from '../../../shared/dossier/dossier';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { quarterLabel, quarterOf } from '../../../shared/common/time';
import { dossierId, type DossierDoc } from '../../../shared/dossier/dossier';
import { buildChecklist, checklistId, type ChecklistDoc } from '../../../shared/indicators/checklist';
import { type IndicatorDoc, type TreeNodeDoc } from '../../../shared/indicators/indicator';
import { nodesForMember } from '../../../shared/indicators/decompose';

export const checklist: Handler<'indicators', 'checklist'> = async ({ periodId }, ctx) => {
  // whose checklist the caller may see: the router's scope 'member'
  const m = await ctx.subject();
  const pid = periodId ?? quarterOf(ctx.now);
  const [stored, dossier] = await Promise.all([
    ctx.db.collection<ChecklistDoc>(COLL.checklists).doc(checklistId(pid, m._id)).get(),
    ctx.db.collection<DossierDoc>(COLL.dossiers).doc(dossierId(pid, m._id)).get(),
  ]);
  let items = stored.data?.items;
  if (!items) {
    // Not fixed yet (the quarter was not opened): show it as the tree says today.
    if (pid !== quarterOf(ctx.now)) throw new AppError('NOT_FOUND', '该季度没有考核清单');
    // their own nodes, or their section's and post's (someone new to the section: shared/indicators/decompose.ts)
    const [mine, section] = await Promise.all([
      ctx.db.collection<TreeNodeDoc>(COLL.treeNodes).where({ level: 'personal', memberId: m._id }).limit(100).get(),
      m.sectionId
        ? ctx.db
            .collection<TreeNodeDoc>(COLL.treeNodes)
            .where({ sectionId: m.sectionId, level: ctx.db.command.in(['section', 'post']) })
            .limit(1000)
            .get()
        : { data: [] as TreeNodeDoc[] },
    ]);
    const nodes = { data: nodesForMember(m, [...mine.data, ...section.data]) };
    const indicators = await Promise.all(
      [...new Set(nodes.data.flatMap((n) => (n.indicatorId ? [n.indicatorId] : [])))].map((id) =>
        ctx.db.collection<IndicatorDoc>(COLL.indicators).doc(id).get(),
      ),
    );
    items = buildChecklist(nodes.data, new Map(indicators.flatMap((r) => (r.data ? [[r.data._id, r.data] as const] : []))));
  }
  // what counts of the visits is the admin's rule (settings/dossier)
  const progress = dossier.data ? countedProgress(dossier.data, await visitRule(ctx.db, ctx.now)) : undefined;
  return {
    periodId: pid,
    periodLabel: quarterLabel(pid),
    memberId: m._id,
    memberName: m.name,
    items: items.map((i) => ({
      nodeId: i.nodeId,
      indicatorId: i.indicatorId,
      indicatorVersion: i.indicatorVersion,
      name: i.name,
      class: i.class,
      kind: i.kind,
      unit: i.unit,
      direction: i.direction,
      target: i.target,
      metric: i.metric,
      weight: i.weight,
      done: i.metric ? (progress?.[i.metric] ?? 0) : null,
    })),
  };
};

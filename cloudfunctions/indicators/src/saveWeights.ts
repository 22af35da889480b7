import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { allPages } from '../../../server/common/pages';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import { weightGroup, type TreeNodeDoc } from '../../../shared/indicators/indicator';
import { labelled, nodeView } from './lib';

/** Every node of the groups the given nodes belong to (so that a group's sum is whole). */
async function groupsOf(db: Database, nodes: TreeNodeDoc[]): Promise<TreeNodeDoc[]> {
  const queries = new Map<string, object>();
  for (const n of nodes) {
    const g = weightGroup(n);
    if (queries.has(g)) continue;
    queries.set(
      g,
      n.level === 'goal'
        ? { level: 'goal' }
        : n.level === 'section'
          ? { level: 'section', sectionId: n.sectionId }
          : n.level === 'post'
            ? { level: 'post', sectionId: n.sectionId, post: n.post }
            : { level: 'personal', memberId: n.memberId },
    );
  }
  const lists = await Promise.all(
    [...queries.values()].map((q) => allPages((skip, limit) => db.collection<TreeNodeDoc>(COLL.treeNodes).where(q).skip(skip).limit(limit).get())),
  );
  return lists.flat();
}

export const saveWeights: Handler<'indicators', 'saveWeights'> = async ({ changes }, ctx) => {
  const ids = [...new Set(changes.map((c) => c.nodeId))];
  const changed = await Promise.all(ids.map((id) => ctx.db.collection<TreeNodeDoc>(COLL.treeNodes).doc(id).get()));
  const missing = ids.filter((_, i) => !changed[i]?.data);
  if (missing.length) throw new AppError('NOT_FOUND', `节点不存在：${missing.join('、')}`);
  const weightOf = new Map(changes.map((c) => [c.nodeId, c.weight]));
  const groupNodes = (
    await groupsOf(
      ctx.db,
      changed.flatMap((r) => (r.data ? [r.data] : [])),
    )
  ).map((n) => (weightOf.has(n._id) ? { ...n, weight: weightOf.get(n._id) ?? n.weight } : n));
  const problems = await labelled(ctx.db, groupNodes);
  if (problems.length) {
    const details = problems.map((p) => ({ path: p.group, message: `${p.label}权重合计 ${p.sum}，应为 100` }));
    throw new AppError('INVALID_INPUT', details[0]?.message, details);
  }
  // All the changed weights land together, or none.
  await withTransaction(ctx.db, async (tx) => {
    for (const [id, weight] of weightOf) await tx.collection<TreeNodeDoc>(COLL.treeNodes).doc(id).update({ data: { weight } });
  });
  return { nodes: groupNodes.map(nodeView), problems: [] };
};

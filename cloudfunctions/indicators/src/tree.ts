import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { allPages } from '../../../server/common/pages';
import { type TreeNodeDoc } from '../../../shared/indicators/indicator';
import { labelled, nodeView } from './lib';

export const tree: Handler<'indicators', 'tree'> = async ({ sectionId }, ctx) => {
  // a section head sees only their own section's part of the tree: the router's scope 'section'
  const coll = () => ctx.db.collection<TreeNodeDoc>(COLL.treeNodes);
  const top = await allPages((skip, limit) =>
    coll()
      .where({ level: ctx.db.command.in(['goal', 'section']) })
      .orderBy('order', 'asc')
      .skip(skip)
      .limit(limit)
      .get(),
  );
  const below = sectionId
    ? await allPages((skip, limit) =>
        coll()
          .where({ sectionId, level: ctx.db.command.in(['post', 'personal']) })
          .orderBy('order', 'asc')
          .skip(skip)
          .limit(limit)
          .get(),
      )
    : [];
  const nodes = [...top, ...below];
  return { nodes: nodes.map(nodeView), problems: await labelled(ctx.db, nodes) };
};

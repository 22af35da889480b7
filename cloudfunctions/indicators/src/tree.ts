import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { allPages } from '../../../server/common/pages';
import { type TreeNodeDoc } from '../../../shared/indicators/indicator';
import type { MemberDoc } from '../../../shared/members/member';
import { labelled, nodeView } from './lib';

export const tree: Handler<'indicators', 'tree'> = async ({ sectionId }, ctx) => {
  // a section head sees only their own section's part of the tree: the router's scope 'section'
  const coll = () => ctx.db.collection<TreeNodeDoc>(COLL.treeNodes);
  const _ = ctx.db.command;
  const top = await allPages((skip, limit) =>
    coll()
      .where({ level: _.in(['goal', 'section']) })
      .orderBy('order', 'asc')
      .skip(skip)
      .limit(limit)
      .get(),
  );
  if (!sectionId) return { nodes: top.map(nodeView), problems: await labelled(ctx.db, top), people: [] };
  const [below, members] = await Promise.all([
    allPages((skip, limit) =>
      coll()
        .where({ sectionId, level: _.in(['post', 'personal']) })
        .orderBy('order', 'asc')
        .skip(skip)
        .limit(limit)
        .get(),
    ),
    allPages((skip, limit) => ctx.db.collection<MemberDoc>(COLL.members).where({ sectionId, active: true }).skip(skip).limit(limit).get()),
  ]);
  // the cadres the section's tree reaches down to; their own nodes are one group each, wherever they were made
  // (someone moved in keeps nodes of their former section until the admin saves their list here)
  const people = members.filter((m) => m.roles.includes('cadre')).sort((a, b) => a._id.localeCompare(b._id));
  const seen = new Set(below.map((n) => n._id));
  const ids = people.map((m) => m._id);
  const theirs = ids.length
    ? (
        await allPages((skip, limit) =>
          coll()
            .where({ level: 'personal', memberId: _.in(ids) })
            .orderBy('order', 'asc')
            .skip(skip)
            .limit(limit)
            .get(),
        )
      ).filter((n) => !seen.has(n._id))
    : [];
  const nodes = [...top, ...below, ...theirs];
  return {
    nodes: nodes.map(nodeView),
    problems: await labelled(ctx.db, nodes),
    people: people.map((m) => ({ id: m._id, name: m.name, post: m.post })),
  };
};

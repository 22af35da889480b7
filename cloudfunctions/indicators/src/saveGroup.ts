/**
 * The admin saves a whole weight group of the tree (指标分解): nodes added, changed and removed in one transaction
 * with its audit entry, or nothing written. What makes a group valid is shared/indicators/tree-group.ts.
 *
 * Two saves at once: the transaction takes the audit head first — reads it and writes it back as it is, which holds
 * it — and only then reads the group. Another audited change (a save of the same group among them) conflicts on the
 * head at once and runs again after this one, on what it wrote; one that committed before this one took the head
 * makes this one conflict instead (the head changed after its start), and it runs again on the group as it is then.
 * Quarters already opened keep the checklists they fixed (assessment.openPeriod writes a checklist once); the tree
 * as saved counts from the next checklist fixed.
 */
import { randomBytes } from 'crypto';
import { appendAudit, HEAD_ID, type HeadDoc } from '../../../server/audit/log';
import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import { allPages } from '../../../server/common/pages';
import type { Handler } from '../../../server/common/router';
import { withTransaction } from '../../../server/common/tx';
import { AppError } from '../../../shared/common/errors';
import type { SaveGroupInput } from '../../../shared/indicators/contract';
import { weightGroup, type IndicatorDoc, type TreeNodeDoc } from '../../../shared/indicators/indicator';
import { groupChangeText, keyOfInput, planGroup, type GroupFacts, type GroupKey } from '../../../shared/indicators/tree-group';
import type { MemberDoc } from '../../../shared/members/member';
import { isActive, type SectionDoc } from '../../../shared/park/park';
import { nodeView } from './lib';

const nodes = (db: Database) => db.collection<TreeNodeDoc>(COLL.treeNodes);

/** The group's nodes as stored (a post's by its name, people with no post under ''). */
async function groupNodes(db: Database, key: GroupKey): Promise<TreeNodeDoc[]> {
  const where =
    key.level === 'goal'
      ? { level: 'goal' }
      : key.level === 'section'
        ? { level: 'section', sectionId: key.sectionId }
        : key.level === 'post'
          ? { level: 'post', sectionId: key.sectionId }
          : { level: 'personal', memberId: key.memberId };
  const found = await allPages((skip, limit) => nodes(db).where(where).orderBy('order', 'asc').skip(skip).limit(limit).get());
  return key.level === 'post' ? found.filter((n) => (n.post ?? '') === (key.post ?? '')) : found;
}

async function byIds<T extends { _id: string }>(db: Database, coll: string, ids: string[]): Promise<T[]> {
  if (ids.length === 0) return [];
  const _ = db.command;
  return allPages((skip, limit) =>
    db
      .collection<T>(coll)
      .where({ _id: _.in(ids) })
      .skip(skip)
      .limit(limit)
      .get(),
  );
}

/** What the group's check needs beyond the tree: the indicators, the section and the cadre the input names. */
async function loadAround(db: Database, input: SaveGroupInput) {
  const indicatorIds = [...new Set(input.nodes.flatMap((n) => (n.indicatorId ? [n.indicatorId] : [])))];
  const [sections, member, indicators] = await Promise.all([
    allPages((skip, limit) => db.collection<SectionDoc>(COLL.sections).skip(skip).limit(limit).get()),
    input.level === 'personal' ? db.collection<MemberDoc>(COLL.members).doc(input.memberId).get() : Promise.resolve({ data: null }),
    byIds<IndicatorDoc>(db, COLL.indicators, indicatorIds),
  ]);
  const sectionId = input.level === 'section' || input.level === 'post' ? input.sectionId : null;
  const section = sectionId ? sections.find((s) => s._id === sectionId) : undefined;
  const m = member.data;
  return {
    sections,
    indicators: new Map(indicators.map((i) => [i._id, { name: i.name, active: i.active, kind: i.kind }])),
    section: section ? { name: section.name, active: isActive(section) } : null,
    member: m ? { name: m.name, active: m.active, sectionId: m.sectionId, post: m.post, cadre: m.roles.includes('cadre') } : null,
  };
}

export const saveGroup: Handler<'indicators', 'saveGroup'> = async (input, ctx) => {
  const me = await ctx.member();
  const around = await loadAround(ctx.db, input);
  const key = keyOfInput(input, around.member);
  return withTransaction(ctx.db, async (tx) => {
    // first the audit head, held (see above), then the group as it stands now
    const headRef = tx.collection<HeadDoc>(COLL.auditHead).doc(HEAD_ID);
    const head = (await headRef.get()).data;
    if (head) await headRef.set({ data: { seq: head.seq, hash: head.hash } });
    const current = await groupNodes(ctx.db, key);
    const listed = new Set(input.nodes.flatMap((n) => (n.nodeId ? [n.nodeId] : [])));
    const leaving = current.filter((n) => !listed.has(n._id)).map((n) => n._id);
    const _ = ctx.db.command;
    // the nodes the input names (its parents among them) as they are now: a parent removed by a save just before
    // this one is not found
    const named = input.nodes.flatMap((n) => [n.nodeId, n.parentId]).filter((x): x is string => x !== null);
    const [children, last, known] = await Promise.all([
      leaving.length
        ? allPages((skip, limit) =>
            nodes(ctx.db)
              .where({ parentId: _.in(leaving) })
              .skip(skip)
              .limit(limit)
              .get(),
          )
        : Promise.resolve([] as TreeNodeDoc[]),
      nodes(ctx.db).orderBy('order', 'desc').limit(1).get(),
      byIds<TreeNodeDoc>(ctx.db, COLL.treeNodes, [...new Set(named)]),
    ]);
    const people = [
      ...new Set([...(input.level === 'personal' ? [input.memberId] : []), ...children.flatMap((c) => (c.memberId ? [c.memberId] : []))]),
    ];
    const names = await byIds<MemberDoc>(ctx.db, COLL.members, people);
    const facts: GroupFacts = {
      current,
      known: new Map(known.map((n) => [n._id, n])),
      children,
      indicators: around.indicators,
      section: around.section,
      member: around.member,
      names: { sections: new Map(around.sections.map((s) => [s._id, s.name])), members: new Map(names.map((m) => [m._id, m.name])) },
    };
    const outcome = planGroup(input, facts, {
      newId: () => `N-${randomBytes(6).toString('hex').toUpperCase()}`,
      nextOrder: (last.data[0]?.order ?? -1) + 1,
    });
    if (!outcome.ok) throw new AppError('INVALID_INPUT', outcome.issues[0]?.message, outcome.issues);
    const { plan } = outcome;
    const group = weightGroup(plan.key);
    const reply = {
      group,
      label: plan.title,
      nodes: plan.nodes.map(nodeView),
      added: plan.added.length,
      updated: plan.changed.length,
      removed: plan.removed.length,
    };
    // the group as it was: nothing to write, nothing to record
    if (plan.added.length + plan.changed.length + plan.removed.length === 0) return reply;
    for (const n of [...plan.added, ...plan.changed]) {
      const { _id, ...fields } = n;
      await tx.collection<TreeNodeDoc>(COLL.treeNodes).doc(_id).set({ data: fields });
    }
    for (const n of plan.removed) await tx.collection<TreeNodeDoc>(COLL.treeNodes).doc(n._id).remove();
    await appendAudit(tx, {
      kind: 'indicators.tree',
      actor: me,
      at: ctx.now,
      subject: `tree:${group}`,
      reason: '',
      data: {
        group,
        text: groupChangeText(plan),
        nodes: plan.nodes.map((n) => ({
          id: n._id,
          indicatorId: n.indicatorId,
          label: n.label,
          parentId: n.parentId,
          weight: n.weight,
          target: n.target,
        })),
        removed: plan.removed.map((n) => n._id),
      },
    });
    return reply;
  });
};

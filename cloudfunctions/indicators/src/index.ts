/**
 * indicators: the indicator library (versioned), its decomposition tree with weight checks, and each cadre's
 * checklist (个人绩效考核清单) for a quarter.
 */
import { randomBytes } from 'crypto';
import type { Database } from '../../../server/cloud';
import { COLL } from '../../../server/collections';
import { defineFunction } from '../../../server/router';
import { allPages, memberInScope } from '../../../server/scope';
import { withTransaction } from '../../../server/tx';
import { AppError } from '../../../shared/common/errors';
import { quarterLabel, quarterOf } from '../../../shared/common/time';
import { dossierId, type DossierDoc } from '../../../shared/dossier/dossier';
import { buildChecklist, checklistId, type ChecklistDoc } from '../../../shared/indicators/checklist';
import type { IndicatorView } from "../../../shared/indicators/contract";
import { weightGroup, type IndicatorDoc, type TreeNodeDoc } from "../../../shared/indicators/indicator";
import { weightProblems } from '../../../shared/indicators/rules';
import type { MemberDoc } from '../../../shared/members/member';
import { type SectionDoc } from '../../../shared/park/park';

/** `indicatorVersions/{id}_v{n}`: an indicator as it was before a change. */
type IndicatorVersionDoc = IndicatorDoc & { indicatorId: string };

function indicatorView(d: IndicatorDoc): IndicatorView {
  return {
    id: d._id,
    version: d.version,
    name: d.name,
    class: d.class,
    kind: d.kind,
    group: d.group,
    unit: d.unit,
    direction: d.direction,
    target: d.target,
    rule: d.rule,
    owner: d.owner,
    source: d.source,
    metric: d.metric,
    active: d.active,
  };
}

const nodeView = (n: TreeNodeDoc) => ({
  id: n._id,
  level: n.level,
  parentId: n.parentId,
  label: n.label,
  indicatorId: n.indicatorId,
  sectionId: n.sectionId,
  post: n.post,
  memberId: n.memberId,
  weight: n.weight,
  target: n.target,
  group: weightGroup(n),
});

async function sectionNames(db: Database): Promise<Map<string, string>> {
  return new Map((await db.collection<SectionDoc>(COLL.sections).limit(1000).get()).data.map((s) => [s._id, s.name]));
}

/** Problems with a label a person reads ("规划工程部 股室指标"). */
async function labelled(db: Database, nodes: TreeNodeDoc[]) {
  const problems = weightProblems(nodes.map((n) => ({ group: weightGroup(n), weight: n.weight })));
  if (problems.length === 0) return [];
  const sections = await sectionNames(db);
  const memberIds = problems.filter((p) => p.group.startsWith('member:')).map((p) => p.group.slice(7));
  const members = new Map(
    (await Promise.all(memberIds.map((id) => db.collection<MemberDoc>(COLL.members).doc(id).get()))).flatMap((r) =>
      r.data ? [[r.data._id, r.data.name] as const] : [],
    ),
  );
  return problems.map((p) => {
    const [kind, a = '', b = ''] = p.group.split(':');
    const label =
      kind === 'park'
        ? '园区目标'
        : kind === 'section'
          ? `${sections.get(a) ?? a} 股室指标`
          : kind === 'post'
            ? `${sections.get(a) ?? a} · ${b} 岗位指标`
            : `${members.get(a) ?? a} 个人清单`;
    return { group: p.group, label, sum: p.sum };
  });
}

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
  const lists = await Promise.all([...queries.values()].map((q) => allPages((skip, limit) => db.collection<TreeNodeDoc>(COLL.treeNodes).where(q).skip(skip).limit(limit).get())));
  return lists.flat();
}

export const main = defineFunction('indicators', {
  library: {
    access: 'bound',
    run: async (_input, ctx) => {
      const all = await allPages((skip, limit) => ctx.db.collection<IndicatorDoc>(COLL.indicators).orderBy('_id', 'asc').skip(skip).limit(limit).get());
      return all.map(indicatorView);
    },
  },

  save: {
    access: ['admin'],
    run: async (input, ctx) => {
      const sections = await sectionNames(ctx.db);
      if (input.owner !== 'park' && !sections.has(input.owner)) throw new AppError('INVALID_INPUT', '责任单位应为园区或某个股室', [{ path: 'owner', message: '责任单位不存在' }]);
      const body = {
        name: input.name,
        class: input.class,
        kind: input.kind,
        group: input.group,
        unit: input.unit,
        direction: input.direction,
        target: input.kind === 'qualitative' ? null : input.target,
        rule: input.kind === 'qualitative' ? null : input.rule,
        owner: input.owner,
        source: input.source,
        active: input.active,
        sectionIds: input.owner === 'park' ? [] : [input.owner],
      };
      if (!input.id) {
        const doc: IndicatorDoc = { _id: `IND-X-${randomBytes(4).toString('hex').toUpperCase()}`, version: 1, metric: null, ...body };
        await ctx.db.collection<IndicatorDoc>(COLL.indicators).add({ data: doc });
        return indicatorView(doc);
      }
      const id = input.id;
      // The old version is kept and the new one written together: a period that fixed its checklist on version n
      // keeps reading version n's copy in its checklist.
      return withTransaction(ctx.db, async (tx) => {
        const ref = tx.collection<IndicatorDoc>(COLL.indicators).doc(id);
        const old = (await ref.get()).data;
        if (!old) throw new AppError('NOT_FOUND', '指标不存在');
        const { _id, ...oldBody } = old;
        await tx.collection<IndicatorVersionDoc>(COLL.indicatorVersions).add({ data: { ...oldBody, _id: `${id}_v${old.version}`, indicatorId: _id } });
        const next: IndicatorDoc = { ...old, ...body, version: old.version + 1 };
        const { _id: _ignored, ...nextBody } = next;
        await ref.set({ data: nextBody });
        return indicatorView(next);
      });
    },
  },

  history: {
    access: 'bound',
    run: async ({ indicatorId }, ctx) => {
      const [current, older] = await Promise.all([
        ctx.db.collection<IndicatorDoc>(COLL.indicators).doc(indicatorId).get(),
        ctx.db.collection<IndicatorVersionDoc>(COLL.indicatorVersions).where({ indicatorId }).orderBy('version', 'desc').limit(100).get(),
      ]);
      if (!current.data) throw new AppError('NOT_FOUND', '指标不存在');
      return [current.data, ...older.data.map((v) => ({ ...v, _id: v.indicatorId }))].map(indicatorView);
    },
  },

  tree: {
    access: ['sectionHead', 'leader', 'admin'],
    run: async ({ sectionId }, ctx) => {
      const me = await ctx.member();
      if (sectionId && me.roles.includes('sectionHead') && !me.roles.some((r) => r === 'leader' || r === 'admin') && sectionId !== me.sectionId) {
        throw new AppError('FORBIDDEN', '只能查看本股室的指标分解');
      }
      const coll = () => ctx.db.collection<TreeNodeDoc>(COLL.treeNodes);
      const top = await allPages((skip, limit) => coll().where({ level: ctx.db.command.in(['goal', 'section']) }).orderBy('order', 'asc').skip(skip).limit(limit).get());
      const below = sectionId
        ? await allPages((skip, limit) => coll().where({ sectionId, level: ctx.db.command.in(['post', 'personal']) }).orderBy('order', 'asc').skip(skip).limit(limit).get())
        : [];
      const nodes = [...top, ...below];
      return { nodes: nodes.map(nodeView), problems: await labelled(ctx.db, nodes) };
    },
  },

  saveWeights: {
    access: ['admin'],
    run: async ({ changes }, ctx) => {
      const ids = [...new Set(changes.map((c) => c.nodeId))];
      const changed = await Promise.all(ids.map((id) => ctx.db.collection<TreeNodeDoc>(COLL.treeNodes).doc(id).get()));
      const missing = ids.filter((_, i) => !changed[i]?.data);
      if (missing.length) throw new AppError('NOT_FOUND', `节点不存在：${missing.join('、')}`);
      const weightOf = new Map(changes.map((c) => [c.nodeId, c.weight]));
      const groupNodes = (await groupsOf(ctx.db, changed.flatMap((r) => (r.data ? [r.data] : [])))).map((n) =>
        weightOf.has(n._id) ? { ...n, weight: weightOf.get(n._id) ?? n.weight } : n,
      );
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
    },
  },

  checklist: {
    access: ['cadre', 'sectionHead', 'leader', 'admin'],
    run: async ({ periodId, memberId }, ctx) => {
      const me = await ctx.member();
      const m = await memberInScope(ctx.db, me, memberId);
      const pid = periodId ?? quarterOf(ctx.now);
      const [stored, dossier] = await Promise.all([
        ctx.db.collection<ChecklistDoc>(COLL.checklists).doc(checklistId(pid, m._id)).get(),
        ctx.db.collection<DossierDoc>(COLL.dossiers).doc(dossierId(pid, m._id)).get(),
      ]);
      let items = stored.data?.items;
      if (!items) {
        // Not fixed yet (the quarter was not opened): show it as the tree says today.
        if (pid !== quarterOf(ctx.now)) throw new AppError('NOT_FOUND', '该季度没有考核清单');
        const nodes = await ctx.db.collection<TreeNodeDoc>(COLL.treeNodes).where({ level: 'personal', memberId: m._id }).limit(100).get();
        const indicators = await Promise.all(
          [...new Set(nodes.data.flatMap((n) => (n.indicatorId ? [n.indicatorId] : [])))].map((id) => ctx.db.collection<IndicatorDoc>(COLL.indicators).doc(id).get()),
        );
        items = buildChecklist(nodes.data, new Map(indicators.flatMap((r) => (r.data ? [[r.data._id, r.data] as const] : []))));
      }
      const progress = dossier.data?.progress;
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
    },
  },
});

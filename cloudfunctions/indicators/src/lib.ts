/** What several of the indicators actions share. */
import type { Database } from '../../../server/common/cloud';
import { COLL } from '../../../server/common/collections';
import type { IndicatorView } from '../../../shared/indicators/contract';
import { weightGroup, type IndicatorDoc, type TreeNodeDoc } from '../../../shared/indicators/indicator';
import { weightProblems } from '../../../shared/indicators/rules';
import { groupTitle, type GroupKey } from '../../../shared/indicators/tree-group';
import type { MemberDoc } from '../../../shared/members/member';
import { type SectionDoc } from '../../../shared/park/park';

/** `indicatorVersions/{id}_v{n}`: an indicator as it was before a change. */
export type IndicatorVersionDoc = IndicatorDoc & { indicatorId: string };

export function indicatorView(d: IndicatorDoc): IndicatorView {
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

export const nodeView = (n: TreeNodeDoc) => ({
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

export async function sectionNames(db: Database): Promise<Map<string, string>> {
  return new Map((await db.collection<SectionDoc>(COLL.sections).limit(1000).get()).data.map((s) => [s._id, s.name]));
}

/** Problems with a label a person reads ("规划工程部 股室指标"). */
export async function labelled(db: Database, nodes: TreeNodeDoc[]) {
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
    const key: GroupKey =
      kind === 'park'
        ? { level: 'goal', sectionId: null, post: null, memberId: null }
        : kind === 'section'
          ? { level: 'section', sectionId: a, post: null, memberId: null }
          : kind === 'post'
            ? { level: 'post', sectionId: a, post: b, memberId: null }
            : { level: 'personal', sectionId: null, post: null, memberId: a };
    return { group: p.group, label: groupTitle(key, { sections, members }), sum: p.sum };
  });
}

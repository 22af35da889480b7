/**
 * One confirmed row, written. Each write sets the row's final values, so a row written twice (a call cut short and
 * resumed) is written once: a section, a person or an enterprise is one document; a key project is its document,
 * a line in its log, and its owners' claims.
 */
import { COLL } from '../../../server/common/collections';
import type { Ctx } from '../../../server/common/router';
import { same, type Change } from '../../../shared/imports/rows';
import type { ImportKind } from '../../../shared/imports/templates';
import type { MemberDoc } from '../../../shared/members/member';
import { PROJECTS } from '../../../shared/projects/config';
import { claimId, type ClaimDoc, type ProjectDoc } from '../../../shared/projects/project';

const COLLECTION: Record<Exclude<ImportKind, 'projects'>, string> = {
  sections: COLL.sections,
  people: COLL.members,
  enterprises: COLL.enterprises,
};

export async function writeChange(ctx: Ctx, kind: ImportKind, c: Change, me: MemberDoc): Promise<void> {
  if (kind === 'projects') return writeProject(ctx, c, me);
  const ref = ctx.db.collection(COLLECTION[kind]).doc(c.id);
  await (c.op === 'add' ? ref.set({ data: c.set }) : ref.update({ data: c.set }));
}

/** The project's fields (its log says the 台账 made or changed it, once), then its owners as the file names them. */
async function writeProject(ctx: Ctx, c: Change, me: MemberDoc): Promise<void> {
  const { owners, ...fields } = c.set as Record<string, unknown> & { owners?: string[] };
  const ref = ctx.db.collection<ProjectDoc>(COLL.projects).doc(c.id);
  const p = (await ref.get()).data;
  const entry = (text: string) => ({ at: ctx.now, by: me._id, byName: me.name, text });
  if (c.op === 'add' && !p) {
    await ref.set({ data: { ...fields, log: [entry('由重点项目台账导入')], createdAt: ctx.now, updatedAt: ctx.now } as Omit<ProjectDoc, '_id'> });
  } else if (p && Object.entries(fields).some(([k, v]) => !same((p as unknown as Record<string, unknown>)[k], v))) {
    const _ = ctx.db.command;
    const log = [...p.log, entry(`按重点项目台账更新：${c.fields.join('、')}`.slice(0, 500))].slice(-PROJECTS.logMax);
    const data: Record<string, unknown> = { ...fields, log: _.set(log), updatedAt: ctx.now };
    if (fields.milestones) data.milestones = _.set(fields.milestones);
    await ref.update({ data });
  }
  if (owners) await syncOwners(ctx, c.id, owners);
}

/**
 * The owners the file names, claimed from now (a milestone reached before today credits none of them); an owner
 * the file no longer names is no longer one. Someone who left keeps the claim the project's history shows.
 */
async function syncOwners(ctx: Ctx, projectId: string, owners: string[]): Promise<void> {
  const current = (
    await ctx.db
      .collection<ClaimDoc>(COLL.claims)
      .where({ projectId })
      .limit(PROJECTS.ownersMax * 2)
      .get()
  ).data;
  const have = new Set(current.map((x) => x.memberId));
  const members = await Promise.all(
    [...new Set([...owners, ...have])].map(async (id) => (await ctx.db.collection<MemberDoc>(COLL.members).doc(id).get()).data),
  );
  const byId = new Map(members.flatMap((m) => (m ? [[m._id, m] as const] : [])));
  for (const id of owners) {
    if (have.has(id)) continue;
    await ctx.db
      .collection<ClaimDoc>(COLL.claims)
      .doc(claimId(projectId, id))
      .set({ data: { projectId, memberId: id, sectionId: byId.get(id)?.sectionId ?? '', at: ctx.now } });
  }
  for (const x of current) {
    if (owners.includes(x.memberId) || byId.get(x.memberId)?.active === false) continue;
    await ctx.db.collection<ClaimDoc>(COLL.claims).doc(claimId(projectId, x.memberId)).remove();
  }
}

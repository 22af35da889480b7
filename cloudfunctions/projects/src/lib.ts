/** What the projects actions share: loading a project and its owners, the settings, and the views. */
import { COLL } from '../../../server/common/collections';
import type { Database, Transaction } from '../../../server/common/cloud';
import { addReportInTx } from '../../../server/dossier/report';
import type { Ctx } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { dayOf, inPark, quarterRange, type QuarterId } from '../../../shared/common/time';
import { hasRole, type MemberDoc } from '../../../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../../../shared/park/park';
import { PROJECTS } from '../../../shared/projects/config';
import type { ProjectItem, ProjectView } from '../../../shared/projects/contract';
import { landingDays, milestoneState, projectStatus, type Milestone } from '../../../shared/projects/milestone';
import { milestonesInForce, type ClaimDoc, type ProjectDoc, type ProjectSettingsDoc } from '../../../shared/projects/project';

/** A park has tens of key projects: one page of the cloud's 100-record cap holds them all. */
export const PROJECTS_PAGE = 100;
/** Owners of every project together: PROJECTS_PAGE × PROJECTS.ownersMax, one 1000-record page. */
export const CLAIMS_PAGE = 1000;

/** What an owner or the admin is told when acting on a stopped project's plan or milestones. */
export const STOPPED = '该项目已终止：恢复后才能认领、调整计划或填报节点';

export async function loadProject(db: Database, projectId: string): Promise<ProjectDoc> {
  const p = (await db.collection<ProjectDoc>(COLL.projects).doc(projectId).get()).data;
  if (!p) throw new AppError('NOT_FOUND', '项目不存在或已被删除');
  return p;
}

export async function claimsOf(db: Database, projectId: string): Promise<ClaimDoc[]> {
  return (
    await db
      .collection<ClaimDoc>(COLL.claims)
      .where({ projectId })
      .limit(PROJECTS.ownersMax * 2)
      .get()
  ).data;
}

export async function baselineDays(db: Database): Promise<number> {
  const s = (await db.collection<ProjectSettingsDoc>(COLL.settings).doc('projects').get()).data;
  return s?.landingBaselineDays ?? PROJECTS.landingBaselineDays;
}

export async function enterpriseNames(db: Database, ids: string[]): Promise<Map<string, string>> {
  const found = await Promise.all([...new Set(ids)].map((id) => db.collection<EnterpriseDoc>(COLL.enterprises).doc(id).get()));
  return new Map(found.flatMap((r) => (r.data ? [[r.data._id, r.data.name] as const] : [])));
}

export function itemOf(p: ProjectDoc, claims: ClaimDoc[], me: MemberDoc, names: Map<string, string>, now: number): ProjectItem {
  const mine = claims.filter((c) => c.projectId === p._id);
  return {
    id: p._id,
    name: p.name,
    enterpriseName: names.get(p.enterpriseId) ?? null,
    status: projectStatus(milestonesInForce(p), dayOf(now)),
    landingDays: landingDays(p.milestones),
    stopped: p.active === false,
    claimedByMe: mine.some((c) => c.memberId === me._id),
    owners: mine.length,
  };
}

/** The report a milestone reached on time puts in an owner's dossier: named after both, so it counts once ever. */
export const creditId = (projectId: string, key: string, memberId: string): string => `RPT-MS-${projectId}-${key}-${memberId}`;

/**
 * Credit an owner with a milestone reached on time, inside the caller's transaction: a report in their dossier for
 * `periodId` (dated the day reached, or today when that fell in an earlier quarter) that moves 重点项目进展达速.
 */
export async function creditMilestoneInTx(
  tx: Transaction,
  owner: MemberDoc,
  p: Pick<ProjectDoc, '_id' | 'name'>,
  m: Pick<Milestone, 'key' | 'name' | 'planned'>,
  at: { periodId: QuarterId; actual: string; today: string; now: number; note: string },
): Promise<void> {
  const { first } = quarterRange(at.periodId);
  await addReportInTx(
    tx,
    owner,
    at.periodId,
    {
      _id: creditId(p._id, m.key, owner._id),
      memberId: owner._id,
      sectionId: owner.sectionId ?? '',
      periodId: at.periodId,
      kind: 'project_milestone',
      date: at.actual >= first ? at.actual : at.today,
      enterpriseId: null,
      enterpriseName: null,
      projectId: p._id,
      projectName: p.name,
      note: at.note,
      photoFileIds: [],
      createdAt: at.now,
    },
    'project_milestone',
    null,
  );
}

/** An owner of the project, or the admin: who may record that a milestone was reached. */
export function mayReach(me: MemberDoc, claims: ClaimDoc[]): boolean {
  return hasRole(me, 'admin') || (hasRole(me, 'cadre') && claims.some((c) => c.memberId === me._id));
}

const LOG_SHOWN = 20;

export async function projectView(ctx: Ctx, p: ProjectDoc, me: MemberDoc, known?: { claims?: ClaimDoc[] }): Promise<ProjectView> {
  const claims = known?.claims ?? (await claimsOf(ctx.db, p._id));
  const [names, baseline, owners] = await Promise.all([
    enterpriseNames(ctx.db, [p.enterpriseId]),
    baselineDays(ctx.db),
    Promise.all(claims.map((c) => ctx.db.collection<MemberDoc>(COLL.members).doc(c.memberId).get())),
  ]);
  const sectionIds = [...new Set(claims.map((c) => c.sectionId).filter(Boolean))];
  const sections = await Promise.all(sectionIds.map((id) => ctx.db.collection<SectionDoc>(COLL.sections).doc(id).get()));
  const sectionName = new Map(sections.flatMap((s) => (s.data ? [[s.data._id, s.data.name] as const] : [])));
  const today = dayOf(ctx.now);
  const counted = milestonesInForce(p);
  const stopped = p.active === false;
  return {
    id: p._id,
    name: p.name,
    enterpriseId: p.enterpriseId,
    enterpriseName: names.get(p.enterpriseId) ?? null,
    status: projectStatus(counted, today),
    milestones: p.milestones.map((m, i) => ({ ...m, ...milestoneState(counted[i] ?? m, today) })),
    owners: claims
      .map((c, i) => ({
        memberId: c.memberId,
        name: owners[i]?.data?.name ?? '（已离开）',
        sectionName: sectionName.get(c.sectionId) ?? null,
        since: inPark(c.at).format('YYYY-MM-DD'),
      }))
      .sort((a, b) => a.since.localeCompare(b.since)),
    log: p.log
      .slice(-LOG_SHOWN)
      .reverse()
      .map((l) => ({ at: l.at, byName: l.byName, text: l.text })),
    landingDays: landingDays(p.milestones),
    baselineDays: baseline,
    claimedByMe: claims.some((c) => c.memberId === me._id),
    mayReach: !stopped && mayReach(me, claims),
    mayPlan: !stopped && hasRole(me, 'admin'),
    stopped,
    code: p.code ?? null,
  };
}

/** The key projects' stored documents. */
import type { Milestone } from './milestone';

/** One change to a project, kept on it: who planned or reached what, when. */
export interface ProjectLogEntry {
  at: number;
  by: string;
  byName: string;
  text: string;
  /** A correction's entry in the audit trail (shared/audit/chain.ts). */
  auditSeq?: number;
}

/** `projects/{id}` — a key industrial project (重点产业项目) and its milestones. */
export interface ProjectDoc {
  _id: string;
  name: string;
  enterpriseId: string;
  milestones: Milestone[];
  log: ProjectLogEntry[];
  createdAt: number;
  updatedAt: number;
  /** The office's own number for it (项目编号), when it has one: the 台账 import's key before the name. */
  code?: string | null;
  /** Stopped (终止: the enterprise withdrew, the project was merged): kept for the history and credits that point at it. Absent means active. */
  active?: boolean;
}

/**
 * A stopped project's milestones as the rules count them: those reached stay (with their on-time credits and the
 * landing cycle); those not reached are no longer planned, so nothing of a stopped project falls due, lags or earns
 * its owners a card. The stored plan is kept, so restoring the project brings it back.
 */
export function milestonesInForce(p: Pick<ProjectDoc, 'milestones' | 'active'>): Milestone[] {
  return p.active === false ? p.milestones.map((m) => (m.actual === null ? { ...m, planned: null } : m)) : p.milestones;
}

/** The project as every rule reads it (see milestonesInForce). */
export function inForce<T extends Pick<ProjectDoc, 'milestones' | 'active'>>(p: T): T {
  return p.active === false ? { ...p, milestones: milestonesInForce(p) } : p;
}

/** `claims/{projectId}_{memberId}`: a cadre claims (认领) a key project and becomes one of its owners. */
export interface ClaimDoc {
  _id: string;
  projectId: string;
  memberId: string;
  /** The owner's section when they claimed: whose section head sees the project lag. */
  sectionId: string;
  at: number;
}

/** `settings/projects`: the park's own figures for key projects. */
export interface ProjectSettingsDoc {
  _id: 'projects';
  landingBaselineDays: number;
  updatedAt: number;
  updatedBy: string;
}

export function claimId(projectId: string, memberId: string): string {
  return `${projectId}_${memberId}`;
}

/**
 * Whose lagging projects a person is shown (滞后提醒): leaders and the admin every project's; a section head those
 * their section's cadres own, and their own; a cadre their own.
 */
export function inLaggingView(
  viewer: { memberId: string; roles: readonly string[]; sectionId: string | null },
  claims: readonly Pick<ClaimDoc, 'memberId' | 'sectionId'>[],
): boolean {
  if (viewer.roles.includes('leader') || viewer.roles.includes('admin')) return true;
  if (claims.some((c) => c.memberId === viewer.memberId)) return true;
  return viewer.roles.includes('sectionHead') && viewer.sectionId !== null && claims.some((c) => c.sectionId === viewer.sectionId);
}

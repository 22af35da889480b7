import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import { PROJECTS } from '../../../shared/projects/config';
import { claimId, type ClaimDoc } from '../../../shared/projects/project';
import { STOPPED, claimsOf, loadProject } from './lib';

/**
 * Claim (认领) a project or give it up, by a deterministic id: claiming twice keeps the first claim's time (the
 * milestones it counts for start from then), giving up twice changes nothing.
 */
export const claim: Handler<'projects', 'claim'> = async ({ projectId, claim }, ctx) => {
  const me = await ctx.member();
  const [project, claims] = await Promise.all([loadProject(ctx.db, projectId), claimsOf(ctx.db, projectId)]);
  const ref = ctx.db.collection<ClaimDoc>(COLL.claims).doc(claimId(projectId, me._id));
  const mine = claims.some((c) => c.memberId === me._id);
  if (!claim) {
    if (mine) await ref.remove();
    return { claimed: false };
  }
  if (mine) return { claimed: true };
  if (project.active === false) throw new AppError('CONFLICT', STOPPED);
  if (claims.length >= PROJECTS.ownersMax) throw new AppError('CONFLICT', `该项目已有${PROJECTS.ownersMax}人认领，不能再认领`);
  await ref.set({ data: { projectId, memberId: me._id, sectionId: me.sectionId ?? '', at: ctx.now } });
  return { claimed: true };
};

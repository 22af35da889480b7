import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import { AppError } from '../../../shared/common/errors';
import type { ProjectDoc } from '../../../shared/park/park';
import { type ClaimDoc } from './lib';

export const claim: Handler<'park', 'claim'> = async ({ projectId, claim }, ctx) => {
  const me = await ctx.member();
  const project = (await ctx.db.collection<ProjectDoc>(COLL.projects).doc(projectId).get()).data;
  if (!project) throw new AppError('NOT_FOUND', '项目不存在');
  const ref = ctx.db.collection<ClaimDoc>(COLL.claims).doc(`${projectId}_${me._id}`);
  // set / remove by a deterministic id: claiming twice or giving up twice changes nothing.
  if (claim) await ref.set({ data: { projectId, memberId: me._id, at: ctx.now } });
  else await ref.remove();
  return { claimed: claim };
};

import type { Handler } from '../../../server/common/router';
import { loadProject, projectView } from './lib';

export const get: Handler<'projects', 'get'> = async ({ projectId }, ctx) =>
  projectView(ctx, await loadProject(ctx.db, projectId), await ctx.member());

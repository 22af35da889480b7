import { COLL } from '../../../server/common/collections';
import type { Handler } from '../../../server/common/router';
import type { ProjectSettingsDoc } from '../../../shared/projects/project';
import { baselineDays } from './lib';

export const settings: Handler<'projects', 'settings'> = async (_input, ctx) => ({ landingBaselineDays: await baselineDays(ctx.db) });

/** The admin sets the park's baseline landing cycle: what "落地周期缩短" is measured against. */
export const saveSettings: Handler<'projects', 'saveSettings'> = async ({ landingBaselineDays }, ctx) => {
  const me = await ctx.member();
  await ctx.db
    .collection<ProjectSettingsDoc>(COLL.settings)
    .doc('projects')
    .set({ data: { landingBaselineDays, updatedAt: ctx.now, updatedBy: me._id } });
  return { landingBaselineDays };
};

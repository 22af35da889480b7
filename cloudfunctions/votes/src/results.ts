import type { Handler } from '../../../server/common/router';
import { countResults, loadCampaign } from './lib';

export const results: Handler<'votes', 'results'> = async ({ campaignId }, ctx) => countResults(ctx, await loadCampaign(ctx.db, campaignId));

import { storeMpCode } from '../../../server/common/mpcode';
import { LINK_SECONDS, tempUrls } from '../../../server/common/files';
import type { Handler } from '../../../server/common/router';
import { loadCampaign } from './lib';

export const BALLOT_PAGE = 'votes/ballot/index';

export const qrcode: Handler<'votes', 'qrcode'> = async ({ campaignId }, ctx) => {
  await loadCampaign(ctx.db, campaignId);
  const scene = `c=${campaignId}`;
  const fileID = await storeMpCode(ctx.cloud, { scene, page: BALLOT_PAGE, width: 600, cloudPath: `votes/${campaignId}.png` });
  return { page: BALLOT_PAGE, scene, qrUrl: (await tempUrls(ctx.cloud, [fileID], LINK_SECONDS.code)).get(fileID) ?? '' };
};

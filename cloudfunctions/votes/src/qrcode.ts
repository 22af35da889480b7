import { mpVersion } from '../../../server/common/release';
import { LINK_SECONDS, tempUrls } from '../../../server/common/files';
import type { Handler } from '../../../server/common/router';
import { loadCampaign } from './lib';

export const BALLOT_PAGE = 'votes/ballot/index';

export const qrcode: Handler<'votes', 'qrcode'> = async ({ campaignId }, ctx) => {
  await loadCampaign(ctx.db, campaignId);
  const scene = `c=${campaignId}`;
  const qr = await ctx.cloud.openapi.wxacode.getUnlimited({
    scene,
    page: BALLOT_PAGE,
    width: 600,
    checkPath: false,
    envVersion: mpVersion().envVersion,
  });
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath: `votes/${campaignId}.png`, fileContent: qr.buffer });
  return { page: BALLOT_PAGE, scene, qrUrl: (await tempUrls(ctx.cloud, [fileID], LINK_SECONDS.code)).get(fileID) ?? '' };
};

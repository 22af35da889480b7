/**
 * A mini-program code (小程序码, `wxacode.getUnlimited`) stored as a picture: an invite's, a visit's, a rating code's,
 * a campaign's meeting screen. It opens the version the environment names (release.ts) and is made with
 * `check_path: false`, since a page must be published for the check to pass and a trial's is not.
 */
import type { Ctx } from './router';
import { mpVersion } from './release';

export async function storeMpCode(cloud: Ctx['cloud'], o: { scene: string; page: string; width: number; cloudPath: string }): Promise<string> {
  const qr = await cloud.openapi.wxacode.getUnlimited({
    scene: o.scene,
    page: o.page,
    width: o.width,
    checkPath: false,
    envVersion: mpVersion().envVersion,
  });
  return (await cloud.uploadFile({ cloudPath: o.cloudPath, fileContent: qr.buffer })).fileID;
}

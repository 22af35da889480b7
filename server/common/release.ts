/**
 * Which version of the mini-program the codes and reminders open. A code made by `wxacode.getUnlimited` opens the
 * released version unless `env_version` says otherwise, and a subscribe message the formal one unless
 * `miniprogram_state` does — so during the trial (体验版) a code scanned or a reminder tapped would open a release
 * that does not exist yet. The version is the functions' environment variable `YARDSTICK_MP_VERSION` (release, trial
 * or develop; release when unset), set in the console on the environment the trial runs against.
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/qrcode-link/qr-code/getUnlimitedQRCode.html
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export type MpVersion = 'release' | 'trial' | 'develop';

const STATE: Record<MpVersion, 'formal' | 'trial' | 'developer'> = { release: 'formal', trial: 'trial', develop: 'developer' };

export function mpVersion(env: Record<string, string | undefined> = process.env): {
  envVersion: MpVersion;
  miniprogramState: 'formal' | 'trial' | 'developer';
} {
  const v = (env.YARDSTICK_MP_VERSION ?? 'release').trim() || 'release';
  if (v !== 'release' && v !== 'trial' && v !== 'develop') throw new Error(`YARDSTICK_MP_VERSION must be release, trial or develop, not "${v}"`);
  return { envVersion: v, miniprogramState: STATE[v] };
}

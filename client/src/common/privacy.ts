/**
 * WeChat's privacy interfaces (用户隐私保护指引): since September 2023 an API that touches a user's data works only
 * when the mini-program's guide, filled in the console (设置 → 服务内容声明 → 用户隐私保护指引), declares it, and only
 * after the user agreed to the guide in the app. WeChat's table of which API handles which information:
 * https://developers.weixin.qq.com/miniprogram/dev/framework/user-privacy/miniprogram-intro.html
 *
 * PRIVACY_APIS is what this product calls, with what to write in the guide for each. A test reads the client's code
 * and fails when it calls a privacy-scoped API the table lacks, or the table names one it no longer calls, so the
 * guide to fill in is always this table (the README and the 合规自查 page print it).
 *
 * The agreement: WeChat asks (`onNeedPrivacyAuthorization`) when a privacy API is first called; the app's sheet
 * (PrivacySheet) shows the guide's link and 同意 (a button of open-type agreePrivacyAuthorization, as WeChat
 * requires) or 拒绝. Declining fails only that one call — the photo is not added, the code not copied — and leaves
 * every other function of the app as it was.
 */
import Taro from '@tarojs/taro';

export { PRIVACY_APIS, PRIVACY_SCOPED, type PrivacyApi } from './privacy-apis';

type Resolve = (o: { event: 'agree' | 'disagree' | 'exposureAuthorization'; buttonId?: string }) => void;

let pending: Resolve | null = null;
const listeners = new Set<(asking: boolean) => void>();
const notify = () => listeners.forEach((l) => l(pending !== null));

/** On launch (weapp): WeChat's question when a privacy API is called before the user agreed goes to the sheet. */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve;
    pending({ event: 'exposureAuthorization' });
    notify();
  });
}

/** The sheet listens: `asking` while WeChat waits for the user's answer. */
export function onPrivacyQuestion(listener: (asking: boolean) => void): () => void {
  listeners.add(listener);
  listener(pending !== null);
  return () => listeners.delete(listener);
}

/** The user's answer: `agree` with the id of the agree button they tapped (WeChat checks it was tapped). */
export function answerPrivacy(event: 'agree' | 'disagree', buttonId?: string): void {
  const resolve = pending;
  pending = null;
  notify();
  resolve?.(event === 'agree' ? { event, buttonId } : { event });
}

import Taro from '@tarojs/taro';

/** h5 only: the local cloud's session token (the stand-in for WeChat's identity). */
export const SESSION_KEY = 'ys.session';

export function getSession(): string {
  try {
    const v: unknown = Taro.getStorageSync(SESSION_KEY);
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

export function setSession(token: string): void {
  Taro.setStorageSync(SESSION_KEY, token);
}

export function clearSession(): void {
  Taro.removeStorageSync(SESSION_KEY);
}

export const isH5 = process.env.TARO_ENV === 'h5';

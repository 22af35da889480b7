/**
 * One reply shape and one list of error codes for every cloud action (STYLE §5).
 * Success is `{ code: 0, data }`; failure is `{ code, message }` with a Chinese message the user can act on.
 */
export const ErrorCode = {
  /** The input failed its zod schema. `details` lists the fields. */
  INVALID_INPUT: 'INVALID_INPUT',
  /** The function has no such action. */
  UNKNOWN_ACTION: 'UNKNOWN_ACTION',
  /** The caller's WeChat identity is not bound to a person yet (needs an invite code). */
  UNBOUND: 'UNBOUND',
  /** The caller's role or scope does not allow the action. */
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  /** The action collides with existing state (already bound, code already used, …). */
  CONFLICT: 'CONFLICT',
  /** The period or campaign is closed. */
  CLOSED: 'CLOSED',
  /** Not available yet (results before the count is done). */
  NOT_READY: 'NOT_READY',
  /** An invite code or link has expired. */
  EXPIRED: 'EXPIRED',
  /** The request or a file is larger than allowed. */
  TOO_LARGE: 'TOO_LARGE',
  /** Too many people wrote the same record at once and retries ran out. */
  BUSY: 'BUSY',
  /** The cloud environment's daily read or write quota is spent: nothing to retry until tomorrow. */
  QUOTA: 'QUOTA',
  /** The cloud function did not answer in time. */
  TIMEOUT: 'TIMEOUT',
  /** The device could not reach the cloud. */
  NETWORK: 'NETWORK',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作，请更新小程序后重试',
  UNBOUND: '尚未绑定身份，请输入组织员发放的邀请码',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '要找的记录不存在或已被删除',
  CONFLICT: '操作与现有记录冲突，请刷新后重试',
  CLOSED: '该考核周期已关闭，不能再修改',
  NOT_READY: '暂未开放，请稍后再试',
  EXPIRED: '已过期，请联系组织员重新获取',
  TOO_LARGE: '内容过大，请精简后重试',
  BUSY: '当前提交人数较多，请稍后再试',
  QUOTA: '今日云服务用量已达上限，请明天再试，或联系组织员',
  TIMEOUT: '服务响应超时，请稍后再试',
  NETWORK: '网络不可用，请检查网络后重试',
  INTERNAL: '系统繁忙，请稍后再试',
};

export interface FieldIssue {
  path: string;
  message: string;
}
export interface Ok<T> {
  code: 0;
  data: T;
}
export interface Fail {
  code: ErrorCode;
  message: string;
  details?: FieldIssue[];
}
export type Reply<T> = Ok<T> | Fail;

export function ok<T>(data: T): Ok<T> {
  return { code: 0, data };
}

export function fail(code: ErrorCode, message: string = ERROR_MESSAGES[code], details?: FieldIssue[]): Fail {
  return details && details.length > 0 ? { code, message, details } : { code, message };
}

export function isFail<T>(r: Reply<T>): r is Fail {
  return r.code !== 0;
}

/** Thrown inside handlers; the router turns it into a `Fail` reply. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
    readonly details?: FieldIssue[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/**
 * Shared building blocks of the API: ids, roles, and the views the client renders.
 * Every field a client sends is parsed by one of these before anything reads it.
 */
import './zod-config';
import { z } from 'zod';
import { LIMITS } from './config';
import { isDayString, isQuarterId } from './time';

export const Id = z
  .string({ error: '缺少编号' })
  .trim()
  .min(1, { error: '缺少编号' })
  .max(64, { error: '编号过长' })
  .regex(/^[A-Za-z0-9_-]+$/, { error: '编号格式不正确' });

export const PeriodId = z.string().refine(isQuarterId, { error: '考核周期格式应为 2026Q4' });
export const Day = z.string({ error: '请选择日期' }).refine(isDayString, { error: '日期格式应为 YYYY-MM-DD' });
export const Cursor = z.number().int().min(0).max(100_000).optional();

/** A WeChat Cloud file id (`cloud://env.bucket/path`). */
export const FileId = z
  .string()
  .max(512, { error: '文件编号过长' })
  .regex(/^cloud:\/\/[^\s/]+\/[^\s]+$/, { error: '文件编号格式不正确' });

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.number().nullable() });
}

export { LIMITS };

/** A name people read (an indicator, an application): 2 to 40 characters. */
export const Name = z.string().trim().min(2, { error: '名称至少2个字' }).max(40, { error: '名称不超过40字' });
/** Why (an application, a decision): 2 to 300 characters. */
export const Reason = z.string().trim().min(2, { error: '请填写理由（至少2个字）' }).max(300, { error: '理由不超过300字' });

/** An action that takes no input. */
export const empty = z.object({}).strict();

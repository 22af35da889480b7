/** Zod speaks Chinese to users wherever a schema's own message is not set. Import once per entry point. */
import './zod-config';
import { z } from 'zod';
// Only the one locale: `z.locales` would pull every language into the mini-program package.
import zhCN from 'zod/v4/locales/zh-CN.js';

z.config(zhCN());

/** Field problems of a failed parse, `path` dotted (`photoFileIds.0`), for showing beside a field. */
export function issuesOf(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

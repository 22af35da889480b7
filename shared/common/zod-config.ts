/**
 * WeChat runs mini-programs without `eval` and `new Function` (a call throws on a device, while DevTools may allow
 * it). Zod 4 compiles a fast parser for object schemas when it finds `Function` usable, deciding once per schema as
 * the schema is made; `jitless` makes every schema parse by interpretation instead. So this runs before any schema
 * exists: every module that makes schemas imports it first (shared/common/schema.ts and the few that do not use it).
 */
import { z } from 'zod';

z.config({ jitless: true });

/** audit: the admin reads the audit trail and checks it (shared/audit/chain.ts). */
import { defineFunction } from '../../../server/common/router';
import { log } from './log';
import { verify } from './verify';

/** The audit function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('audit', { log, verify });

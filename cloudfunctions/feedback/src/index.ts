/** feedback: written feedback reports and the talks about them (shared/feedback). */
import { defineFunction } from '../../../server/common/router';
import { acknowledge, draft, recordTalk, reports, send } from './reports';

/** The feedback function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('feedback', { draft, send, reports, acknowledge, recordTalk });

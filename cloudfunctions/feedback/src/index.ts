/** feedback: written feedback reports, the talks about them, and the park's quarterly bulletins (shared/feedback). */
import { defineFunction } from '../../../server/common/router';
import { bulletinDraft, bulletins, publishBulletin } from './bulletins';
import { acknowledge, draft, recordTalk, reports, send } from './reports';

/** The feedback function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('feedback', { draft, send, reports, acknowledge, recordTalk, bulletinDraft, publishBulletin, bulletins });

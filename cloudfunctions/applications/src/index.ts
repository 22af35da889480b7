/**
 * applications: cadres apply for new indicators (申报); the section head and then the admin approve or reject;
 * the admin's approval adds the indicator to the cadre's checklist, scaling the other weights so they still add
 * up to 100 — in the tree and in the open quarter's checklist, in one transaction with the decision.
 */
import { defineFunction } from '../../../server/common/router';
import { apply } from './apply';
import { list } from './list';
import { review } from './review';

/** The applications function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('applications', { apply, list, review });

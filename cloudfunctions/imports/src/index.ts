/**
 * imports: the park's directory from the Excel files its office keeps (股室名录, 人员花名册, 企业名录) and back —
 * templates, a preview of every row's problems and changes, the confirmation that writes all of it, exports.
 */
import { defineFunction } from '../../../server/common/router';
import { commit } from './commit';
import { exportKind, template } from './files';
import { preview } from './preview';

/** The imports function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('imports', { template, preview, commit, export: exportKind });

/** park: the directory of the park (enterprises for now; sections and projects as the product grows). */
import { defineFunction } from '../../../server/common/router';
import { projects } from './projects';
import { claim } from './claim';
import { sections } from './sections';
import { searchEnterprises } from './searchEnterprises';

/** The park function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('park', { projects, claim, sections, searchEnterprises });

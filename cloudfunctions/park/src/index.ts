/** park: the directory of the park — sections, enterprises, key projects — and its working-day calendar. */
import { defineFunction } from '../../../server/common/router';
import { projects } from './projects';
import { claim } from './claim';
import { sections } from './sections';
import { searchEnterprises } from './searchEnterprises';
import { calendar, saveCalendar } from './calendar';

/** The park function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('park', { projects, claim, sections, searchEnterprises, calendar, saveCalendar });

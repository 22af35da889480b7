/** park: the directory of the park — sections, enterprises — and its working-day calendar. */
import { defineFunction } from '../../../server/common/router';
import { sections } from './sections';
import { searchEnterprises } from './searchEnterprises';
import { calendar, saveCalendar } from './calendar';

/** The park function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('park', { sections, searchEnterprises, calendar, saveCalendar });

/** park: the park's own record and first set-up, its directory — sections, enterprises — and its working-day calendar. */
import { defineFunction } from '../../../server/common/router';
import { sections } from './sections';
import { searchEnterprises } from './searchEnterprises';
import { calendar, saveCalendar } from './calendar';
import { setup } from './setup';
import { saveSettings, status } from './status';
import { orderSections, retireSection, saveSection, sectionsAdmin } from './sectionsAdmin';
import { enterprisesAdmin, retireEnterprise, saveEnterprise } from './enterprisesAdmin';

/** The park function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('park', {
  status,
  setup,
  saveSettings,
  sections,
  sectionsAdmin,
  saveSection,
  orderSections,
  retireSection,
  searchEnterprises,
  enterprisesAdmin,
  saveEnterprise,
  retireEnterprise,
  calendar,
  saveCalendar,
});

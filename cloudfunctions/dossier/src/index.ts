/**
 * dossier: a cadre's quarterly performance dossier (绩效档案) and the day-to-day reports that fill it.
 */
import { defineFunction } from '../../../server/common/router';
import { mine } from './mine';
import { recordVisit } from './recordVisit';
import { record } from './record';
import { summary } from './summary';
import { saveSummary } from './saveSummary';
import { reports } from './reports';
import { sectionStaff } from './sectionStaff';
import { confirmVisit, saveSettings, settings, visit, visitCode } from './visits';

/** The dossier function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('dossier', {
  mine,
  recordVisit,
  record,
  summary,
  saveSummary,
  reports,
  sectionStaff,
  visitCode,
  visit,
  confirmVisit,
  settings,
  saveSettings,
});

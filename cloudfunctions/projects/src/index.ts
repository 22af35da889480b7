/**
 * projects: key projects (重点项目) — owners who claim them, milestones against plan, lagging projects flagged to
 * their owners, section heads and leaders, on-time milestones counted in the owners' dossiers, the landing cycle.
 */
import { defineTimedFunction } from '../../../server/common/router';
import { claim } from './claim';
import { correct } from './correct';
import { create } from './create';
import { dashboard, recomputeDashboard } from './dashboard';
import { get } from './get';
import { list } from './list';
import { plan } from './plan';
import { reach } from './reach';
import { retire } from './retire';
import { saveSettings, settings } from './settings';

/** The projects function's action table (who may call each action: shared/access.ts); its hourly tick recomputes the dashboard. */
export const main = defineTimedFunction(
  'projects',
  { list, get, claim, reach, correct, plan, retire, create, dashboard, settings, saveSettings },
  recomputeDashboard,
);

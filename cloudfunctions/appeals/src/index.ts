/**
 * appeals (企业诉求): an enterprise files; its liaison cadre accepts by the end of the next working day, reports
 * progress and resolves; the enterprise confirms (moving the cadre's dossier target) or reopens, and rates on the
 * five 好差评 levels; a bad rating is followed up and may be contested to the admin.
 */
import { defineTimedFunction } from '../../../server/common/router';
import { dashboard, recomputeDashboard } from './dashboard';
import { file } from './file';
import { get, inbox, mine } from './lists';
import { accept, callBack, confirm, contest, decide, progress, rate, reassign, rectify, reopen, resolve } from './steps';

/** The appeals function's action table (who may call each action: shared/access.ts); its hourly tick recomputes the dashboard. */
export const main = defineTimedFunction(
  'appeals',
  {
    file,
    mine,
    inbox,
    get,
    accept,
    progress,
    resolve,
    confirm,
    reopen,
    rate,
    callBack,
    rectify,
    contest,
    decide,
    reassign,
    dashboard,
  },
  recomputeDashboard,
);

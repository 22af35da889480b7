/** pay: performance pay under total control (shared/pay) — settings, the simulator, the release, one's own pay. */
import { defineFunction } from '../../../server/common/router';
import { exportPay, mine, release, saveSettings, settings, simulate } from './settings';

/** The pay function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('pay', { settings, saveSettings, simulate, release, mine, export: exportPay });

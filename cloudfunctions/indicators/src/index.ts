/**
 * indicators: the indicator library (versioned), its decomposition tree with weight checks (built a weight group at a
 * time), and each cadre's checklist (个人绩效考核清单) for a quarter.
 */
import { defineFunction } from '../../../server/common/router';
import { library } from './library';
import { save } from './save';
import { history } from './history';
import { tree } from './tree';
import { saveWeights } from './saveWeights';
import { saveGroup } from './saveGroup';
import { checklist } from './checklist';

/** The indicators function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('indicators', { library, save, history, tree, saveWeights, saveGroup, checklist });

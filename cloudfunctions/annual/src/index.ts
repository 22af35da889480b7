/**
 * annual: the year's results (年度考核, 三评价一抽查) — its formula, the computed totals with what is behind them,
 * grades proposed by the rules and adjusted by the leadership, 公示, the written notice, review (复核).
 */
import { defineFunction } from '../../../server/common/router';
import { compute } from './compute';
import { acknowledge, answerReview, explain, requestReview } from './explain';
import { exportResults } from './export';
import { formula, saveFormula } from './formula';
import { adjust, confirm, notify, publish, ranking, status } from './steps';

/** The annual function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('annual', {
  formula,
  saveFormula,
  compute,
  status,
  ranking,
  explain,
  adjust,
  confirm,
  publish,
  notify,
  acknowledge,
  requestReview,
  answerReview,
  export: exportResults,
});

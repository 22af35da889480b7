/**
 * assessment: unit evaluations (考人 by section heads, 考事 by leaders), spot checks with committed, checkable draws, and
 * the quarterly ordinary assessment (平时考核): opening a quarter fixes every checklist; closing it computes
 * scores, grades (with the 好 quota) and rankings with the pure rules of shared/assessment; after close a
 * score changes only through a recorded correction.
 */
import { defineFunction } from '../../../server/common/router';
import { evaluateStaff } from './evaluateStaff';
import { myEvaluations } from './myEvaluations';
import { evaluateSection } from './evaluateSection';
import { draw } from './draw';
import { draws } from './draws';
import { spotCheck } from './spotCheck';
import { status } from './status';
import { openPeriod } from './openPeriod';
import { close } from './close';
import { result } from './result';
import { ranking } from './ranking';
import { correct } from './correct';

/** The assessment function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('assessment', {
  evaluateStaff,
  myEvaluations,
  evaluateSection,
  draw,
  draws,
  spotCheck,
  status,
  openPeriod,
  close,
  result,
  ranking,
  correct,
});

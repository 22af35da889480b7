/**
 * ratings (企业评): the satisfaction campaign — a stratified random sample of above-scale industrial enterprises and
 * the key projects' enterprises drawn from a committed seed, a one-time mini-program code for each, the rating the
 * code opens, and scores per cadre and section that keep each rater's answers to itself.
 */
import { defineFunction } from '../../../server/common/router';
import { close, codes, create, draw, get, list } from './campaign';
import { form, results, submit } from './rate';

/** The ratings function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('ratings', { create, draw, close, list, get, codes, form, submit, results });

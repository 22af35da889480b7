/**
 * votes: the year-end democratic evaluation (民主测评) — 班子测评 and 干部互评, secret, one ballot per voter.
 *
 * Casting a ballot costs four database operations on a warm instance (binding, roll entry, ballot, roll update;
 * the open campaign's settings are cached, being immutable once open) inside one transaction, so that a ballot and
 * the "has voted" mark are written together or not at all, and a second ballot by the same voter conflicts on the
 * roll entry and is refused.
 */
import { defineTimedFunction } from '../../../server/common/router';
import { list } from './list';
import { get } from './get';
import { create } from './create';
import { open } from './open';
import { close, onTimer } from './close';
import { qrcode } from './qrcode';
import { ballot } from './ballot';
import { submit } from './submit';
import { turnout } from './turnout';
import { results } from './results';
import { checkReceipt } from './checkReceipt';

/**
 * The votes function's action table (who may call each action: shared/access.ts), and its timer (config.json), which
 * seals the campaigns that closed on their time.
 */
export const main = defineTimedFunction('votes', { list, get, create, open, close, qrcode, ballot, submit, turnout, results, checkReceipt }, onTimer);

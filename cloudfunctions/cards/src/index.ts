/** cards: red and yellow cards (红黄牌) — the rules propose, the leadership issues, withholds and lifts (shared/cards). */
import { defineFunction } from '../../../server/common/router';
import { issue, lift, withhold } from './decide';
import { cards, proposals } from './read';

/** The cards function's action table; who may call each action is shared/access.ts. */
export const main = defineFunction('cards', { proposals, issue, withhold, lift, cards });

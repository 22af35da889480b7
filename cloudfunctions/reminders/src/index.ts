/**
 * reminders: timed reminders as subscribe messages (订阅消息) — one's subscriptions, the admin's view of the runs,
 * and the run itself, which the timer trigger in config.json fires (shared/reminders).
 */
import { defineTimedFunction } from '../../../server/common/router';
import { onTimer, run, runs } from './run';
import { mine, subscribe } from './subscriptions';

/** The reminders function's action table (who may call each: shared/access.ts), and its timed run. */
export const main = defineTimedFunction('reminders', { subscribe, mine, runs, run }, onTimer);

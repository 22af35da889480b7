/**
 * Generated input for every action of every function (tests/support/sweep.ts), through the local cloud and the
 * real SDK, against the demo park with records of every kind (tests/support/fixture.ts).
 *
 * A report kind once always failed while the tests covered visits only; this closes that class. Valid input,
 * generated from each action's contract and naming records that exist, is never answered INTERNAL, a success
 * always matches the output schema, every action succeeds for some inputs and so does every value of its enum
 * and boolean fields. Hostile input — wrong types, fields missing or extra, huge strings, deep nesting,
 * `__proto__`, NaN and Infinity, unknown enum values, huge arrays — is refused with a coded error and a Chinese
 * message, and the whole store stays as it was.
 *
 * Hostile input goes first, on the store as the fixture left it; valid input then writes as it may. The figures of
 * each action are printed at the end. `SWEEP_SEED=<n>` replays another set of inputs; `SWEEP_DEBUG=1` also prints,
 * per action, why generated inputs were refused by the schema, successes by variant, and the first problems.
 *
 * Every action can succeed in this scene, so every one must: the fixture sees to it (a past quarter ready to close,
 * a closed quarter to correct, campaigns closed with ballots and receipts, unused invite codes, pending
 * applications, draws to spot-check from).
 */
import { startTestCloud, type TestCloud } from '../support/cloud';
import { sweepFixture } from '../support/fixture';
import { ACTIONS, Sweep, figuresTable, totals, type ActionFigures } from '../support/sweep';

/** Inputs per action: valid ones, and generated hostile ones (the hand-picked hostile ones come on top). */
const BUDGET = { valid: 200, hostile: 100 };
/**
 * Fewer valid inputs, two at a time, where each success costs seconds here: votes.qrcode renders a 600 px
 * mini-program code, and pngjs inside jest's sandbox takes about 1.5 s for one (50 ms in plain node, as in
 * `npm run bench`), on the local cloud's main thread, where six at once stall every other request; ratings.codes
 * renders a page of ten.
 */
const SLOW: Record<string, number> = { 'votes.qrcode': 20, 'ratings.codes': 4 };
const SEED = Number(process.env.SWEEP_SEED ?? 20_260_701);

/**
 * Values of enum and boolean fields that cannot succeed in this scene, as `fn.action.field=value`, with why. None:
 * every kind of report, indicator, application, decision, pool, target, correction and campaign succeeds.
 */
const VARIANTS_THAT_CANNOT_SUCCEED: Record<string, string> = {};

/** Actions that cannot succeed in this scene at all, with why and where their success is tested. */
const ACTIONS_THAT_CANNOT_SUCCEED: Record<string, string> = {
  'park.setup': 'the sweep’s park is set up, and set-up is refused for ever once it is (tests/cloudfunctions/park-setup.test.ts sets one up)',
};

let t: TestCloud;
let sweep: Sweep;
const rows = new Map<string, ActionFigures>();
const row = (fn: ActionFigures['fn'], action: string): ActionFigures => {
  const key = `${fn}.${action}`;
  const r = rows.get(key) ?? { fn, action };
  rows.set(key, r);
  return r;
};

beforeAll(async () => {
  t = await startTestCloud();
  sweep = new Sweep(t, await sweepFixture(t), { ...BUDGET, seed: SEED, concurrency: 6, nasty: true });
}, 180_000);

afterAll(async () => {
  const all = [...rows.values()];
  if (process.env.SWEEP_DEBUG)
    console.log(
      JSON.stringify(
        all.map((r) => [r.fn, r.action, r.valid?.rejectedBy, r.valid?.variants, r.valid?.problems.slice(0, 3), r.hostile?.problems.slice(0, 3)]),
      ),
    );
  console.log(`generated sweep, seed ${SEED}\n${figuresTable(all)}\n${JSON.stringify(totals(all))}`);
  await t?.stop();
});

describe('hostile input to any action is refused with a coded error in Chinese, and changes nothing', () => {
  it.each(ACTIONS)(
    '%s.%s',
    async (fn, action) => {
      const h = await sweep.hostile(fn, action);
      row(fn, action).hostile = h;
      expect(h.problems.slice(0, 10)).toEqual([]);
      expect(h.generated - h.accepted).toBe(BUDGET.hostile);
      expect(h.refused + h.platform).toBe(h.tried);
      expect(h.storeChanges).toBe(0);
    },
    120_000,
  );
});

describe('valid input to any action never fails inside, answers as its contract says, and succeeds in every variant', () => {
  it.each(ACTIONS)(
    '%s.%s',
    async (fn, action) => {
      const n = SLOW[`${fn}.${action}`] ?? BUDGET.valid;
      const v = await sweep.valid(fn, action, n, n < BUDGET.valid ? 2 : undefined);
      row(fn, action).valid = v;
      expect(v.problems.slice(0, 10)).toEqual([]);
      expect(v.tried).toBe(n);
      if (ACTIONS_THAT_CANNOT_SUCCEED[`${fn}.${action}`]) expect(v.succeeded).toBe(0);
      else expect(v.succeeded).toBeGreaterThan(0);
      const never = Object.entries(ACTIONS_THAT_CANNOT_SUCCEED[`${fn}.${action}`] ? {} : v.variants).flatMap(([field, byValue]) =>
        Object.entries(byValue)
          .filter(([value, count]) => count === 0 && !VARIANTS_THAT_CANNOT_SUCCEED[`${fn}.${action}.${field}=${value}`])
          .map(([value]) => `${field}=${value}`),
      );
      expect(never).toEqual([]);
    },
    180_000,
  );
});

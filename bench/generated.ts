/**
 * Generated inputs (tests/support/sweep.ts, the same generators as tests/cloudfunctions/generated.test.ts, fewer
 * of them): every action called with valid inputs derived from its contract and with hostile ones, through the
 * gateway, the function host and the real SDK, against the demo park and the sweep's fixture. Figures, not
 * pass/fail: actions, inputs tried, successes, INTERNAL replies, store changes after hostile input.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { seedDemo } from '../demo/seed';
import { cloudClient } from '../tests/support/client';
import { sweepFixture } from '../tests/support/fixture';
import { ACTIONS, Sweep, totals, type ActionFigures } from '../tests/support/sweep';
import type * as LocalCloud from '../localcloud/src/index';

type LocalCloudModule = typeof LocalCloud;

/** Inputs per action here: a smaller sweep than the test's. */
const PER_ACTION = { valid: 50, hostile: 50 };
const SEED = 20_260_701;

export async function generatedSweep(lc: LocalCloudModule, root: string): Promise<void> {
  console.log(`\n## Generated inputs: ${PER_ACTION.valid} valid + ${PER_ACTION.hostile} hostile per action, seed ${SEED} (tests/support/sweep.ts)`);
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-sweep-bench-'));
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true });
  try {
    seedDemo(cloud.store, Date.now());
    const t = cloudClient(cloud);
    const started = performance.now();
    const sweep = new Sweep(t, await sweepFixture(t), { ...PER_ACTION, seed: SEED, concurrency: 6, nasty: false });
    const rows: ActionFigures[] = ACTIONS.map(([fn, action]) => ({ fn, action }));
    // hostile input first, on the store as the fixture left it; valid input then writes as it may
    for (const r of rows) r.hostile = await sweep.hostile(r.fn, r.action);
    for (const r of rows) r.valid = await sweep.valid(r.fn, r.action);
    const s = totals(rows);
    const seconds = (performance.now() - started) / 1000;
    console.log(`actions                         ${s.actions}`);
    console.log(
      `inputs tried                    ${s.validTried + s.hostileTried} (${s.validTried} valid, ${s.hostileTried} hostile) in ${seconds.toFixed(0)} s`,
    );
    console.log(`valid: succeeded                ${s.succeeded} (the rest: coded refusals by business rules: NOT_FOUND, CONFLICT, CLOSED…)`);
    console.log(`valid: generated and refused    ${s.validRejected} by the input schema before sending (refinements)`);
    console.log(`hostile: refused                ${s.refused} with a coded error in Chinese, ${s.platform} by the platform (over 100 KB, too deep)`);
    console.log(`INTERNAL                        ${s.internal}`);
    console.log(`store changes after hostile     ${s.storeChanges}`);
    const never = rows.filter((r) => r.valid?.succeeded === 0).map((r) => `${r.fn}.${r.action}`);
    console.log(`actions that never succeeded    ${never.length ? never.join(', ') : 'none'}`);
    const problems = rows.flatMap((r) => [...(r.valid?.problems ?? []), ...(r.hostile?.problems ?? [])].map((p) => `${r.fn}.${r.action}: ${p}`));
    console.log(`problems                        ${problems.length}${problems.length ? `\n  ${problems.slice(0, 10).join('\n  ')}` : ''}`);
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * A local cloud for a test file: its own temp data folder and port, the real cloud functions (built into
 * cloudfunctions/<name>/index.js) and the real wx-server-sdk, loaded with the demo park. Calls go through the
 * gateway exactly as the H5 client makes them.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { listDemoPeople, seedDemo } from '../../demo/seed';
import { PLANS, startLocalCloud, unmeteredDatabase, type LocalCloud, type Plan, type PlanName } from '../../localcloud/src/index';
import { cloudClient, type CloudClient } from './client';

export const repoRoot = join(__dirname, '..', '..');

export { data, postJson } from './client';

export interface TestCloud extends CloudClient {
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The plan of the tests' clouds: the basic plan's 20 instances of a function, the database unmetered. A test runs
 * a day of clicking in seconds, far over the basic plan's 30 database requests a second; what the platform does at
 * its limits is tested in tests/localcloud/limits.test.ts. A test can name another plan.
 */
export const TEST_PLAN: Plan = unmeteredDatabase(PLANS.basic);

export async function startTestCloud(
  opts: { seed?: boolean; now?: number; h5?: boolean; plan?: PlanName | Plan; functionEnv?: Record<string, Record<string, string>> } = {},
): Promise<TestCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-test-'));
  // listDemoPeople is called on requests, after the cloud is assigned
  const cloud: LocalCloud = await startLocalCloud({
    dataDir,
    functionsDir: join(repoRoot, 'cloudfunctions'),
    port: 0,
    // the tests sign in as demo people through the gateway's dev login
    demo: true,
    plan: opts.plan ?? TEST_PLAN,
    ...(opts.h5 ? { h5Dir: join(repoRoot, 'client', 'dist', 'h5') } : {}),
    listDemoPeople: () => listDemoPeople(cloud.store),
    ...(opts.functionEnv ? { functionEnv: opts.functionEnv } : {}),
  });
  const c = cloud;
  if (opts.seed !== false) seedDemo(c.store, opts.now ?? Date.now());

  return {
    ...cloudClient(c),
    dataDir,
    stop: async () => {
      await c.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

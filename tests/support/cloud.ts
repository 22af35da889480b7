/**
 * A local cloud for a test file: its own temp data folder and port, the real cloud functions (built into
 * cloudfunctions/<name>/index.js) and the real wx-server-sdk, loaded with the demo park. Calls go through the
 * gateway exactly as the H5 client makes them.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { listDemoPeople, seedDemo } from '../../demo/seed';
import { startLocalCloud, type LocalCloud } from '../../localcloud/src/index';
import { cloudClient, type CloudClient } from './client';

export const repoRoot = join(__dirname, '..', '..');

export { data, postJson } from './client';

export interface TestCloud extends CloudClient {
  dataDir: string;
  stop(): Promise<void>;
}

export async function startTestCloud(opts: { seed?: boolean; now?: number; h5?: boolean } = {}): Promise<TestCloud> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-test-'));
  // listDemoPeople is called on requests, after the cloud is assigned
  const cloud: LocalCloud = await startLocalCloud({
    dataDir,
    functionsDir: join(repoRoot, 'cloudfunctions'),
    port: 0,
    // the tests sign in as demo people through the gateway's dev login
    demo: true,
    ...(opts.h5 ? { h5Dir: join(repoRoot, 'client', 'dist', 'h5') } : {}),
    listDemoPeople: () => listDemoPeople(cloud.store),
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

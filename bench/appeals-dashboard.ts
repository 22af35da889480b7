/**
 * The leaders' 诉求看板 for a park with 5,000 appeals in the last twelve months: time of `appeals.dashboard` through
 * the gateway, the function host and the real SDK, and its database requests (a thousand records a query at
 * most, the platform's cap, and only the fields the figures need).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { demoOpenid } from '../demo/park';
import { seedDemo } from '../demo/seed';
import { filedAppeal, type AppealDoc } from '../shared/appeals/appeal';
import { LIBRARY_CALENDARS } from '../shared/common/holidays';
import { seededRandom } from '../shared/common/random';
import { WorkCalendar, type YearCalendar } from '../shared/common/workdays';
import type * as LocalCloud from '../localcloud/src/index';

type LocalCloudModule = typeof LocalCloud;
const APPEALS = 5000;
const DAY = 86_400_000;

export async function appealsDashboard(lc: LocalCloudModule, root: string): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-dashboard-bench-'));
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true });
  try {
    const now = Date.now();
    seedDemo(cloud.store, now);
    const year = new Date(now).getUTCFullYear();
    const cal = new WorkCalendar([year - 1, year, year + 1].map((y) => LIBRARY_CALENDARS.get(y)).filter((c): c is YearCalendar => c !== undefined));
    const rnd = seededRandom(3);
    const docs: AppealDoc[] = Array.from({ length: APPEALS }, (_, i) => {
      const at = now - Math.floor(rnd() * 360 * DAY);
      const a = filedAppeal(
        {
          id: `APB${i}`,
          enterprise: { _id: `E${String((i % 200) + 1).padStart(3, '0')}`, name: '基准测试企业' },
          filer: null,
          assignee: { _id: 'M009', name: '基准测试干部', sectionId: 'S01' },
          category: 'labour',
          text: '基准测试诉求：急需招工',
          photoFileIds: [],
          at,
        },
        cal,
      );
      if (rnd() < 0.95 && at + 5 * DAY < now) {
        return {
          ...a,
          status: 'confirmed',
          acceptedAt: at + rnd() * DAY,
          resolvedAt: at + 3 * DAY,
          confirmedAt: at + 4 * DAY,
          rating: { level: 5, comment: '', at: at + 4 * DAY },
        };
      }
      return a;
    });
    cloud.store.insertMany('appeals', docs);
    const post = async (path: string, body: unknown, token?: string) =>
      (await (
        await fetch(`${cloud.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
          body: JSON.stringify(body),
        })
      ).json()) as { token?: string; result?: { code: number | string; data?: { total: { received: number } } } };
    const leader = String((await post('/api/dev/login', { openid: demoOpenid('M001') })).token);
    await post('/api/call', { name: 'appeals', data: { action: 'dashboard', input: { months: 1 } } }, leader); // warm the instance
    const before = cloud.usage().dbRequests;
    const t0 = performance.now();
    const r = await post('/api/call', { name: 'appeals', data: { action: 'dashboard', input: { months: 12 } } }, leader);
    const ms = performance.now() - t0;
    if (r.result?.code !== 0) throw new Error(`appeals.dashboard: ${JSON.stringify(r)}`);
    console.log(`\n## 诉求看板 over ${cloud.store.count('appeals')} appeals (${APPEALS} in the last twelve months)`);
    console.log(
      `appeals.dashboard, 12 months: ${(ms / 1000).toFixed(2)} s, ${cloud.usage().dbRequests - before} database requests ` +
        `(pages of at most 1000), ${r.result.data?.total.received ?? 0} appeals counted — function timeout 10 s`,
    );
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

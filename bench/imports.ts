/**
 * A park's first afternoon on the basic plan's limits: the 组织员 redeems the set-up code, then imports 12 sections,
 * a roster of 500 and a directory of 2,000 enterprises from Excel — upload, preview, confirm (as many calls as the
 * confirmation takes). Printed: each call's time against its function's timeout (60 s), the database requests of
 * each step and their rate against the plan's 30 a second, refusals for load, and the day's reads and writes.
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import writeXlsxFile from 'write-excel-file/node';
import { creditCodeOf } from '../shared/park/credit-code';
import type * as LocalCloud from '../localcloud/src/index';

type LocalCloudModule = typeof LocalCloud;
const CODE = 'bench-setup-code-0123456789';
const SECTIONS = 12;
const PEOPLE = 500;
const ENTERPRISES = 2000;

const creditCode = (n: number): string => creditCodeOf(n + 7919);

export async function importsBench(lc: LocalCloudModule, root: string, planName: LocalCloud.PlanName = 'basic'): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-imports-bench-'));
  const cloud = await lc.startLocalCloud({
    dataDir,
    functionsDir: join(root, 'cloudfunctions'),
    port: 0,
    demo: true,
    plan: planName,
    functionEnv: { park: { YARDSTICK_SETUP_CODE: CODE } },
  });
  try {
    const post = async (path: string, body: unknown, token?: string) =>
      (await (
        await fetch(`${cloud.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
          body: JSON.stringify(body),
        })
      ).json()) as { token?: string; result?: { code: number | string; message?: string; data?: Record<string, unknown> } };
    const { token } = (await post('/api/dev/login', { newUser: true })) as { token: string };
    const call = async (name: string, action: string, input: object) => {
      const t0 = performance.now();
      const r = await post('/api/call', { name, data: { action, input } }, token);
      const ms = performance.now() - t0;
      if (r.result?.code !== 0) throw new Error(`${name}.${action}: ${JSON.stringify(r.result ?? r)}`);
      return { data: r.result.data ?? {}, ms };
    };
    await call('park', 'setup', { code: CODE, parkName: '基准测试园区', adminName: '基准组织员', staffNo: 'A0001' });
    const sectionNames = Array.from({ length: SECTIONS }, (_, i) => `基准股室${String(i + 1).padStart(2, '0')}`);
    const files: [string, string[][]][] = [
      ['sections', [['股室名称', '编号', '排序'], ...sectionNames.map((n, i) => [n, `S${String(i + 1).padStart(2, '0')}`, String(i + 1)])]],
      [
        'people',
        [
          ['姓名', '工号', '股室', '岗位', '角色'],
          ...Array.from({ length: PEOPLE }, (_, i) => [
            `基准人员${i}`,
            `B${String(i).padStart(4, '0')}`,
            sectionNames[i % SECTIONS] ?? '',
            '一级主办',
            i < SECTIONS ? '股室负责人' : '干部',
          ]),
        ],
      ],
      [
        'enterprises',
        [
          ['企业名称', '统一社会信用代码', '所属行业', '是否规上', '包联干部'],
          ...Array.from({ length: ENTERPRISES }, (_, i) => [
            `基准测试${i}号制造有限公司`,
            creditCode(i),
            '智能装备',
            i % 3 === 0 ? '是' : '否',
            `B${String(SECTIONS + (i % (PEOPLE - SECTIONS))).padStart(4, '0')}`,
          ]),
        ],
      ],
    ];
    console.log(
      `\n## A park's first afternoon on the ${cloud.plan.label} plan: set-up, then ${SECTIONS} sections, ${PEOPLE} people and ${ENTERPRISES} enterprises from Excel`,
    );
    for (const [kind, rows] of files) {
      const bytes = await writeXlsxFile([rows.map((r) => r.map((value) => ({ type: String, value })))] as never, {
        buffer: true,
        sheets: ['Sheet1'],
      });
      const cloudPath = `imports/A0001/bench-${kind}.xlsx`;
      const up = (await (
        await fetch(`${cloud.url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
          method: 'POST',
          headers: { 'x-session': token, 'content-type': 'application/octet-stream' },
          body: new Uint8Array(bytes),
        })
      ).json()) as { fileID: string };
      const before = cloud.usage();
      const started = performance.now();
      const preview = await call('imports', 'preview', { kind, fileId: up.fileID });
      const afterPreview = cloud.usage().dbRequests;
      const commits: number[] = [];
      let plan = preview.data;
      while (plan.status !== 'done') {
        const c = await call('imports', 'commit', { planId: plan.planId as string });
        commits.push(c.ms);
        plan = c.data;
      }
      const seconds = (performance.now() - started) / 1000;
      const u = cloud.usage();
      const requests = u.dbRequests - before.dbRequests;
      const refused = Object.values(u.refusals).reduce((s, n) => s + n, 0) - Object.values(before.refusals).reduce((s, n) => s + n, 0);
      console.log(
        `${kind} (${rows.length - 1} rows, ${(bytes.length / 1024).toFixed(0)} KB): preview ${(preview.ms / 1000).toFixed(1)} s, ${afterPreview - before.dbRequests} requests; ` +
          `confirm in ${commits.length} call${commits.length > 1 ? 's' : ''} of ${commits.map((ms) => (ms / 1000).toFixed(1)).join(' / ')} s (each of 60 s); ` +
          `in all ${seconds.toFixed(1)} s, ${requests} database requests (${(requests / seconds).toFixed(1)} a second of the plan's ${cloud.plan.dbQps}), ${refused} refused for load and retried in place`,
      );
    }
    const u = cloud.usage();
    console.log(
      `the afternoon: ${u.reads} reads of ${cloud.plan.dbReadsPerDay} (${((u.reads / cloud.plan.dbReadsPerDay) * 100).toFixed(1)}%), ` +
        `${u.writes} writes of ${cloud.plan.dbWritesPerDay} (${((u.writes / cloud.plan.dbWritesPerDay) * 100).toFixed(1)}%); ` +
        `in the store ${cloud.store.count('sections')} sections, ${cloud.store.count('members')} people, ${cloud.store.count('enterprises')} enterprises`,
    );
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

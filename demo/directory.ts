/**
 * The demo park's people and directory arrive the way a real park's do: its 组织员 (李玥, M002) redeems the set-up
 * code, then imports the office's three files — 股室名录, 人员花名册, 企业名录 — through the imports function
 * (upload, preview, confirm). `npm start` does this on every first start, so every start exercises the path a
 * park takes; tests/demo/directory.test.ts checks it yields exactly the directory the demo describes.
 */
import writeXlsxFile from 'write-excel-file/node';
import type { Reply } from '../shared/common/errors';
import { exportRows, type Directory } from '../shared/imports/plan';
import { IMPORT_KINDS, TEMPLATES, type ImportKind } from '../shared/imports/templates';
import type { MemberDoc } from '../shared/members/member';
import type { EnterpriseDoc, ParkDoc, SectionDoc } from '../shared/park/park';
import { demoOpenid, type DemoPark } from './park';

export const DEMO_ADMIN = 'M002';

/** The three files as the office would keep them: the export's columns, every cell text. */
export async function demoFiles(dir: Directory): Promise<Record<ImportKind, Buffer>> {
  const out = {} as Record<ImportKind, Buffer>;
  for (const kind of IMPORT_KINDS) {
    const rows = exportRows(kind, dir).map((r) => r.map((v) => ({ type: String, value: v })));
    out[kind] = await writeXlsxFile([rows] as never, { buffer: true, sheets: [TEMPLATES[kind].file] });
  }
  return out;
}

async function post(url: string, path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, unknown>;
}

async function call<T>(url: string, token: string, name: string, action: string, input: unknown): Promise<T> {
  const r = await post(url, '/api/call', { name, data: { action, input } }, token);
  const result = r.result as Reply<T> | undefined;
  if (result?.code === 0) return result.data;
  throw new Error(`${name}.${action}: ${result ? result.message : JSON.stringify(r)}`);
}

/** Set-up and the three imports, through the gateway as the demo's 组织员 on their phone (the dev sign-in). */
export async function importDemoDirectory(url: string, setupCode: string, demo: DemoPark): Promise<Record<ImportKind, number>> {
  const park = {
    sections: (demo.sections ?? []) as SectionDoc[],
    members: (demo.members ?? []) as MemberDoc[],
    enterprises: (demo.enterprises ?? []) as EnterpriseDoc[],
    park: (demo.park ?? []) as ParkDoc[],
  };
  const token = String((await post(url, '/api/dev/login', { openid: demoOpenid(DEMO_ADMIN) })).token);
  const admin = park.members.find((m) => m._id === DEMO_ADMIN);
  if (!admin) throw new Error('the demo has no 组织员');
  await call(url, token, 'park', 'setup', {
    code: setupCode,
    parkName: park.park[0]?.name ?? '演示园区',
    adminName: admin.name,
    staffNo: DEMO_ADMIN,
  });
  const files = await demoFiles({ sections: park.sections, members: park.members, enterprises: park.enterprises });
  // the sections first without their overseeing leaders (nobody is on the roster yet), then the roster and the
  // enterprises, then the sections' file once more: only the 分管领导 column changes anything the second time
  const unled = await demoFiles({ sections: park.sections.map((s) => ({ ...s, leaderId: null })), members: [], enterprises: [] });
  const order: [ImportKind, Buffer][] = [
    ['sections', unled.sections],
    ['people', files.people],
    ['enterprises', files.enterprises],
    ['sections', files.sections],
  ];
  const counts = {} as Record<ImportKind, number>;
  for (const [kind, file] of order) {
    const cloudPath = `imports/${DEMO_ADMIN}/demo-${kind}-${Object.keys(counts).length}.xlsx`;
    const up = await fetch(`${url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
      method: 'POST',
      headers: { 'x-session': token, 'content-type': 'application/octet-stream' },
      body: new Uint8Array(file),
    });
    const { fileID } = (await up.json()) as { fileID?: string };
    if (!fileID) throw new Error(`uploading the demo's ${kind} file failed (${up.status})`);
    let plan = await call<{
      planId: string;
      problems: { row: number; column: string | null; message: string }[];
      status: string;
      adds: number;
      updates: number;
    }>(url, token, 'imports', 'preview', { kind, fileId: fileID });
    if (plan.problems.length > 0)
      throw new Error(`the demo's ${kind} file: ${plan.problems.map((p) => `第${p.row}行 ${p.column ?? ''} ${p.message}`).join('; ')}`);
    counts[kind] = (counts[kind] ?? 0) + plan.adds + plan.updates;
    while (plan.status !== 'done') plan = await call(url, token, 'imports', 'commit', { planId: plan.planId });
  }
  return counts;
}

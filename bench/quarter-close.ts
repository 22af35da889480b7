/**
 * Closing a quarter (issue 3): time and database requests of `assessment.close` through the gateway, the function
 * host and the real SDK, for the demo park and for a park ten times larger. Evaluations are written straight into
 * the store beforehand (setting the scene is not what is measured).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { demoOpenid, demoPark } from '../demo/park';
import { BATCH } from '../shared/assessment/config';
import type { SectionEvaluationDoc, StaffEvaluationDoc } from '../shared/assessment/evaluations';
import { dayjs, quarterOf } from '../shared/common/time';
import type { DossierDoc } from '../shared/dossier/dossier';
import type { ChecklistDoc } from '../shared/indicators/checklist';
import type { MemberDoc } from '../shared/members/member';
import type { SectionDoc } from '../shared/park/park';
import type * as LocalCloud from '../localcloud/src/index';

type LocalCloudModule = typeof LocalCloud;
type Docs = Record<string, { _id: string }[]>;

/** The demo park with its sections, cadres and this quarter's checklists and dossiers copied `factor` times. */
function scaled(park: Docs, factor: number, periodId: string): Docs {
  const out: Docs = { ...park };
  const sections = park.sections as SectionDoc[];
  const members = park.members as MemberDoc[];
  const cadres = members.filter((m) => m.roles.includes('cadre'));
  const checklists = (park.checklists as ChecklistDoc[]).filter((c) => c.periodId === periodId);
  const dossiers = (park.dossiers as DossierDoc[]).filter((d) => d.periodId === periodId);
  for (let k = 1; k < factor; k += 1) {
    const sid = (id: string) => `${id}x${k}`;
    const mid = (id: string) => `${id}x${k}`;
    out.sections = [...(out.sections ?? []), ...sections.map((s) => ({ ...s, _id: sid(s._id), name: `${s.name}${k}`, order: s.order + k * 100 }))];
    out.members = [...(out.members ?? []), ...cadres.map((m) => ({ ...m, _id: mid(m._id), sectionId: m.sectionId ? sid(m.sectionId) : null }))];
    out.checklists = [
      ...(out.checklists ?? []),
      ...checklists.map((c) => ({ ...c, _id: `${periodId}_${mid(c.memberId)}`, memberId: mid(c.memberId), sectionId: sid(c.sectionId) })),
    ];
    out.dossiers = [
      ...(out.dossiers ?? []),
      ...dossiers.map((d) => ({ ...d, _id: `${periodId}_${mid(d.memberId)}`, memberId: mid(d.memberId), sectionId: sid(d.sectionId) })),
    ];
  }
  return out;
}

function evaluations(park: Docs, periodId: string): { staff: StaffEvaluationDoc[]; sections: SectionEvaluationDoc[] } {
  const members = park.members as MemberDoc[];
  const leaders = members.filter((m) => m.roles.includes('leader'));
  return {
    staff: members
      .filter((m) => m.roles.includes('cadre'))
      .map((m, i) => ({
        _id: `${periodId}_${m._id}`,
        periodId,
        memberId: m._id,
        sectionId: m.sectionId ?? '',
        score: 75 + (i % 23),
        grades: {},
        actuals: {},
        comment: '',
        by: 'bench',
        at: 0,
      })),
    sections: (park.sections as SectionDoc[]).flatMap((s, i) =>
      leaders.map((l) => ({
        _id: `${periodId}_${s._id}_${l._id}`,
        periodId,
        sectionId: s._id,
        leaderId: l._id,
        score: 80 + (i % 17),
        comment: '',
        at: 0,
      })),
    ),
  };
}

async function closeOnce(lc: LocalCloudModule, root: string, factor: number): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'yardstick-close-bench-'));
  const cloud = await lc.startLocalCloud({ dataDir, functionsDir: join(root, 'cloudfunctions'), port: 0, demo: true });
  try {
    const now = Date.now();
    const periodId = quarterOf(now);
    const park = scaled(demoPark(now), factor, periodId);
    const ev = evaluations(park, periodId);
    for (const [name, docs] of Object.entries({ ...park, staffEvaluations: ev.staff, sectionEvaluations: ev.sections })) {
      cloud.store.insertMany(name, docs);
    }
    const cadres = (park.members as MemberDoc[]).filter((m) => m.roles.includes('cadre')).length;
    const post = async (path: string, body: unknown, token?: string) =>
      (await (
        await fetch(`${cloud.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { 'x-session': token } : {}) },
          body: JSON.stringify(body),
        })
      ).json()) as { token?: string; result?: { code: number | string; message?: string } };
    const admin = String((await post('/api/dev/login', { openid: demoOpenid('M002') })).token);
    await post('/api/call', { name: 'assessment', data: { action: 'status', input: {} } }, admin); // warm the instance

    // Opening next quarter: checklists fixed a batch per call, the page calling again until none is missing.
    const next = quarterOf(dayjs().add(3, 'month').valueOf());
    const openBefore = cloud.requestCounts();
    const o0 = performance.now();
    let calls = 0;
    for (;;) {
      calls += 1;
      const r = (await post('/api/call', { name: 'assessment', data: { action: 'openPeriod', input: { periodId: next } } }, admin)) as {
        result?: { code: number | string; data?: { checklistsMissing: number } };
      };
      if (r.result?.code !== 0) throw new Error(`openPeriod failed: ${JSON.stringify(r)}`);
      if ((r.result.data?.checklistsMissing ?? 0) === 0 || calls > 50) break;
    }
    const openMs = performance.now() - o0;
    const openAfter = cloud.requestCounts();
    const openTotal = Object.keys(openAfter).reduce((s, k) => s + (openAfter[k] ?? 0) - (openBefore[k] ?? 0), 0);
    console.log(
      `${`open next quarter, ${factor === 1 ? 'demo park' : `${factor}× park`}`.padEnd(52)} ${(openMs / 1000).toFixed(2).padStart(6)} s  ` +
        `${openTotal} database requests in ${calls} call(s), at most ${BATCH.checklistsPerCall} checklists a call`,
    );

    const before = cloud.requestCounts();
    const t0 = performance.now();
    const r = await post('/api/call', { name: 'assessment', data: { action: 'close', input: { periodId } } }, admin);
    const ms = performance.now() - t0;
    if (r.result?.code !== 0) throw new Error(`close failed: ${JSON.stringify(r)}`);
    const after = cloud.requestCounts();
    const total = Object.keys(after).reduce((s, k) => s + (after[k] ?? 0) - (before[k] ?? 0), 0);
    const gets = (after['database.getDocument'] ?? 0) - (before['database.getDocument'] ?? 0);
    const writes = (after['database.modifyDocument'] ?? 0) - (before['database.modifyDocument'] ?? 0);
    console.log(
      `${`quarter close, ${factor === 1 ? 'demo park' : `${factor}× park`} (${cadres} cadres, ${(park.sections ?? []).length} sections)`.padEnd(52)} ${(ms / 1000).toFixed(2).padStart(6)} s  ` +
        `${total} database requests (${gets} reads, ${writes} writes) — function timeout 30 s`,
    );
  } finally {
    await cloud.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function quarterClose(lc: LocalCloudModule, root: string): Promise<void> {
  console.log('\n## Quarter open and close (assessment.openPeriod / close through the real SDK)');
  await closeOnce(lc, root, 1);
  await closeOnce(lc, root, 10);
}

/**
 * The demo park's key projects (重点项目): the report's ten, each with the standard milestones planned from its
 * signing and reached up to where it stands today — two lagging (the report's 砂石码头项目 among them), two landed
 * well inside the park's baseline landing cycle, the 预制构件厂房项目 due for its trial run this quarter — and their
 * owners' claims. Milestones reached on time this quarter are in the owners' dossiers, as projects.reach puts them.
 */
import { acceptsReports } from '../shared/assessment/period';
import { dayjs, parkInstant, quarterRange } from '../shared/common/time';
import { applyReport, type DossierDoc, type ReportDoc } from '../shared/dossier/dossier';
import type { MemberDoc } from '../shared/members/member';
import type { EnterpriseDoc } from '../shared/park/park';
import { STANDARD_MILESTONES } from '../shared/projects/config';
import { creditedOwners, reachedOnTime, type Milestone } from '../shared/projects/milestone';
import { claimId, type ClaimDoc, type ProjectDoc } from '../shared/projects/project';

/** Planned days from signing to each standard milestone: 450 days to production, against the baseline's 540. */
const PLAN_OFFSETS = [0, 60, 120, 150, 360, 450];

/** [name, milestones reached, days since signing, owner names (the report's first)]. */
const PROJECTS: [string, number, number][] = [
  // reached up to construction; the trial run was planned 60 days ago and has not happened: lagging
  ['砂石码头项目', 4, 420],
  // the trial run falls due this quarter (宋博华: "确保完成四季度预制构件厂房项目试运行的目标任务")
  ['预制构件厂房项目', 4, 330],
  ['伊戈尔电气智能制造二期', 4, 250],
  // landed
  ['固电电子片式元器件扩产', 6, 520],
  ['大族激光装备产业园', 5, 380],
  // permits planned 30 days ago, not granted: lagging
  ['德基新材料生产线', 2, 150],
  ['园区标准厂房四期', 4, 300],
  // landed
  ['共享电动车停放点改造', 6, 470],
  ['园区污水处理厂提标', 3, 135],
  ['数字化转型公共服务平台', 5, 440],
];

export interface DemoProjects {
  projects: ProjectDoc[];
  claims: ClaimDoc[];
}

function day(d: dayjs.Dayjs): string {
  return d.format('YYYY-MM-DD');
}

export function demoProjects(now: number, today: string, enterprises: EnterpriseDoc[], members: MemberDoc[], rnd: () => number): DemoProjects {
  const owners = members.filter((m) => m.bound && m.roles.includes('cadre') && (m.sectionId === 'S06' || m.sectionId === 'S07'));
  const song = members.find((m) => m.name === '宋博华');
  const projects: ProjectDoc[] = [];
  const claims: ClaimDoc[] = [];
  PROJECTS.forEach(([name, reached, sinceSigning], i) => {
    const signing = dayjs(today).subtract(sinceSigning, 'day');
    let last = signing;
    const milestones: Milestone[] = STANDARD_MILESTONES.map((s, k) => {
      const planned = signing.add(PLAN_OFFSETS[k] ?? 0, 'day');
      if (k >= reached) return { key: s.key, name: s.name, planned: day(planned), actual: null };
      // mostly on time or a little early, now and then some weeks late; never ahead of today or of the one before
      const slip = k === 0 ? 0 : rnd() < 0.7 ? -Math.floor(rnd() * 12) : Math.floor(rnd() * 25) + 1;
      let actual = planned.add(slip, 'day');
      if (actual.isBefore(last)) actual = last;
      if (actual.isAfter(dayjs(today))) actual = dayjs(today);
      last = actual;
      return { key: s.key, name: s.name, planned: day(planned), actual: day(actual) };
    });
    const id = `P${String(i + 1).padStart(2, '0')}`;
    const signedAt = parkInstant(day(signing), '09:00');
    projects.push({
      _id: id,
      name,
      enterpriseId: (enterprises[i % 8] as EnterpriseDoc)._id,
      milestones,
      log: milestones
        .filter((m) => m.actual !== null)
        .map((m) => ({
          at: Math.min(parkInstant(m.actual as string, '17:00'), now - 60_000),
          by: 'M002',
          byName: '李玥',
          text: `填报「${m.name}」实际完成 ${m.actual}`,
        })),
      createdAt: signedAt,
      updatedAt: now - 60_000,
    });
    // one to three owners, who claimed the project when it was signed
    const picked = new Set<MemberDoc>();
    if (song && (i === 0 || i === 1)) picked.add(song);
    const n = 1 + Math.floor(rnd() * 3);
    while (picked.size < n && owners.length > 0) picked.add(owners[Math.floor(rnd() * owners.length)] as MemberDoc);
    for (const m of picked) {
      claims.push({ _id: claimId(id, m._id), projectId: id, memberId: m._id, sectionId: m.sectionId ?? '', at: signedAt - 86_400_000 });
    }
  });
  return { projects, claims };
}

/** The on-time milestones of `periodId` in their owners' dossiers, as projects.reach counts them. */
export function countMilestones(
  { projects, claims }: DemoProjects,
  periodId: string,
  dossiers: DossierDoc[],
  reports: ReportDoc[],
  members: MemberDoc[],
  now: number,
): void {
  const { first, last } = quarterRange(periodId);
  const dossierOf = new Map(dossiers.map((d) => [d.memberId, d]));
  for (const d of dossiers) d.progress.project_milestone = 0;
  if (!acceptsReports(periodId, { status: 'open' }, now)) return;
  for (const p of projects) {
    for (const ms of p.milestones) {
      if (!ms.actual || ms.actual < first || ms.actual > last || !reachedOnTime(ms)) continue;
      for (const c of creditedOwners(
        claims.filter((x) => x.projectId === p._id),
        ms.actual,
      )) {
        const d = dossierOf.get(c.memberId);
        const m = members.find((x) => x._id === c.memberId);
        if (!d || !m) continue;
        Object.assign(d, applyReport(d, 'project_milestone', null));
        reports.push({
          _id: `RPT-MS-${p._id}-${ms.key}-${m._id}`,
          memberId: m._id,
          sectionId: m.sectionId ?? '',
          periodId,
          kind: 'project_milestone',
          date: ms.actual,
          enterpriseId: null,
          enterpriseName: null,
          projectId: p._id,
          projectName: p.name,
          note: `「${ms.name}」按期完成（计划${ms.planned}，实际${ms.actual}）`,
          photoFileIds: [],
          createdAt: Math.min(parkInstant(ms.actual, '17:00'), now - 60_000),
        });
      }
    }
  }
}

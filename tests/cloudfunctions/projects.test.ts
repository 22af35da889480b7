/**
 * Key projects (重点项目) through the local cloud and the real SDK: an owner records a milestone reached; on time it
 * moves the "重点项目进展达速" target of every owner who had claimed the project before, late or claimed after it
 * does not; only owners and the admin record, in order, once; the admin's plan cannot re-date what was reached;
 * a lagging project shows to its owners, their section head and leaders, not to another section; the dashboard's
 * landing cycle comes from the milestones.
 */
import { dayOf, quarterOf } from '../../shared/common/time';
import { dossierId, type DossierDoc, type ReportDoc } from '../../shared/dossier/dossier';
import type { MemberDoc } from '../../shared/members/member';
import { parkLanding } from '../../shared/projects/dashboard';
import { creditedOwners } from '../../shared/projects/milestone';
import type { ClaimDoc, ProjectDoc } from '../../shared/projects/project';
import { data, startTestCloud, type TestCloud } from '../support/cloud';

let t: TestCloud;
const find = async <T>(coll: string, q: object = {}) => (await t.cloud.store.find(coll, q)) as T[];
const one = async <T>(coll: string, q: object) => {
  const [doc] = await find<T>(coll, q);
  if (!doc) throw new Error(`nothing in ${coll} for ${JSON.stringify(q)}`);
  return doc;
};
const progress = async (memberId: string) =>
  (await find<DossierDoc>('dossiers', { _id: dossierId(quarterOf(Date.now()), memberId) }))[0]?.progress.project_milestone ?? 0;
/** What a refused call must leave as it was. */
const state = async () => JSON.stringify(await Promise.all(['projects', 'claims', 'dossiers', 'reports'].map((c) => find(c))));

beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.stop());

/** A project of the demo, its owners, a cadre of another section who owns nothing there, and the heads. */
async function cast(projectName: string) {
  const project = await one<ProjectDoc>('projects', { name: projectName });
  const claims = await find<ClaimDoc>('claims', { projectId: project._id });
  const owner = await one<MemberDoc>('members', { _id: claims[0]?.memberId ?? '' });
  const ownerSections = new Set(claims.map((c) => c.sectionId));
  const members = await find<MemberDoc>('members', { active: true, bound: true });
  const outsider = members.find((m) => m.roles.includes('cadre') && !m.roles.includes('sectionHead') && !ownerSections.has(m.sectionId ?? ''));
  const head = members.find((m) => m.roles.includes('sectionHead') && m.sectionId === owner.sectionId);
  const otherHead = members.find((m) => m.roles.includes('sectionHead') && !ownerSections.has(m.sectionId ?? ''));
  if (!outsider || !head || !otherHead) throw new Error('demo park lacks the cast');
  return {
    project,
    claims,
    owner,
    outsider,
    ownerToken: await t.as(owner._id),
    outsiderToken: await t.as(outsider._id),
    head: await t.as(head._id),
    otherHead: await t.as(otherHead._id),
    leader: await t.as('M001'),
    admin: await t.as('M002'),
  };
}

const next = (p: ProjectDoc) => {
  const m = p.milestones.find((x) => x.actual === null);
  if (!m) throw new Error(`${p.name} has landed`);
  return m;
};

describe('a milestone reached', () => {
  it('on time moves every earlier owner’s target once; a claim made today earns nothing', async () => {
    // the 预制构件厂房项目's trial run falls due this quarter, ahead of today
    const c = await cast('预制构件厂房项目');
    const m = next(c.project);
    expect(m.planned && m.planned >= dayOf(Date.now())).toBe(true);
    const late = data(await t.call(c.outsiderToken, 'projects', 'claim', { projectId: c.project._id, claim: true }));
    expect(late.claimed).toBe(true);
    const before = new Map(
      await Promise.all([...c.claims.map((x) => x.memberId), c.outsider._id].map(async (id) => [id, await progress(id)] as const)),
    );

    const view = data(
      await t.call(c.ownerToken, 'projects', 'reach', { projectId: c.project._id, key: m.key, actual: dayOf(Date.now()), note: '试运行一次成功' }),
    );
    expect(view.milestones.find((x) => x.key === m.key)).toMatchObject({ actual: dayOf(Date.now()), state: 'on_time' });
    expect(view.log[0]?.text).toContain(`填报「${m.name}」实际完成`);
    for (const cl of c.claims) expect(await progress(cl.memberId)).toBe((before.get(cl.memberId) ?? 0) + 1);
    expect(await progress(c.outsider._id)).toBe(before.get(c.outsider._id));
    const [report] = await find<ReportDoc>('reports', { _id: `RPT-MS-${c.project._id}-${m.key}-${c.owner._id}` });
    expect(report).toMatchObject({ kind: 'project_milestone', projectId: c.project._id, projectName: c.project.name });

    // recorded once: a second time, by another owner or the admin, is a conflict and counts nothing more
    const again = await t.call(c.admin, 'projects', 'reach', { projectId: c.project._id, key: m.key, actual: dayOf(Date.now()) });
    expect(again).toMatchObject({ code: 'CONFLICT' });
    for (const cl of c.claims) expect(await progress(cl.memberId)).toBe((before.get(cl.memberId) ?? 0) + 1);
  });

  it('recorded by two at once counts once', async () => {
    const c = await cast('数字化转型公共服务平台');
    const m = next(c.project);
    const before = await progress(c.owner._id);
    const input = { projectId: c.project._id, key: m.key, actual: dayOf(Date.now()) };
    const replies = await Promise.all([t.call(c.ownerToken, 'projects', 'reach', input), t.call(c.admin, 'projects', 'reach', input)]);
    expect(replies.map((r) => r.code).sort()).toEqual([0, 'CONFLICT']);
    expect(await progress(c.owner._id)).toBe(before + 1);
    const reports = await find<ReportDoc>('reports', { projectId: c.project._id, memberId: c.owner._id });
    expect(reports.filter((r) => r._id.includes(`-${m.key}-`))).toHaveLength(1);
  });

  it('late moves no target, and the project stops lagging', async () => {
    const c = await cast('砂石码头项目');
    const m = next(c.project);
    const list = data(await t.call(c.ownerToken, 'projects', 'list', { filter: 'lagging' }));
    expect(list.items.map((i) => i.id)).toContain(c.project._id);
    const before = await progress(c.owner._id);
    const view = data(await t.call(c.ownerToken, 'projects', 'reach', { projectId: c.project._id, key: m.key, actual: dayOf(Date.now()) }));
    const reached = view.milestones.find((x) => x.key === m.key);
    expect(reached?.state).toBe('late');
    expect(reached?.days).toBeGreaterThan(0);
    expect(await progress(c.owner._id)).toBe(before);
    expect(view.status.next?.key).toBe('production');
  });

  it('is refused, changing nothing, for a non-owner, out of order, ahead of today or before the last one', async () => {
    const c = await cast('伊戈尔电气智能制造二期');
    const m = next(c.project);
    const after = c.project.milestones[c.project.milestones.indexOf(m) + 1];
    const prev = c.project.milestones[c.project.milestones.indexOf(m) - 1];
    const snapshot = await state();
    const tomorrow = dayOf(Date.now() + 86_400_000);
    const cases = [
      [c.outsiderToken, { key: m.key, actual: dayOf(Date.now()) }, 'FORBIDDEN', '只有项目认领人或组织员可以填报节点完成情况'],
      [c.ownerToken, { key: after?.key ?? '', actual: dayOf(Date.now()) }, 'INVALID_INPUT', `请先填报「${m.name}」的实际完成日期`],
      [c.ownerToken, { key: m.key, actual: tomorrow }, 'INVALID_INPUT', '实际完成日期不能晚于今天'],
      [c.ownerToken, { key: m.key, actual: '2020-01-01' }, 'INVALID_INPUT', `实际完成日期不能早于「${prev?.name}」（${prev?.actual}）`],
      [c.ownerToken, { key: 'nope', actual: dayOf(Date.now()) }, 'NOT_FOUND', '该项目没有这个节点'],
    ] as const;
    for (const [token, input, code, message] of cases) {
      expect(await t.call(token, 'projects', 'reach', { projectId: c.project._id, ...input })).toMatchObject({ code, message });
    }
    expect(await state()).toBe(snapshot);
  });
});

describe('a milestone corrected (the admin, with a reason)', () => {
  it('taken back, the owners’ credits go; reached again, they come back; re-dated on time, they stand', async () => {
    // the trial run the first test recorded today, on time
    const c = await cast('预制构件厂房项目');
    const m = [...c.project.milestones].reverse().find((x) => x.actual !== null);
    if (!m) throw new Error('nothing reached');
    // the owners it credited (one who claimed it the same day earned nothing)
    const owners = (await find<ReportDoc>('reports', { projectId: c.project._id, kind: 'project_milestone' }))
      .filter((r) => r._id === `RPT-MS-${c.project._id}-${m.key}-${r.memberId}`)
      .map((r) => r.memberId);
    expect(owners.length).toBeGreaterThan(0);
    const before = new Map(await Promise.all(owners.map(async (id) => [id, await progress(id)] as const)));
    const ref = { projectId: c.project._id, key: m.key };

    const snapshot = await state();
    const refused = [
      [c.ownerToken, { ...ref, actual: null, reason: '填报有误' }, 'FORBIDDEN'],
      [c.admin, { ...ref, actual: m.actual, reason: '填报有误' }, 'INVALID_INPUT', '与原填报日期相同，无需更正'],
      [c.admin, { ...ref, actual: dayOf(Date.now() + 86_400_000), reason: '填报有误' }, 'INVALID_INPUT', '实际完成日期不能晚于今天'],
      [c.admin, { ...ref, actual: null, reason: '' }, 'INVALID_INPUT', '请填写理由（至少2个字）'],
      [c.admin, { ...ref, key: c.project.milestones[c.project.milestones.length - 1]?.key ?? '', actual: null, reason: '填报有误' }, 'CONFLICT'],
    ] as const;
    for (const [token, input, code, message] of refused) {
      expect(await t.call(token, 'projects', 'correct', input)).toMatchObject(message ? { code, message } : { code });
    }
    expect(await state()).toBe(snapshot);

    const back = data(await t.call(c.admin, 'projects', 'correct', { ...ref, actual: null, reason: '试运行未通过验收，撤回' }));
    expect(back.milestones.find((x) => x.key === m.key)).toMatchObject({ actual: null });
    expect(back.log[0]?.text).toBe(
      `更正「${m.name}」实际完成日期 ${m.actual} → 未完成：试运行未通过验收，撤回（收回${owners.length}人的进展达速计分）`,
    );
    for (const id of owners) expect(await progress(id)).toBe((before.get(id) ?? 0) - 1);
    expect(await find('reports', { _id: `RPT-MS-${c.project._id}-${m.key}-${c.owner._id}` })).toEqual([]);
    // an earlier milestone cannot be taken back while a later one stands
    const prev = c.project.milestones[c.project.milestones.indexOf(m) - 1];

    data(await t.call(c.ownerToken, 'projects', 'reach', { ...ref, actual: dayOf(Date.now()), note: '复验通过' }));
    for (const id of owners) expect(await progress(id)).toBe(before.get(id));
    if (prev?.actual) {
      expect(
        await t.call(c.admin, 'projects', 'correct', { projectId: c.project._id, key: prev.key, actual: null, reason: '填报有误' }),
      ).toMatchObject({
        code: 'INVALID_INPUT',
        message: `「${m.name}」已完成，请先更正它`,
      });
      // re-dated to the day the one before it was reached: still on time, the credits stand
      const redated = data(await t.call(c.admin, 'projects', 'correct', { ...ref, actual: prev.actual, reason: '实际完成日期填错' }));
      expect(redated.milestones.find((x) => x.key === m.key)).toMatchObject({ actual: prev.actual, state: 'on_time' });
      for (const id of owners) expect(await progress(id)).toBe(before.get(id));
    }
    // the trail has each correction, and the check finds the records agreeing with it
    const admin = c.admin;
    const trail = data(await t.call(admin, 'audit', 'log', {}));
    expect(trail.entries.filter((e) => e.kind === 'projects.correct').length).toBeGreaterThanOrEqual(1);
    const verified = data(await t.call(admin, 'audit', 'verify', {}));
    expect(verified).toMatchObject({ ok: true });
  });
});

describe('a late milestone re-dated on time', () => {
  it('credits the owners who had claimed the project before that day, in the current quarter', async () => {
    // the 砂石码头项目's milestone reached late today (above)
    const c = await cast('砂石码头项目');
    const m = [...c.project.milestones].reverse().find((x) => x.actual !== null);
    if (!m?.planned) throw new Error('nothing reached late');
    const credited = creditedOwners(c.claims, m.planned).map((x) => x.memberId);
    expect(credited.length).toBeGreaterThan(0);
    const before = new Map(await Promise.all(c.claims.map(async (x) => [x.memberId, await progress(x.memberId)] as const)));
    const view = data(
      await t.call(c.admin, 'projects', 'correct', { projectId: c.project._id, key: m.key, actual: m.planned, reason: '按监理日志更正实际完成日期' }),
    );
    expect(view.milestones.find((x) => x.key === m.key)).toMatchObject({ actual: m.planned, state: 'on_time' });
    expect(view.log[0]?.text).toContain(`${credited.length}人计入`);
    for (const x of c.claims) expect(await progress(x.memberId)).toBe((before.get(x.memberId) ?? 0) + (credited.includes(x.memberId) ? 1 : 0));
    // and back to late: the credits go again
    data(
      await t.call(c.admin, 'projects', 'correct', { projectId: c.project._id, key: m.key, actual: m.actual, reason: '监理日志有误，恢复原日期' }),
    );
    for (const x of c.claims) expect(await progress(x.memberId)).toBe(before.get(x.memberId));
  });
});

describe('the plan', () => {
  it('the admin re-plans what is ahead; what was reached keeps its date, and the log says what changed', async () => {
    const c = await cast('园区标准厂房四期');
    const rows = c.project.milestones.map(({ key, name, planned }) => ({ key, name, planned }));
    const reached = c.project.milestones.filter((m) => m.actual !== null);
    const snapshot = await state();
    // a day earlier, still after the milestone before it: only the rule on reached milestones refuses it
    const dayBefore = (d: string | null) => dayOf(Date.parse(`${d}T12:00:00+08:00`) - 86_400_000);
    const redated = rows.map((r) => (r.key === reached[1]?.key ? { ...r, planned: dayBefore(r.planned) } : r));
    expect(await t.call(c.admin, 'projects', 'plan', { projectId: c.project._id, milestones: redated })).toMatchObject({
      code: 'INVALID_INPUT',
      message: `「${reached[1]?.name}」已完成，计划日期不能再改`,
    });
    expect(await t.call(c.ownerToken, 'projects', 'plan', { projectId: c.project._id, milestones: rows })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await state()).toBe(snapshot);

    const added = [...rows.slice(0, -1), { key: null, name: '环保验收', planned: rows[rows.length - 1]?.planned ?? null }, ...rows.slice(-1)];
    const view = data(await t.call(c.admin, 'projects', 'plan', { projectId: c.project._id, milestones: added }));
    expect(view.milestones.map((m) => m.name)).toContain('环保验收');
    expect(view.milestones.find((m) => m.name === '环保验收')?.key).toMatch(/^m\d+$/);
    expect(view.log[0]?.text).toContain('新增「环保验收」');
  });
});

describe('who is shown a lagging project', () => {
  it('its owners, their section head and leaders; not the head of a section that owns none of it', async () => {
    const c = await cast('德基新材料生产线');
    const id = c.project._id;
    const lagging = async (token: string) => data(await t.call(token, 'projects', 'list', { filter: 'lagging' })).items.map((i) => i.id);
    expect(await lagging(c.ownerToken)).toContain(id);
    expect(await lagging(c.head)).toContain(id);
    expect(await lagging(c.leader)).toContain(id);
    expect(await lagging(c.otherHead)).not.toContain(id);
    expect(await lagging(c.outsiderToken)).not.toContain(id);
    const item = data(await t.call(c.leader, 'projects', 'list', { filter: 'lagging' })).items.find((i) => i.id === id);
    expect(item?.status).toMatchObject({ lagging: true, laggingName: next(c.project).name });
  });
});

describe('the leaders’ figures', () => {
  it('the landing cycle of the projects that landed against the baseline the admin set', async () => {
    const admin = await t.as('M002');
    data(await t.call(admin, 'projects', 'saveSettings', { landingBaselineDays: 600 }));
    const d = data(await t.call(admin, 'projects', 'dashboard', { months: 12 }));
    const projects = await find<ProjectDoc>('projects');
    expect(d.landing).toEqual(parkLanding(projects, 600));
    expect(d.landing.landed).toBeGreaterThan(0);
    expect(d.landing.shorterPercent).toBeGreaterThan(0);
    expect(d.months).toHaveLength(12);
    expect(d.lagging.length).toBeGreaterThan(0);
    expect(await t.call(await t.as('M001'), 'projects', 'saveSettings', { landingBaselineDays: 100 })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a cadre’s own report', () => {
  it('cannot claim a project milestone: it counts from the project', async () => {
    const c = await cast('园区污水处理厂提标');
    const r = await t.call(c.ownerToken, 'dossier', 'record', {
      kind: 'project_milestone',
      date: dayOf(Date.now()),
      note: '项目进展顺利',
    } as never);
    expect(r).toMatchObject({ code: 'INVALID_INPUT' });
    expect(JSON.stringify(r)).toContain('自动计入');
  });
});

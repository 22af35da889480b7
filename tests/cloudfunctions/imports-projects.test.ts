/**
 * The key projects' file (重点项目台账) through the local cloud, and a project stopped (终止): the 台账 previewed
 * with every row's problems, written with its owners on confirmation, the same file again changing nothing, an edited
 * one changing what was edited (in the project's log and the trail); the export importing back unchanged; a stopped
 * project out of the lists, its owners' reach refused, its milestones not lagging, and restored whole.
 */
import readXlsxFile from 'read-excel-file/node';
import { dayOf } from '../../shared/common/time';
import { TEMPLATES } from '../../shared/imports/templates';
import type { ClaimDoc, ProjectDoc } from '../../shared/projects/project';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { uploadImport, xlsx, type SheetCell } from '../support/xlsx';

let t: TestCloud;
let admin: string;
const ADMIN = 'M002';
/** Two cadres of the demo park, on the roster by their 工号. */
const OWNER_A = 'M009';
const OWNER_B = 'M010';
beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as(ADMIN);
}, 60_000);
afterAll(() => t.stop());

const HEADERS = TEMPLATES.projects.columns.map((c) => c.header);
const upload = async (rows: SheetCell[][]) => uploadImport(t, admin, ADMIN, await xlsx(rows));
const preview = async (fileId: string) => t.call(admin, 'imports', 'preview', { kind: 'projects', fileId });
const projects = () => t.cloud.store.find('projects') as unknown as ProjectDoc[];
const claims = () => t.cloud.store.find('claims') as unknown as ClaimDoc[];
const snapshot = () => ['projects', 'claims'].map((c) => JSON.stringify(t.cloud.store.find(c))).join('\n');
const enterprise = () => {
  const e = (t.cloud.store.find('enterprises') as unknown as { _id: string; name: string; creditCode?: string }[]).find((x) => x.creditCode);
  if (!e?.creditCode) throw new Error('the demo park has no enterprise with a credit code');
  return e as { _id: string; name: string; creditCode: string };
};

/** A row of the 台账: the named columns, the rest empty. */
function row(cells: Record<string, string>): string[] {
  return HEADERS.map((h) => cells[h] ?? '');
}

const today = dayOf(Date.now());
const TWO = () => [
  HEADERS,
  row({
    项目名称: '台账测试甲项目',
    项目编号: 'PX01',
    所属企业: enterprise().creditCode,
    责任干部: `${OWNER_A}、${OWNER_B}`,
    签约完成日期: '2026-06-01',
    签约计划日期: '2026-06-01',
    供地计划日期: '2027-02-01',
    投产计划日期: '2028-06-30',
  }),
  row({ 项目名称: '台账测试乙项目', 项目编号: 'PX02', 所属企业: enterprise().name, 开工建设计划日期: '2027-05-01' }),
];

describe('the 台账 imported', () => {
  it('lists every row’s problems by row and column before anything is written', async () => {
    const before = snapshot();
    const plan = data(
      await preview(
        await upload([
          HEADERS,
          row({ 项目名称: '问题项目一', 所属企业: '不存在的企业有限公司' }),
          // planned dates going back; an owner who is no cadre (the admin)
          row({ 项目名称: '问题项目二', 所属企业: enterprise().name, 供地计划日期: '2027-05-01', 施工许可计划日期: '2027-01-01', 责任干部: ADMIN }),
          // reached before signing; an actual date after today
          row({ 项目名称: '问题项目三', 所属企业: enterprise().name, 供地完成日期: '2026-01-01' }),
          row({ 项目名称: '问题项目四', 所属企业: enterprise().name, 签约完成日期: '2099-01-01' }),
          row({ 项目名称: '问题项目五', 所属企业: enterprise().name, 投产计划日期: '明年' }),
        ]),
      ),
    );
    expect(plan.problems.map((p) => `${p.row}:${p.column ?? ''}`)).toEqual([
      '2:所属企业',
      '3:责任干部',
      '3:施工许可计划日期',
      '4:供地完成日期',
      '5:签约完成日期',
      '6:投产计划日期',
    ]);
    expect(plan.problems[3]?.message).toMatch(/请先填报「签约」/);
    expect(plan.problems[4]?.message).toMatch(/不能晚于今天/);
    expect(plan.confirmable).toBe(false);
    expect(snapshot()).toBe(before);
  });

  it('writes the projects with their owners on confirmation; the same file again changes nothing', async () => {
    const plan = data(await preview(await upload(TWO())));
    expect(plan).toMatchObject({ rows: 2, adds: 2, updates: 0, problemCount: 0, confirmable: true });
    expect(projects().some((p) => p.code === 'PX01')).toBe(false);
    expect(data(await t.call(admin, 'imports', 'commit', { planId: plan.planId }))).toMatchObject({ status: 'done', applied: 2 });
    const a = projects().find((p) => p.code === 'PX01');
    expect(a).toMatchObject({ name: '台账测试甲项目', enterpriseId: enterprise()._id, active: true });
    expect(a?.milestones.map((m) => [m.key, m.planned, m.actual])).toEqual([
      ['signing', '2026-06-01', '2026-06-01'],
      ['land', '2027-02-01', null],
      ['permits', null, null],
      ['construction', null, null],
      ['trial', null, null],
      ['production', '2028-06-30', null],
    ]);
    expect(a?.log.map((l) => l.text)).toEqual(['由重点项目台账导入']);
    // the owners claim from the import on: the signing, before it, credits neither of them
    expect(
      claims()
        .filter((c) => c.projectId === a?._id)
        .map((c) => c.memberId)
        .sort(),
    ).toEqual([OWNER_A, OWNER_B]);
    expect(t.cloud.store.count('reports', { _id: { $regex: `^RPT-MS-${a?._id ?? ''}` } })).toBe(0);
    const again = data(await preview(await upload(TWO())));
    expect(again).toMatchObject({ adds: 0, updates: 0, unchanged: 2, confirmable: false });
  });

  it('an edited file changes exactly what was edited: a planned date and an owner taken out', async () => {
    const rows = TWO();
    const at = (h: string) => HEADERS.indexOf(h);
    (rows[1] as string[])[at('供地计划日期')] = '2027-03-01';
    (rows[1] as string[])[at('责任干部')] = OWNER_A;
    const plan = data(await preview(await upload(rows)));
    expect(plan.changes).toEqual([{ op: 'update', row: 2, label: '台账测试甲项目（PX01）', fields: ['责任干部', '供地计划日期'] }]);
    data(await t.call(admin, 'imports', 'commit', { planId: plan.planId }));
    const a = projects().find((p) => p.code === 'PX01');
    expect(a?.milestones.find((m) => m.key === 'land')?.planned).toBe('2027-03-01');
    expect(a?.log.at(-1)?.text).toBe('按重点项目台账更新：责任干部、供地计划日期');
    expect(
      claims()
        .filter((c) => c.projectId === a?._id)
        .map((c) => c.memberId),
    ).toEqual([OWNER_A]);
  });

  it('refuses what a cell cannot carry: an actual date changed, a reached milestone’s plan redrawn', async () => {
    const rows = TWO();
    const at = (h: string) => HEADERS.indexOf(h);
    (rows[1] as string[])[at('签约完成日期')] = '2026-05-01';
    (rows[1] as string[])[at('签约计划日期')] = '2026-07-01';
    const before = snapshot();
    const plan = data(await preview(await upload(rows)));
    expect(plan.problems.map((p) => [p.column, p.message])).toEqual([
      ['签约完成日期', expect.stringMatching(/完成日期在系统中是2026-06-01.*在项目中办理/)],
      ['签约计划日期', expect.stringMatching(/已完成，计划日期不能再改/)],
    ]);
    expect(snapshot()).toBe(before);
  });

  it('the export imports back to the same projects, changing nothing', async () => {
    const file = data(await t.call(admin, 'imports', 'export', { kind: 'projects' }));
    const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer());
    const sheets = await readXlsxFile(bytes);
    expect(sheets[0]?.data[0]).toEqual(HEADERS);
    expect(sheets[0]?.data.length).toBe(projects().length + 1);
    const plan = data(await preview(await uploadImport(t, admin, ADMIN, bytes)));
    expect(plan).toMatchObject({ problemCount: 0, adds: 0, updates: 0, unchanged: projects().length, confirmable: false });
  });
});

describe('a project stopped (终止)', () => {
  it('leaves the lists, refuses its owners, lags no more, and comes back whole when restored', async () => {
    const a = projects().find((p) => p.code === 'PX01');
    if (!a) throw new Error('the imported project is missing');
    // make it lag: its 供地 planned yesterday
    const yesterday = dayOf(Date.now() - 86_400_000);
    const plan = a.milestones.map((m) => ({ key: m.key, name: m.name, planned: m.key === 'land' ? yesterday : m.planned }));
    data(await t.call(admin, 'projects', 'plan', { projectId: a._id, milestones: plan }));
    const owner = await t.as(OWNER_A);
    const lagging = async () => data(await t.call(admin, 'projects', 'list', { filter: 'lagging' })).items.map((i) => i.id);
    expect(await lagging()).toContain(a._id);

    expect(await t.call(admin, 'projects', 'retire', { projectId: a._id, reason: 'x', restore: false })).toMatchObject({ code: 'INVALID_INPUT' });
    const stopped = data(await t.call(admin, 'projects', 'retire', { projectId: a._id, reason: '企业撤回投资', restore: false }));
    expect(stopped).toMatchObject({ stopped: true, mayPlan: false, mayReach: false, status: { lagging: false } });
    expect(stopped.log[0]?.text).toBe('终止项目：企业撤回投资');
    expect(await lagging()).not.toContain(a._id);
    expect(data(await t.call(admin, 'projects', 'list', { filter: 'all' })).items.map((i) => i.id)).not.toContain(a._id);
    expect(data(await t.call(admin, 'projects', 'list', { filter: 'stopped' })).items.map((i) => i.id)).toEqual([a._id]);
    expect(await t.call(owner, 'projects', 'reach', { projectId: a._id, key: 'land', actual: today, note: '' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/已终止/),
    });
    expect(await t.call(admin, 'projects', 'retire', { projectId: a._id, reason: '再次终止', restore: false })).toMatchObject({ code: 'CONFLICT' });
    const trail = data(await t.call(admin, 'audit', 'log', {})).entries;
    expect(trail[0]).toMatchObject({ kindLabel: '终止与恢复项目', reason: '企业撤回投资' });

    const restored = data(await t.call(admin, 'projects', 'retire', { projectId: a._id, reason: '企业恢复投资', restore: true }));
    expect(restored).toMatchObject({ stopped: false, status: { lagging: true } });
    expect(restored.milestones.find((m) => m.key === 'land')?.planned).toBe(yesterday);
    expect(await lagging()).toContain(a._id);
  });
});

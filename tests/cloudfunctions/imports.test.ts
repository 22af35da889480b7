/**
 * The imports function through the local cloud: a file uploaded as the phone uploads it, read by the function
 * from storage, previewed with every row's problems before anything is written, written all or nothing on
 * confirmation, matched by key so that importing again changes nothing; hostile files refused with a clear
 * message; exports in the template's columns that import back to the same directory.
 */
import readXlsxFile from 'read-excel-file/node';
import { IMPORT, TEMPLATES } from '../../shared/imports/templates';
import { data, startTestCloud, type TestCloud } from '../support/cloud';
import { creditCode, uploadImport, xlsx, type SheetCell } from '../support/xlsx';

let t: TestCloud;
let admin: string;
const ADMIN = 'M002';
beforeAll(async () => {
  t = await startTestCloud();
  admin = await t.as(ADMIN);
}, 60_000);
afterAll(() => t.stop());

const upload = async (rows: SheetCell[][]) => uploadImport(t, admin, ADMIN, await xlsx(rows));
const preview = async (kind: 'sections' | 'people' | 'enterprises', fileId: string) => t.call(admin, 'imports', 'preview', { kind, fileId });
const snapshot = () => ['sections', 'members', 'enterprises'].map((c) => JSON.stringify(t.cloud.store.find(c))).join('\n');
const ENT = ['企业名称', '统一社会信用代码', '所属行业', '是否规上', '包联干部'];
/** The code with its check character mistyped. */
const misread = (code: string) => `${code.slice(0, 17)}${code.endsWith('1') ? '2' : '1'}`;
const docs = (coll: string) => t.cloud.store.find(coll) as unknown as { _id: string }[];

async function download(url: string): Promise<Buffer> {
  return Buffer.from(await (await fetch(url)).arrayBuffer());
}

describe('a template to download', () => {
  it('has the Chinese headers, one example row, and a sheet saying how to fill each column', async () => {
    const file = data(await t.call(admin, 'imports', 'template', { kind: 'people' }));
    expect(file.fileName).toBe('人员花名册（导入模板）.xlsx');
    const sheets = await readXlsxFile(await download(file.url));
    expect(sheets[0]?.data).toEqual([TEMPLATES.people.columns.map((c) => c.header), TEMPLATES.people.columns.map((c) => c.example)]);
    expect(sheets[1]?.sheet).toBe('填写说明');
    expect(sheets[1]?.data[1]).toEqual(['姓名', '必填', '2至20个字']);
  });
});

describe('hostile files: a clear Chinese message, and nothing written', () => {
  it.each([
    ['not an xlsx', async () => uploadImport(t, admin, ADMIN, Buffer.from('姓名,工号\n张三,1')), /不是 Excel 工作簿/],
    ['a zip that is no workbook', async () => uploadImport(t, admin, ADMIN, Buffer.from('504b03040000', 'hex')), /不是 Excel 工作簿/],
    ['over the size limit', async () => uploadImport(t, admin, ADMIN, Buffer.alloc(IMPORT.maxBytes + 1, 0x50)), /文件超过2MB/],
    [
      'formulas',
      async () =>
        upload([
          ['股室名称', '排序'],
          ['招商服务部', { type: 'Formula', value: '1+1' }],
        ]),
      /文件含有公式（B2）/,
    ],
    [
      'merged cells',
      async () =>
        upload([
          ['股室名称', '排序'],
          [{ value: '招商服务部', span: 2 }, null],
        ]),
      /合并单元格（A2:B2）/,
    ],
  ])('%s', async (_what, make, message) => {
    const before = snapshot();
    const plans = t.cloud.store.count('importPlans');
    const r = await preview('sections', await make());
    expect(r.code).not.toBe(0);
    expect(r.code === 0 ? '' : r.message).toMatch(message);
    expect(snapshot()).toBe(before);
    expect(t.cloud.store.count('importPlans')).toBe(plans);
  });

  it('a file someone else uploaded, or one outside the imports folder, is not read', async () => {
    const cadreToken = await t.as('M009');
    const theirs = await uploadImport(t, cadreToken, 'M009', await xlsx([['股室名称'], ['招商服务部']]));
    expect(await preview('sections', theirs)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await preview('sections', 'cloud://yardstick-local.bucket/reports/M002/x.jpg')).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('preview, then all or nothing', () => {
  it('lists every row’s problems by row and column, and confirming it is refused', async () => {
    const file = await upload([
      ENT,
      ['吉安恒达电气有限公司', creditCode(501), '电气机械', '是', ''],
      ['吉安恒达电气有限公司', creditCode(502), '电气机械', '否', ''],
      ['庐陵瑞丰食品有限公司', misread(creditCode(503)), '食品加工', '否', ''],
      ['井冈鑫源新材料有限公司', creditCode(504), '新材料', '是', '不存在的人'],
    ]);
    const before = snapshot();
    const plan = data(await preview('enterprises', file));
    expect(plan.problems.map((p) => `${p.row}:${p.column ?? ''}`)).toEqual(['3:企业名称', '4:统一社会信用代码', '5:包联干部']);
    expect(plan.confirmable).toBe(false);
    expect(await t.call(admin, 'imports', 'commit', { planId: plan.planId })).toMatchObject({ code: 'CONFLICT' });
    expect(snapshot()).toBe(before);
  });

  it('writes nothing until confirmed, then every row; the same file again changes nothing', async () => {
    const rows: SheetCell[][] = [
      ENT,
      ...Array.from({ length: 30 }, (_, i) => [`生成测试${i}号电子有限公司`, creditCode(600 + i), '电子信息', i % 3 ? '否' : '是', 'M009']),
    ];
    const plan = data(await preview('enterprises', await upload(rows)));
    expect(plan).toMatchObject({ rows: 30, adds: 30, updates: 0, unchanged: 0, problemCount: 0, confirmable: true, status: 'preview' });
    expect(t.cloud.store.count('enterprises')).toBe(200);
    const done = data(await t.call(admin, 'imports', 'commit', { planId: plan.planId }));
    expect(done).toMatchObject({ status: 'done', applied: 30 });
    expect(t.cloud.store.count('enterprises')).toBe(230);
    // confirming twice (a retry after a lost reply) writes nothing more
    expect(data(await t.call(admin, 'imports', 'commit', { planId: plan.planId })).status).toBe('done');
    const again = data(await preview('enterprises', await upload(rows)));
    expect(again).toMatchObject({ adds: 0, updates: 0, unchanged: 30, confirmable: false });
  });

  it('an edited file changes exactly what was edited, and says so before', async () => {
    const rows: SheetCell[][] = [
      ENT,
      ...Array.from({ length: 30 }, (_, i) => [`生成测试${i}号电子有限公司`, creditCode(600 + i), '电子信息', i % 3 ? '否' : '是', 'M009']),
    ];
    (rows[5] as SheetCell[])[3] = '是';
    const plan = data(await preview('enterprises', await upload(rows)));
    expect(plan.changes).toEqual([{ op: 'update', row: 6, label: `生成测试4号电子有限公司（${creditCode(604)}）`, fields: ['是否规上'] }]);
    const before = docs('enterprises');
    data(await t.call(admin, 'imports', 'commit', { planId: plan.planId }));
    const changed = docs('enterprises').filter((e) => JSON.stringify(e) !== JSON.stringify(before.find((b) => b._id === e._id)));
    expect(changed).toEqual([expect.objectContaining({ name: '生成测试4号电子有限公司', aboveScale: true })]);
  });

  it('is refused when the directory changed after the preview in a way that changes the result', async () => {
    const plan = data(
      await preview(
        'sections',
        await upload([
          ['股室名称', '编号'],
          ['安全应急部', 'S50'],
        ]),
      ),
    );
    data(await t.call(admin, 'park', 'saveSection', { name: '安全应急部' }));
    expect(await t.call(admin, 'imports', 'commit', { planId: plan.planId })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/预览之后名录已有变动/),
    });
  });

  it('a large file is written over several calls, each going on where the last stopped', async () => {
    const n = IMPORT.rowsPerCall + 50;
    const rows: SheetCell[][] = [
      ENT.slice(0, 4),
      ...Array.from({ length: n }, (_, i) => [`批量测试${i}号材料有限公司`, creditCode(2000 + i), '新材料', '否']),
    ];
    const plan = data(await preview('enterprises', await upload(rows)));
    const first = data(await t.call(admin, 'imports', 'commit', { planId: plan.planId }));
    expect(first).toMatchObject({ status: 'applying', applied: IMPORT.rowsPerCall });
    const second = data(await t.call(admin, 'imports', 'commit', { planId: plan.planId }));
    expect(second).toMatchObject({ status: 'done', applied: n });
    expect(t.cloud.store.count('enterprises', { name: { $regex: '^批量测试' } })).toBe(n);
  });
});

describe('exports in the same columns', () => {
  it.each(['sections', 'people', 'enterprises'] as const)('the %s export imports back to the same directory, changing nothing', async (kind) => {
    const asked = Math.floor(Date.now() / 1000);
    const file = data(await t.call(admin, 'imports', 'export', { kind }));
    // a bearer link that lives as long as opening the file needs: 5 minutes, not the platform's day
    const life = Number(new URL(file.url).searchParams.get('t')) - asked;
    expect(life).toBeGreaterThan(200);
    expect(life).toBeLessThanOrEqual(301);
    const bytes = await download(file.url);
    const sheets = await readXlsxFile(bytes);
    expect(sheets[0]?.data[0]).toEqual(TEMPLATES[kind].columns.map((c) => c.header));
    const plan = data(await preview(kind, await uploadImport(t, admin, ADMIN, bytes)));
    expect(plan).toMatchObject({ problemCount: 0, adds: 0, updates: 0, confirmable: false });
    expect(plan.unchanged).toBe((sheets[0]?.data.length ?? 0) - 1);
  });
});

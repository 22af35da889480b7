/**
 * What an import would change (shared/imports/plan.ts), worked out from the file's cells and the directory, with
 * nothing written: each row's problems named by row and column as Excel shows them, rows matched by their key so
 * that the same file twice changes nothing and an edited file changes exactly what was edited.
 */
import { cellText, dayFromText, exportRows, planImport, type Directory } from '../../../shared/imports/plan';
import { IMPORT, TEMPLATES } from '../../../shared/imports/templates';
import type { MemberDoc } from '../../../shared/members/member';
import type { EnterpriseDoc, SectionDoc } from '../../../shared/park/park';
import { creditCode } from '../../support/xlsx';

let n = 0;
/** The park day the plans are worked out on (actual dates in the projects' file may not be later). */
const TODAY = '2026-12-08';
const newId = (prefix: string) => `${prefix}NEW${++n}`;
const section = (id: string, name: string, order: number, extra: Partial<SectionDoc> = {}): SectionDoc => ({
  _id: id,
  name,
  order,
  code: id,
  leaderId: null,
  active: true,
  ...extra,
});
const person = (id: string, name: string, roles: MemberDoc['roles'], sectionId: string | null, extra: Partial<MemberDoc> = {}): MemberDoc => ({
  _id: id,
  name,
  roles,
  sectionId,
  post: null,
  enterpriseId: null,
  active: true,
  bound: false,
  staffNo: id,
  joinedOn: null,
  ...extra,
});
const dir = (): Directory => ({
  sections: [section('S01', '党政办公室', 1), section('S02', '企业服务中心', 2)],
  members: [
    person('M001', '刘欣', ['leader'], null),
    person('M002', '李玥', ['leader', 'admin'], 'S01'),
    person('M010', '王建华', ['cadre', 'sectionHead'], 'S02'),
    person('M011', '张敏', ['cadre'], 'S02', { post: '一级主办' }),
  ],
  enterprises: [
    {
      _id: 'E001',
      name: '江西固电电子有限公司',
      industry: '电子信息',
      aboveScale: true,
      creditCode: creditCode(1),
      code: 'E001',
      liaisonId: 'M011',
      active: true,
    },
  ] as EnterpriseDoc[],
});
const PEOPLE = TEMPLATES.people.columns.map((c) => c.header);

describe('the header', () => {
  it('is found by its Chinese names in any order, a trailing * or （必填） ignored', () => {
    const plan = planImport(
      'sections',
      [
        ['排序', '股室名称*', '编号（选填）'],
        ['3', '招商服务部', 'S03'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.changes).toEqual([
      expect.objectContaining({ op: 'add', row: 2, id: 'S03', set: expect.objectContaining({ name: '招商服务部', order: 3 }) }),
    ]);
  });
  it('names a column that is not the template’s, with its letter', () => {
    const plan = planImport(
      'sections',
      [
        ['股室名称', '备注'],
        ['招商服务部', 'x'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.problems).toEqual([{ row: 1, column: null, message: expect.stringMatching(/^第B列“备注”不是本模板的列/) }]);
    expect(plan.changes).toEqual([]);
  });
  it('refuses a file without a required column, and a column twice', () => {
    expect(
      planImport(
        'people',
        [
          ['姓名', '工号'],
          ['张三', 'M100'],
        ],
        dir(),
        newId,
        TODAY,
      ).problems,
    ).toEqual([expect.objectContaining({ column: '角色', message: expect.stringMatching(/缺少必填列“角色”/) })]);
    expect(
      planImport(
        'people',
        [
          ['姓名', '角色', '姓名'],
          ['张三', '干部', '张三'],
        ],
        dir(),
        newId,
        TODAY,
      ).problems[0]?.message,
    ).toMatch(/“姓名”列出现了两次（第A列和第C列）/);
  });
  it('says when there is nothing but a header, or nothing at all', () => {
    expect(planImport('people', [PEOPLE], dir(), newId, TODAY).problems[0]?.message).toMatch(/只有表头/);
    expect(planImport('people', [], dir(), newId, TODAY).problems[0]?.message).toMatch(/没有数据/);
  });
  it('refuses more rows than one import takes, saying how many it found', () => {
    const rows = Array.from({ length: IMPORT.maxRows + 1 }, (_, i) => [`股室${i}`]);
    expect(planImport('sections', [['股室名称'], ...rows], dir(), newId, TODAY).problems).toEqual([
      { row: 0, column: null, message: `一次最多导入${IMPORT.maxRows}行，文件中有${IMPORT.maxRows + 1}行，请分批导入` },
    ]);
  });
  it('catches the template’s own example row left in', () => {
    const cols = TEMPLATES.sections.columns;
    const plan = planImport('sections', [cols.map((c) => c.header), cols.map((c) => c.example)], dir(), newId, TODAY);
    expect(plan.problems).toEqual([{ row: 2, column: null, message: '这是模板中的示例行，请删除后再导入' }]);
  });
});

describe('the roster (人员花名册)', () => {
  it('adds people, a section head being a cadre too, with the 工号 as their id', () => {
    const plan = planImport('people', [PEOPLE.slice(0, 5), ['赵六', 'M100', '党政办公室', '一级科员', '股室负责人']], dir(), newId, TODAY);
    expect(plan.problems).toEqual([]);
    expect(plan.changes[0]).toMatchObject({
      op: 'add',
      id: 'M100',
      label: '赵六（M100）',
      set: { roles: ['cadre', 'sectionHead'], sectionId: 'S01', bound: false },
    });
  });
  it('names every problem of every row, by row and column', () => {
    const plan = planImport(
      'people',
      [
        ['姓名', '工号', '股室', '角色', '入职日期'],
        ['赵', 'M100', '党政办公室', '干部', ''],
        ['钱七', 'M 101', '规划部', '科长', '2026-13-01'],
        ['孙八', '', '', '干部', ''],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.problems.map((p) => [p.row, p.column])).toEqual([
      [2, '姓名'],
      [3, '工号'],
      [3, '角色'],
      [3, '股室'],
      [3, '入职日期'],
      [4, '股室'],
    ]);
    expect(plan.problems[2]?.message).toMatch(/角色“科长”无法识别（可填：干部、股室负责人、班子成员、组织员）/);
    expect(plan.changes).toEqual([]);
  });
  it('refuses one person on two rows (the same 工号 in two sections)', () => {
    const plan = planImport(
      'people',
      [
        ['姓名', '工号', '股室', '角色'],
        ['赵六', 'M100', '党政办公室', '干部'],
        ['赵六', 'M100', '企业服务中心', '干部'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.problems).toEqual([expect.objectContaining({ row: 3, column: '工号', message: expect.stringMatching(/与第2行重复/) })]);
  });
  it('keeps a section to one head', () => {
    const plan = planImport(
      'people',
      [
        ['姓名', '工号', '股室', '角色'],
        ['赵六', 'M100', '企业服务中心', '股室负责人'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.problems[0]?.message).toMatch(/该股室已有负责人王建华/);
  });
  it('does not move anyone or change their roles: that is a change with a date and a reason', () => {
    const plan = planImport(
      'people',
      [
        ['姓名', '工号', '股室', '角色'],
        ['张敏', 'M011', '党政办公室', '干部'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.problems[0]).toMatchObject({ row: 2, column: '股室', message: expect.stringMatching(/调动请在“人员变动”中办理/) });
    const promoted = planImport(
      'people',
      [
        ['姓名', '工号', '股室', '角色'],
        ['张敏', 'M011', '企业服务中心', '干部、班子成员'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(promoted.problems[0]).toMatchObject({ column: '角色', message: expect.stringMatching(/角色变化请在“人员变动”中办理/) });
  });
  it('lets the first 组织员’s row complete the record set-up made (section and roles)', () => {
    const d = dir();
    d.members.push(person('A1', '周组织', ['admin'], null));
    const plan = planImport(
      'people',
      [
        ['姓名', '工号', '股室', '角色'],
        ['周组织', 'A1', '党政办公室', '干部、组织员'],
      ],
      d,
      newId,
      TODAY,
    );
    expect(plan.problems).toEqual([]);
    expect(plan.changes[0]).toMatchObject({ op: 'update', id: 'A1', set: { sectionId: 'S01', roles: ['cadre', 'admin'] } });
  });
  it('reads dates as offices write them, and Excel’s date cells', () => {
    expect(dayFromText('2026/3/1')).toBe('2026-03-01');
    expect(dayFromText('2026年3月1日')).toBe('2026-03-01');
    expect(dayFromText('2026.02.30')).toBeNull();
    expect(cellText(new Date(Date.UTC(2026, 2, 1)))).toBe('2026-03-01');
    expect(cellText(1001)).toBe('1001');
  });
});

describe('matching by key: the same file twice changes nothing, an edited file exactly what was edited', () => {
  it('an export imported again changes nothing, for every kind', () => {
    for (const kind of ['sections', 'people', 'enterprises'] as const) {
      const plan = planImport(kind, exportRows(kind, dir()), dir(), newId, TODAY);
      expect(plan.problems).toEqual([]);
      expect(plan.changes.every((c) => c.op === 'same')).toBe(true);
    }
  });
  it('an edited cell updates that field of that record only', () => {
    const rows = exportRows('people', dir());
    const at = rows.findIndex((r) => r[1] === 'M011');
    const post = PEOPLE.indexOf('岗位');
    (rows[at] as string[])[post] = '二级主办';
    const plan = planImport('people', rows, dir(), newId, TODAY);
    expect(plan.changes.filter((c) => c.op !== 'same')).toEqual([
      { op: 'update', row: at + 1, id: 'M011', label: '张敏（M011）', fields: ['岗位'], set: { post: '二级主办' } },
    ]);
  });
  it('a person entered without a 工号 and given one later is the same person', () => {
    const d = dir();
    d.members.push(person('MX', '吴九', ['cadre'], 'S01', { staffNo: null }));
    const plan = planImport(
      'people',
      [
        ['姓名', '工号', '股室', '角色'],
        ['吴九', '2031', '党政办公室', '干部'],
      ],
      d,
      newId,
      TODAY,
    );
    expect(plan.changes).toEqual([expect.objectContaining({ op: 'update', id: 'MX', set: { staffNo: '2031' } })]);
  });
  it('an enterprise is its credit code: a new name on the same code renames it', () => {
    const plan = planImport(
      'enterprises',
      [
        ['企业名称', '统一社会信用代码', '所属行业', '是否规上'],
        ['江西固电科技有限公司', creditCode(1), '电子信息', '是'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.changes).toEqual([expect.objectContaining({ op: 'update', id: 'E001', fields: ['企业名称'] })]);
  });
});

describe('the enterprise directory (企业名录)', () => {
  it('checks each credit code’s check character and names the row', () => {
    const wrong = `${creditCode(2).slice(0, 17)}${creditCode(2).endsWith('0') ? '1' : '0'}`;
    const plan = planImport(
      'enterprises',
      [
        ['企业名称', '统一社会信用代码', '所属行业', '是否规上'],
        ['吉安恒达电气有限公司', wrong, '电气机械', '否'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.problems).toEqual([{ row: 2, column: '统一社会信用代码', message: '统一社会信用代码校验位不符，请核对是否抄错' }]);
  });
  it('finds the liaison cadre by 工号 or name, and says when a name is ambiguous or unknown', () => {
    const d = dir();
    d.members.push(person('M012', '张敏', ['cadre'], 'S01'));
    const plan = planImport(
      'enterprises',
      [
        ['企业名称', '统一社会信用代码', '所属行业', '是否规上', '包联干部'],
        ['吉安恒达电气有限公司', creditCode(2), '电气机械', '否', 'M012'],
        ['庐陵瑞丰食品有限公司', creditCode(3), '食品加工', '否', '张敏'],
        ['井冈鑫源新材料有限公司', creditCode(4), '新材料', '是', '钱七'],
      ],
      d,
      newId,
      TODAY,
    );
    expect(plan.problems.map((p) => [p.row, p.message])).toEqual([
      [3, '干部“张敏”有2人同名，请改填工号'],
      [4, '干部“钱七”不在花名册中（或不是干部），请先导入人员'],
    ]);
  });
  it('reads 是否规上 as 是/否 (and the usual variants), and says what it cannot read', () => {
    const plan = planImport(
      'enterprises',
      [
        ['企业名称', '统一社会信用代码', '所属行业', '是否规上'],
        ['吉安恒达电气有限公司', creditCode(2), '电气机械', '大概'],
      ],
      dir(),
      newId,
      TODAY,
    );
    expect(plan.problems[0]?.message).toBe('“大概”无法识别，请填“是”或“否”');
  });
});

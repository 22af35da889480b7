/**
 * The Excel files a park's office already keeps, as Yardstick reads and writes them: one sheet, a header row of
 * Chinese column names, one row a record. The same columns make the template to download (with one example row),
 * the file the import reads, and the export — so a file exported and imported again changes nothing.
 */
import type { Role } from '../members/contract';
import { STANDARD_MILESTONES } from '../projects/config';

export const IMPORT_KINDS = ['sections', 'people', 'enterprises', 'projects'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = {
  sections: '股室',
  people: '人员花名册',
  enterprises: '企业名录',
  projects: '重点项目台账',
};

/** The kinds as a switch on a 360 px phone names them. */
export const IMPORT_KIND_SHORT: Record<ImportKind, string> = {
  sections: '股室',
  people: '人员',
  enterprises: '企业',
  projects: '项目',
};

/** The 台账's date columns: a planned and an actual date for each standard milestone, keyed `plan:<key>` / `done:<key>`. */
export const MILESTONE_COLUMNS = STANDARD_MILESTONES.flatMap((m, i) => [
  {
    header: `${m.name}计划日期`,
    key: `plan:${m.key}`,
    required: false,
    example: `2026-0${i + 3}-15`,
    note: `选填：计划${m.name}的日期，如 2026-03-15；各节点的计划日期不能早于前一节点；已完成的节点计划日期不能再改`,
  },
  {
    header: `${m.name}完成日期`,
    key: `done:${m.key}`,
    required: false,
    example: i === 0 ? '2026-03-10' : '',
    note: `选填：实际${m.name}的日期，只用于首次导入的项目（此后由责任干部在项目中填报）；须按节点顺序，不晚于今天`,
  },
]);

/** Limits of one import (each a setting here): the file, its rows, the cells. */
export const IMPORT = {
  /** A roster or a directory of a few thousand rows is well under 1 MB; more is not an office's file. */
  maxBytes: 2 * 1024 * 1024,
  /** Rows of data in one file (a county's 2,000 enterprises fit; 5,000 is refused). */
  maxRows: 3000,
  /** Unzipped size of the workbook: refuses a zip bomb before it is read. */
  maxUnzippedBytes: 40 * 1024 * 1024,
  /** Problems listed in the preview (the count says how many more). */
  problemsShown: 200,
  /** Changes listed in the preview (the counts cover them all). */
  changesShown: 100,
  /** Rows written by one commit call: 600 rows at the basic plan's 30 requests a second is 20 s of a 60 s timeout. */
  rowsPerCall: 600,
  /** A preview kept this long may be confirmed; after it, upload again. */
  planTtlMs: 24 * 3600 * 1000,
} as const;

export interface Column {
  /** The header in the file, exactly (surrounding spaces and a trailing * are ignored when reading). */
  header: string;
  key: string;
  required: boolean;
  example: string;
  /** A hint written in the template's second sheet (填写说明). */
  note: string;
}

/** The roles a roster may give (enterprise contacts are added under their enterprise, not on the roster). */
export const ROSTER_ROLES: Role[] = ['cadre', 'sectionHead', 'leader', 'admin'];

export const TEMPLATES: Record<ImportKind, { file: string; columns: Column[] }> = {
  sections: {
    file: '股室名录',
    columns: [
      { header: '股室名称', key: 'name', required: true, example: '企业服务中心', note: '2至20个字，园区内不重复' },
      { header: '编号', key: 'code', required: false, example: 'S06', note: '选填：办公室自己的编号；填写后按编号对应（可据此改名）' },
      { header: '排序', key: 'order', required: false, example: '6', note: '选填：显示顺序，数字小的在前；不填按文件中的顺序' },
      { header: '分管领导', key: 'leader', required: false, example: '刘欣', note: '选填：班子成员的工号或姓名（须已在花名册中）' },
    ],
  },
  people: {
    file: '人员花名册',
    columns: [
      { header: '姓名', key: 'name', required: true, example: '张建华', note: '2至20个字' },
      {
        header: '工号',
        key: 'staffNo',
        required: false,
        example: 'M101',
        note: '选填：工号或办公室使用的其他编号；填写后按工号对应，不填按姓名对应',
      },
      { header: '股室', key: 'section', required: false, example: '企业服务中心', note: '干部、股室负责人必填；须是股室名录中的名称' },
      { header: '岗位', key: 'post', required: false, example: '一级主办', note: '选填，不超过20字' },
      {
        header: '角色',
        key: 'roles',
        required: true,
        example: '干部',
        note: '干部、股室负责人、班子成员、组织员，可填多个，用顿号分隔；股室负责人同时是干部；每个股室一名负责人',
      },
      { header: '入职日期', key: 'joinedOn', required: false, example: '2026-03-01', note: '选填：到园区工作的日期，如 2026-03-01' },
    ],
  },
  enterprises: {
    file: '企业名录',
    columns: [
      { header: '企业名称', key: 'name', required: true, example: '江西固电电子有限公司', note: '2至40个字' },
      {
        header: '统一社会信用代码',
        key: 'creditCode',
        required: true,
        example: '91360800MA35K7UE20',
        note: '18位，按校验位核对；按此代码对应企业',
      },
      { header: '所属行业', key: 'industry', required: true, example: '电子信息', note: '不超过20字' },
      { header: '是否规上', key: 'aboveScale', required: true, example: '是', note: '规模以上工业企业填“是”，否则填“否”' },
      { header: '包联干部', key: 'liaison', required: false, example: 'M101', note: '选填：干部的工号或姓名，企业诉求默认由其办理' },
      { header: '编号', key: 'code', required: false, example: 'E001', note: '选填：办公室自己的企业编号' },
    ],
  },
  projects: {
    file: '重点项目台账',
    columns: [
      { header: '项目名称', key: 'name', required: true, example: '固电电子二期扩产项目', note: '2至30个字，园区内不重复' },
      {
        header: '项目编号',
        key: 'code',
        required: false,
        example: 'P001',
        note: '选填：办公室自己的编号；填写后按编号对应（可据此改名），不填按名称对应',
      },
      {
        header: '所属企业',
        key: 'enterprise',
        required: true,
        example: '91360800MA35K7UE20',
        note: '企业的统一社会信用代码或名称（须已在企业名录中）',
      },
      {
        header: '责任干部',
        key: 'owners',
        required: false,
        example: 'M101',
        note: '选填：认领项目的干部，工号或姓名，可填多个，用顿号分隔；按时完成的节点计入他们的“重点项目进展达速”',
      },
      ...MILESTONE_COLUMNS,
    ],
  },
};

/** What a cell holds once read: text, a number, a yes/no, a date (Excel's date cells), or nothing. */
export type Cell = string | number | boolean | Date | null;

/** A1-style column letter of a 0-based column index: the way the office sees its file. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

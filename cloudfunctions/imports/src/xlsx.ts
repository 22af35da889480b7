/**
 * Reading an uploaded workbook as hostile input. Before the cells are read: the size, the zip signature, the
 * unzipped size (a zip bomb is refused by the sizes its directory declares, before anything is inflated), formulas
 * and merged cells in the sheet that is read. Then read-excel-file reads the first sheet's values.
 */
import { strFromU8, unzipSync } from 'fflate';
import readXlsxFile from 'read-excel-file/universal';
import { AppError } from '../../../shared/common/errors';
import { IMPORT, type Cell } from '../../../shared/imports/templates';

const NOT_XLSX = '不是 Excel 工作簿（.xlsx）：旧版 .xls 或 WPS 表格文件请另存为 .xlsx 后再导入';

/** The path inside the zip of the workbook's first sheet (workbook.xml's first <sheet>, through its relationship). */
function firstSheetPath(files: Record<string, Uint8Array>): string {
  const book = files['xl/workbook.xml'];
  const rels = files['xl/_rels/workbook.xml.rels'];
  if (!book || !rels) return 'xl/worksheets/sheet1.xml';
  const rid = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(strFromU8(book))?.[1];
  const relText = strFromU8(rels);
  const target = rid ? new RegExp(`<Relationship\\b[^>]*\\bId="${rid}"[^>]*\\bTarget="([^"]+)"`).exec(relText)?.[1] : undefined;
  if (!target) return 'xl/worksheets/sheet1.xml';
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

/** The first sheet's cells, or a refusal saying in Chinese what is wrong with the file. */
export async function readWorkbook(bytes: Buffer): Promise<Cell[][]> {
  if (bytes.length > IMPORT.maxBytes) throw new AppError('TOO_LARGE', `文件超过${IMPORT.maxBytes / 1024 / 1024}MB，请删去无关的工作表或分批导入`);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== 0x04034b50) throw new AppError('INVALID_INPUT', NOT_XLSX);
  let declared = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(new Uint8Array(bytes), {
      filter: (f) => {
        declared += f.originalSize;
        if (declared > IMPORT.maxUnzippedBytes) throw new AppError('TOO_LARGE', '文件解压后过大，不像是名录表格，请检查文件');
        return f.name.startsWith('xl/') && f.name.endsWith('.xml') ? true : f.name.endsWith('.rels');
      },
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('INVALID_INPUT', NOT_XLSX);
  }
  const sheetXml = files[firstSheetPath(files)];
  if (!sheetXml) throw new AppError('INVALID_INPUT', NOT_XLSX);
  const xml = strFromU8(sheetXml);
  const formulas = [...xml.matchAll(/<c\b[^>]*\br="([A-Z]+\d+)"[^>]*>(?:(?!<\/c>)[\s\S])*?<f[\s>/]/g)].map((m) => m[1]);
  if (formulas.length > 0) {
    const where = formulas.slice(0, 3).join('、');
    throw new AppError(
      'INVALID_INPUT',
      `文件含有公式（${where}${formulas.length > 3 ? ` 等${formulas.length}处` : ''}），请复制后“选择性粘贴→数值”再导入`,
    );
  }
  const merged = [...xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g)].map((m) => m[1]);
  if (merged.length > 0)
    throw new AppError('INVALID_INPUT', `文件含有合并单元格（${merged.slice(0, 3).join('、')}），请取消合并，每个单元格填一个值`);
  try {
    const sheets = await readXlsxFile(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    return (sheets[0]?.data ?? []) as Cell[][];
  } catch {
    throw new AppError('INVALID_INPUT', NOT_XLSX);
  }
}

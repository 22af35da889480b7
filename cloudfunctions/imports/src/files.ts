/** The template and the export: the same columns, as xlsx files in storage, opened through a temporary link. */
import { randomBytes } from 'crypto';
import writeXlsxFile from 'write-excel-file/node';
import { LINK_SECONDS, tempUrls } from '../../../server/common/files';
import type { Ctx, Handler } from '../../../server/common/router';
import { loadDirectory } from '../../../server/park/directory';
import { exportRows, templateRows } from '../../../shared/imports/plan';
import { TEMPLATES, type ImportKind } from '../../../shared/imports/templates';

/** Every cell as text (a 工号 such as 0012 keeps its zeros; a date stays as written); the header row bold. */
function sheet(rows: string[][]) {
  return rows.map((r, i) => r.map((v) => ({ type: String, value: v, fontWeight: i === 0 ? ('bold' as const) : undefined })));
}

function notes(kind: ImportKind): string[][] {
  return [['列', '是否必填', '填写说明'], ...TEMPLATES[kind].columns.map((c) => [c.header, c.required ? '必填' : '选填', c.note])];
}

async function upload(ctx: Ctx, kind: ImportKind, rows: string[][], fileName: string, who: string) {
  const buffer = await writeXlsxFile([sheet(rows), sheet(notes(kind))] as never, { buffer: true, sheets: [TEMPLATES[kind].file, '填写说明'] });
  const cloudPath = `exports/imports/${kind}-${who}-${randomBytes(6).toString('hex')}.xlsx`;
  const { fileID } = await ctx.cloud.uploadFile({ cloudPath, fileContent: buffer });
  const url = (await tempUrls(ctx.cloud, [fileID], LINK_SECONDS.export)).get(fileID) ?? '';
  return { fileId: fileID, url, fileName };
}

export const template: Handler<'imports', 'template'> = async ({ kind }, ctx) => {
  const me = await ctx.member();
  return upload(ctx, kind, templateRows(kind), `${TEMPLATES[kind].file}（导入模板）.xlsx`, me._id);
};

export const exportKind: Handler<'imports', 'export'> = async ({ kind }, ctx) => {
  const me = await ctx.member();
  const dir = await loadDirectory(ctx.db, { enterprises: kind === 'enterprises' || kind === 'projects', projects: kind === 'projects' });
  return upload(ctx, kind, exportRows(kind, dir), `${TEMPLATES[kind].file}.xlsx`, me._id);
};

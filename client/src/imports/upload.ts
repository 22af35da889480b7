/**
 * The Excel file the admin picked, checked on the device (an .xlsx of at most IMPORT.maxBytes) and uploaded to
 * `imports/<memberId>/<random>.xlsx` — the one folder imports.preview reads, the caller's own.
 */
import Taro from '@tarojs/taro';
import { ERROR_MESSAGES, type Reply } from '../../../shared/common/errors';
import { IMPORT } from '../../../shared/imports/templates';
import { platformFail } from '../common/call';
import { postUpload } from '../common/upload';

/** A file picked: its name and size, and where its bytes are (weapp: a temp path; h5: the File itself). */
export interface PickedFile {
  name: string;
  size: number;
  path?: string;
  blob?: Blob;
}

const MB = Math.round(IMPORT.maxBytes / 1024 / 1024);
export const FILE_TOO_LARGE = `文件不能超过${MB}MB：名册通常远小于此，请确认选对了文件`;

/** Why the file cannot be imported, said before any byte is sent; null when it may go. */
export function fileProblem(f: Pick<PickedFile, 'name' | 'size'>): string | null {
  if (!/\.xlsx$/i.test(f.name.trim())) return '请选择 Excel 文件（.xlsx）。旧版 .xls 请先在 Excel 中“另存为”.xlsx';
  if (f.size > IMPORT.maxBytes) return FILE_TOO_LARGE;
  if (f.size === 0) return '文件是空的，请重新选择';
  return null;
}

const ALPHANUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** `imports/<memberId>/<12 random letters and digits>.xlsx`. */
export function importCloudPath(memberId: string): string {
  let name = '';
  for (let i = 0; i < 12; i += 1) name += ALPHANUM[Math.floor(Math.random() * ALPHANUM.length)] ?? 'x';
  return `imports/${memberId}/${name}.xlsx`;
}

/** Upload the file; its cloud file id. */
export async function uploadImport(f: PickedFile, cloudPath: string): Promise<Reply<{ fileID: string }>> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      if (!f.path) return { code: 'INTERNAL', message: '未能读取所选文件，请重新选择' };
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: f.path });
      if (!res.fileID) return { code: 'INTERNAL', message: '文件上传失败，请重试' };
      return { code: 0, data: { fileID: res.fileID } };
    }
    if (!f.blob) return { code: 'INTERNAL', message: '未能读取所选文件，请重新选择' };
    const res = await postUpload(f.blob, cloudPath);
    if (res.fileID) return { code: 0, data: { fileID: res.fileID } };
    if (res.status === 413) return { code: 'TOO_LARGE', message: FILE_TOO_LARGE };
    return { code: 'INTERNAL', message: `文件上传失败：${res.errMsg ?? ERROR_MESSAGES.INTERNAL}` };
  } catch (e) {
    return platformFail(e);
  }
}

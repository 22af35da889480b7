/**
 * Excel files as an office makes them, for the imports' tests: rows of text (or any cell the library writes) into
 * an xlsx, and the upload the phone makes (`imports/<memberId>/<name>.xlsx`, through the gateway's storage rules).
 */
import { randomBytes } from 'crypto';
import writeXlsxFile from 'write-excel-file/node';
import { creditCodeOf } from '../../shared/park/credit-code';
import type { CloudClient } from './client';

export type SheetCell = string | number | boolean | Date | null | { value: string; type?: unknown; span?: number };

/** An xlsx of one sheet (or several, the first read) from rows of plain values. */
export async function xlsx(...sheets: SheetCell[][][]): Promise<Buffer> {
  const cell = (v: SheetCell) =>
    v === null
      ? null
      : typeof v === 'object' && !(v instanceof Date)
        ? v
        : {
            type: typeof v === 'number' ? Number : typeof v === 'boolean' ? Boolean : v instanceof Date ? Date : String,
            value: v,
            format: v instanceof Date ? 'yyyy-mm-dd' : undefined,
          };
  const data = sheets.map((rows) => rows.map((r) => r.map(cell)));
  return writeXlsxFile(data as never, { buffer: true, sheets: sheets.map((_, i) => `Sheet${i + 1}`) });
}

/** Upload bytes as the phone does, into the person's own imports folder; returns the file id. */
export async function uploadImport(
  t: Pick<CloudClient, 'cloud'>,
  token: string,
  memberId: string,
  bytes: Buffer,
  name = randomBytes(6).toString('hex'),
): Promise<string> {
  const cloudPath = `imports/${memberId}/${name}.xlsx`;
  const res = await fetch(`${t.cloud.url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'x-session': token, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(bytes),
  });
  const body = (await res.json()) as { fileID?: string; errMsg?: string };
  if (!body.fileID) throw new Error(`upload refused: ${res.status} ${body.errMsg ?? ''}`);
  return body.fileID;
}

/** A valid 统一社会信用代码 made from a number (distinct numbers, distinct codes). */
export const creditCode = (n: number): string => creditCodeOf(n + 1000);

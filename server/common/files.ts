/** Cloud storage as the functions use it. */

/**
 * How long a link lives, in seconds (the platform's default is a day, its maximum too). A temporary URL is a bearer
 * credential: whoever holds it reads the file, signed in or not. So each kind lives as long as its use needs:
 * - an export (results, pay, the directory as xlsx) is opened the moment it is made: 5 minutes;
 * - a code's picture (an invite, a campaign's sheet, the meeting screen's ballot code) is shown while the page is
 *   open: 10 minutes, the page asks again after;
 * - photos in a list or a dossier: the platform's day (the page may stay open through a working day).
 */
export const LINK_SECONDS = { export: 300, code: 600 } as const;

/**
 * Temporary download URLs for file ids, at most 50 a call as the platform allows; `maxAge` in seconds (fileList
 * items `{ fileID, maxAge }`: https://developers.weixin.qq.com/minigame/dev/wxcloudrun/src/development/storage/miniapp/gettempurl.html).
 */
export async function tempUrls(
  cloud: {
    getTempFileURL(o: {
      fileList: (string | { fileID: string; maxAge: number })[];
    }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }>;
  },
  fileIds: string[],
  maxAge?: number,
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(fileIds)];
  for (let i = 0; i < unique.length; i += 50) {
    const ids = unique.slice(i, i + 50);
    const res = await cloud.getTempFileURL({ fileList: maxAge === undefined ? ids : ids.map((fileID) => ({ fileID, maxAge })) });
    for (const f of res.fileList) if (f.tempFileURL) out.set(f.fileID, f.tempFileURL);
  }
  return out;
}

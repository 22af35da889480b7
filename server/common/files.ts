/** Cloud storage as the functions use it. */

/** Temporary download URLs for file ids, at most 50 a call as the platform allows. */
export async function tempUrls(
  cloud: { getTempFileURL(o: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string }[] }> },
  fileIds: string[],
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(fileIds)];
  for (let i = 0; i < unique.length; i += 50) {
    const res = await cloud.getTempFileURL({ fileList: unique.slice(i, i + 50) });
    for (const f of res.fileList) if (f.tempFileURL) out.set(f.fileID, f.tempFileURL);
  }
  return out;
}

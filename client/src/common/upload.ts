/**
 * Photo upload to cloud storage, both platforms. Files over LIMITS.photoMaxBytes are refused on the device
 * before any byte is sent. Cloud path convention: reports/<memberId>/<YYYYMMDD>-<random>.jpg (the server
 * accepts only file ids under the caller's own folder).
 */
import Taro from '@tarojs/taro';
import { LIMITS } from '../../../shared/common/config';
import { ERROR_MESSAGES, type Reply } from '../../../shared/common/errors';
import { platformFail } from './call';
import { getSession } from './session';

export const PHOTO_TOO_LARGE = `照片不能超过${Math.round(LIMITS.photoMaxBytes / 1024 / 1024)}MB，请重新选择`;

/** `reports/<memberId>/<YYYYMMDD>-<random>.jpg`; `day` is `YYYY-MM-DD` in park time. */
export function photoCloudPath(memberId: string, day: string): string {
  const rand = Math.random().toString(36).slice(2, 10) + Date.now().toString(36).slice(-4);
  return `reports/${memberId}/${day.replace(/-/g, '')}-${rand}.jpg`;
}

async function sizeOf(localPath: string, knownSize?: number): Promise<number | null> {
  if (typeof knownSize === 'number') return knownSize;
  try {
    if (process.env.TARO_ENV === 'weapp') {
      // FileSystemManager.getFileInfo replaces the deprecated wx.getFileInfo
      return await new Promise<number | null>((resolve) =>
        Taro.getFileSystemManager().getFileInfo({
          filePath: localPath,
          success: (info) => resolve(info.size),
          fail: () => resolve(null),
        }),
      );
    }
    const blob = await (await fetch(localPath)).blob();
    return blob.size;
  } catch {
    return null;
  }
}

/**
 * Upload one photo. `knownSize` is the size chooseMedia reported (`tempFiles[i].size`), when there is one.
 * Returns the cloud file id.
 */
export async function uploadPhoto(localPath: string, cloudPath: string, knownSize?: number): Promise<Reply<{ fileID: string }>> {
  const size = await sizeOf(localPath, knownSize);
  if (size !== null && size > LIMITS.photoMaxBytes) return { code: 'TOO_LARGE', message: PHOTO_TOO_LARGE };
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.cloud.uploadFile({ cloudPath, filePath: localPath });
      if (!res.fileID) return { code: 'INTERNAL', message: '照片上传失败，请重试' };
      return { code: 0, data: { fileID: res.fileID } };
    }
    const blob = await (await fetch(localPath)).blob();
    if (blob.size > LIMITS.photoMaxBytes) return { code: 'TOO_LARGE', message: PHOTO_TOO_LARGE };
    const res = await postUpload(blob, cloudPath);
    if (res.fileID) return { code: 0, data: { fileID: res.fileID } };
    if (res.status === 413) return { code: 'TOO_LARGE', message: PHOTO_TOO_LARGE };
    return { code: 'INTERNAL', message: `照片上传失败：${res.errMsg ?? ERROR_MESSAGES.INTERNAL}` };
  } catch (e) {
    return platformFail(e);
  }
}

/**
 * h5: a file's bytes to the local cloud's gateway (`POST /api/upload?cloudPath=…`, the stand-in for
 * wx.cloud.uploadFile) under the caller's session. Throws when the network fails.
 */
export async function postUpload(body: Blob, cloudPath: string): Promise<{ status: number; fileID: string | null; errMsg: string | null }> {
  const res = await fetch(`/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: { 'X-Session': getSession(), 'content-type': body.type || 'application/octet-stream' },
    body,
  });
  const json = (await res.json().catch(() => ({}))) as { fileID?: unknown; errCode?: unknown; errMsg?: unknown };
  return {
    status: res.status,
    fileID: typeof json.fileID === 'string' ? json.fileID : null,
    errMsg: typeof json.errMsg === 'string' ? json.errMsg : null,
  };
}

/**
 * Photos of a work report: pick (refusing files over the limit on the device), show, remove, and upload those not
 * uploaded yet — a retry after a failed submit does not send a photo twice.
 */
import { PrivacySheet } from './PrivacySheet';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Image, View } from '@tarojs/components';
import { LIMITS } from '../../../shared/common/config';
import type { Reply } from '../../../shared/common/errors';
import { PHOTO_TOO_LARGE, photoCloudPath, uploadPhoto } from './upload';

export interface Photo {
  path: string;
  size?: number;
  /** Set once uploaded. */
  fileID?: string;
}

export function usePhotos(onPicked: () => void = () => undefined) {
  const [photos, setPhotos] = useState<Photo[]>([]);

  const choose = async () => {
    const left = LIMITS.photosPerReport - photos.length;
    if (left <= 0) return;
    try {
      // chooseMedia (base library 2.10.0) replaces the deprecated chooseImage
      const res = await Taro.chooseMedia({ count: left, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
      const picked: Photo[] = res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size }));
      const fit = picked.filter((p) => p.size === undefined || p.size <= LIMITS.photoMaxBytes);
      if (fit.length < picked.length) void Taro.showToast({ title: PHOTO_TOO_LARGE, icon: 'none' });
      setPhotos((old) => [...old, ...fit].slice(0, LIMITS.photosPerReport));
      onPicked();
    } catch {
      // cancelled
    }
  };

  const remove = (path: string) => setPhotos((old) => old.filter((o) => o.path !== path));

  /** Upload what is not uploaded yet, to `reports/<memberId>/…`; the file ids of all, in order. */
  const uploadAll = async (memberId: string | null, day: string): Promise<Reply<string[]>> => {
    const ids: string[] = [];
    for (let i = 0; i < photos.length; i += 1) {
      const p = photos[i];
      if (!p) continue;
      if (p.fileID) {
        ids.push(p.fileID);
        continue;
      }
      if (!memberId) return { code: 'INTERNAL', message: '暂时无法上传照片，请返回后重试' };
      const up = await uploadPhoto(p.path, photoCloudPath(memberId, day), p.size);
      if (up.code !== 0) return { code: up.code, message: `第${i + 1}张照片：${up.message}` };
      const fileID = up.data.fileID;
      setPhotos((old) => old.map((o) => (o.path === p.path ? { ...o, fileID } : o)));
      ids.push(fileID);
    }
    return { code: 0, data: ids };
  };

  return { photos, choose, remove, uploadAll };
}

/** The photo cells: thumbnails with ×, and + while there is room. Ids: `<idPrefix>-photos`, `-photo-<i>`, … */
export function PhotoPicker({
  idPrefix,
  optional = false,
  photos,
  onAdd,
  onRemove,
}: {
  idPrefix: string;
  optional?: boolean;
  photos: Photo[];
  onAdd: () => void;
  onRemove: (path: string) => void;
}) {
  return (
    <>
      <PrivacySheet />
      <View className='cells-title'>
        现场照片（{optional ? '选填，' : ''}最多{LIMITS.photosPerReport}张，每张不超过{Math.round(LIMITS.photoMaxBytes / 1024 / 1024)}MB）
      </View>
      <View className='cells'>
        <View className='cell'>
          <View className='thumbs' id={`${idPrefix}-photos`}>
            {photos.map((p, i) => (
              <View className='thumb' key={p.path} id={`${idPrefix}-photo-${i}`}>
                <Image className='thumb-img' src={p.path} mode='aspectFill' />
                <View className='thumb-del' id={`${idPrefix}-photo-remove-${i}`} onClick={() => onRemove(p.path)}>
                  ×
                </View>
              </View>
            ))}
            {photos.length < LIMITS.photosPerReport && (
              <View className='thumb-add' id={`${idPrefix}-photo-add`} onClick={onAdd}>
                +
              </View>
            )}
          </View>
        </View>
      </View>
    </>
  );
}

import { Text, View } from '@tarojs/components';
import { parkTimeText } from '../../../../shared/common/time';
import type { OutputOf } from '../../../../shared/contracts';
import { CAMPAIGN_KIND_LABELS } from '../../../../shared/votes/contract';
import { STATUS_LABELS, STATUS_TAG } from '../lib';

/** The campaign managed: title, kind, year, status, and when it opens or closes on its own (if set). */
export function CampaignHeader({ info }: { info: OutputOf<'votes', 'get'> | null }) {
  const status = info?.status;
  return (
    <>
      <View className='page-hd'>
        <View className='page-title' id='manage-title'>
          {info?.title ?? '测评管理'}
        </View>
        {info && (
          <View className='page-desc'>
            {CAMPAIGN_KIND_LABELS[info.kind]} · {info.year}年度{' '}
            {status && (
              <Text className={`tag ${STATUS_TAG[status]}`} id='manage-status'>
                {STATUS_LABELS[status]}
              </Text>
            )}
          </View>
        )}
      </View>
      {info && (info.opensAt !== null || info.closesAt !== null) && (
        <View className='cells' id='manage-schedule'>
          {info.opensAt !== null && (
            <View className='cell' id='manage-opens-at'>
              <View className='cell-bd'>计划开始</View>
              <View className='cell-ft'>{parkTimeText(info.opensAt)}</View>
            </View>
          )}
          {info.closesAt !== null && (
            <View className='cell' id='manage-closes-at'>
              <View className='cell-bd'>计划结束</View>
              <View className='cell-ft'>{parkTimeText(info.closesAt)}</View>
            </View>
          )}
        </View>
      )}
    </>
  );
}

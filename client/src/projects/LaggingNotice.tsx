import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PAGES } from '../common/pages';
import { usePageData } from '../common/use-page-data';

/**
 * On a home: the key projects lagging behind plan that this person is shown — an owner their own, a section head
 * their section's, leaders all (the report's "砂石码头项目进展滞后"). Nothing when none lags.
 */
export function LaggingNotice() {
  const lagging = usePageData('projects', 'list', { filter: 'lagging' }, { onShow: true }).data?.items ?? [];
  if (lagging.length === 0) return null;
  const worst = lagging[0];
  return (
    <View className='cells' id='lagging-notice'>
      <View className='cell cell-access' hoverClass='cell-hover' onClick={() => void Taro.navigateTo({ url: PAGES.projects.list('lagging') })}>
        <View className='cell-bd'>
          <View className='cell-title text-red'>{lagging.length} 个重点项目进展滞后</View>
          {worst && (
            <View className='cell-sub'>
              {worst.name}：「{worst.status.laggingName}」滞后 {worst.status.lagDays} 天
            </View>
          )}
        </View>
      </View>
    </View>
  );
}

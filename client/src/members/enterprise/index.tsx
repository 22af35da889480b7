import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PAGES } from '../../common/pages';
import { SwitchIdentity } from '../../common/SwitchIdentity';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/** Enterprise contact's home: file an appeal (企业诉求), follow their appeals, confirm and rate them. */
export default function EnterpriseHome() {
  const page = usePageData('members', 'me', {}, { onShow: true });
  const me = page.data;
  return (
    <View className='page' id='enterprise-page'>
      <LoadStatus page={page} />
      {me && (
        <View>
          <View className='page-hd'>
            <View className='page-title' id='enterprise-name'>
              {me.enterpriseName ?? '企业联系人'}
            </View>
            <View className='page-desc'>{me.name}，您好</View>
          </View>
          <View className='cells-title'>企业诉求</View>
          <View className='cells'>
            <View
              className='cell cell-access'
              hoverClass='cell-hover'
              id='enterprise-file'
              onClick={() => void Taro.navigateTo({ url: PAGES.appeals.file })}
            >
              <View className='cell-bd'>
                <View className='cell-title'>提交诉求</View>
                <View className='cell-sub'>用工、用地、融资、政策、审批等方面的困难和需求，由包联干部跟进办理</View>
              </View>
            </View>
            <View
              className='cell cell-access'
              hoverClass='cell-hover'
              id='enterprise-appeals'
              onClick={() => void Taro.navigateTo({ url: PAGES.appeals.list('mine') })}
            >
              <View className='cell-bd'>
                <View className='cell-title'>我的诉求</View>
                <View className='cell-sub'>查看办理进度，确认办结并评价</View>
              </View>
            </View>
          </View>
          <View className='cells-title'>干部走访</View>
          <View className='cells'>
            <View
              className='cell cell-access'
              hoverClass='cell-hover'
              id='enterprise-confirm-visit'
              onClick={() => void Taro.navigateTo({ url: PAGES.dossier.confirm })}
            >
              <View className='cell-bd'>
                <View className='cell-title'>确认走访</View>
                <View className='cell-sub'>扫描走访干部出示的小程序码，确认走访是否属实</View>
              </View>
            </View>
          </View>
        </View>
      )}
      <SwitchIdentity />
    </View>
  );
}

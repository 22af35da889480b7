import { View } from '@tarojs/components';
import { SwitchIdentity } from '../../common/SwitchIdentity';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/** Enterprise contact's home. Appeals (诉求) and ratings (评价) come in a later release. */
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
          <View className='cells'>
            <View className='cell' id='enterprise-note'>
              <View className='cell-bd'>
                <View className='cell-title'>诉求提交与服务评价即将上线</View>
                <View className='cell-sub'>
                  本版本暂只提供身份绑定。向园区反映诉求、对走访干部进行评价的功能将在后续版本中开放，届时在此页面使用。
                </View>
              </View>
            </View>
          </View>
        </View>
      )}
      <SwitchIdentity />
    </View>
  );
}

import { Switch, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { call } from '../../common/call';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/** The admin's dossier settings (档案设置): whether visits no enterprise has confirmed count towards 走访企业. */
export default function DossierSettings() {
  const page = usePageData('dossier', 'settings', {});
  const s = page.data;
  const save = async (countUnconfirmedVisits: boolean) => {
    const r = await call('dossier', 'saveSettings', { countUnconfirmedVisits });
    if (r.code === 0) {
      page.setData(r.data);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } else void Taro.showModal({ title: '未能保存', content: r.message, showCancel: false });
  };
  return (
    <View className='page' id='dossier-settings-page'>
      <View className='page-hd'>
        <View className='page-title'>档案设置</View>
      </View>
      <LoadStatus page={page} />
      {s && (
        <>
          <View className='cells'>
            <View className='cell'>
              <View className='cell-bd'>未经企业确认的走访计入目标</View>
              <Switch id='settings-unconfirmed' checked={s.countUnconfirmedVisits} color='#07c160' onChange={(e) => void save(e.detail.value)} />
            </View>
          </View>
          <View className='tips' id='settings-hint'>
            {s.countUnconfirmedVisits
              ? '现行：所有走访（企业答复不属实的除外）都计入“走访企业”目标。'
              : '现行：只有企业联系人扫码确认过的走访计入“走访企业”目标。'}
            企业联系人未绑定时，走访无法确认，请先为企业发放绑定码。
          </View>
        </>
      )}
    </View>
  );
}

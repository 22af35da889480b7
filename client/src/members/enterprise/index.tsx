import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PAGES } from '../../common/pages';
import { SignOut } from '../../common/SignOut';
import { SwitchIdentity } from '../../common/SwitchIdentity';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/** What an enterprise contact does here, by heading. */
const GROUPS = [
  {
    title: '企业诉求',
    links: [
      {
        id: 'enterprise-file',
        title: '提交诉求',
        sub: '用工、用地、融资、政策、审批等方面的困难和需求，由包联干部跟进办理',
        url: PAGES.appeals.file,
      },
      { id: 'enterprise-appeals', title: '我的诉求', sub: '查看办理进度，确认办结并评价', url: PAGES.appeals.list('mine') },
    ],
  },
  {
    title: '干部走访',
    links: [{ id: 'enterprise-confirm-visit', title: '确认走访', sub: '扫描走访干部出示的小程序码，确认走访是否属实', url: PAGES.dossier.confirm }],
  },
];

/** Enterprise contact's home: file an appeal (企业诉求), follow their appeals, confirm and rate them; confirm visits. */
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
          {GROUPS.map((g) => (
            <View key={g.title}>
              <View className='cells-title'>{g.title}</View>
              <View className='cells'>
                {g.links.map((l) => (
                  <View
                    key={l.id}
                    className='cell cell-access'
                    hoverClass='cell-hover'
                    id={l.id}
                    onClick={() => void Taro.navigateTo({ url: l.url })}
                  >
                    <View className='cell-bd'>
                      <View className='cell-title'>{l.title}</View>
                      <View className='cell-sub'>{l.sub}</View>
                    </View>
                  </View>
                ))}
              </View>
            </View>
          ))}
        </View>
      )}
      <SignOut />
      <SwitchIdentity />
    </View>
  );
}

import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { EntryCell } from '../../common/cells';
import { PAGES } from '../../common/pages';
import { BackLink } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/** The directory's parts, in the order an office sets a park up: sections first, then their people, then enterprises. */
const PARTS = [
  { key: 'sections', title: '股室', sub: '股室名称、编号、分管领导，排序，撤销', url: PAGES.park.sections },
  { key: 'people', title: '人员', sub: '花名册：新增、更正，办理离开，解除微信绑定，发放邀请码', url: PAGES.members.people },
  { key: 'enterprises', title: '企业名录', sub: '企业信息、统一社会信用代码、包联干部，停用', url: PAGES.park.enterprises },
  { key: 'imports', title: 'Excel 导入导出', sub: '下载模板，导入股室、花名册、企业名录，导出当前名录', url: PAGES.imports.index },
  { key: 'settings', title: '园区设置', sub: '园区名称，股室负责人由谁评价', url: PAGES.park.settings },
];

/** The admin's 园区名录: one entry to each part of the park's directory. */
export default function Directory() {
  const status = usePageData('park', 'status', {});
  return (
    <View className='page' id='directory-page'>
      <View className='page-hd'>
        <View className='page-title'>园区名录</View>
        <View className='page-desc' id='directory-park'>
          {status.data?.name ? `${status.data.name} · ` : ''}维护股室、人员和企业名录；已有 Excel 名册的，可一次导入。
        </View>
      </View>
      <View className='cells' id='directory-list'>
        {PARTS.map((p) => (
          <EntryCell key={p.key} id={`directory-${p.key}`} title={p.title} sub={p.sub} onClick={() => void Taro.navigateTo({ url: p.url })} />
        ))}
      </View>
      <BackLink id='directory-back' label='返回首页' url={PAGES.index} />
    </View>
  );
}

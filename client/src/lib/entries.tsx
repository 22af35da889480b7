import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { VOTE_LIST_PAGE } from './roles';

/** One link of a role's home: key (for the element id), label, page. */
export type Entry = readonly [key: string, label: string, url: string];

/** The 绩效考核 links each role's home offers (their pages live in the indicators / assess subpackages). */
export const ENTRIES = {
  cadre: [
    ['checklist', '我的考核清单', '/indicators/checklist/index'],
    ['record', '记录工作实绩', '/assess/record/index'],
    ['summary', '季度小结', '/assess/summary/index'],
    ['result', '季度考核结果', '/assess/result/index'],
  ],
  sectionHead: [
    ['evaluate', '考人评分', '/assess/staff/index'],
    ['review', '申报审核', '/indicators/review/index'],
  ],
  leader: [
    ['evaluate', '考人评分', '/assess/staff/index'],
    ['section', '考事评分', '/assess/evaluate-section/index'],
    ['ranking', '季度排名', '/assess/ranking/index'],
    ['spot', '不定期抽查', '/assess/spot/index'],
  ],
  admin: [
    ['library', '指标库', '/indicators/library/index'],
    ['tree', '指标分解', '/indicators/tree/index'],
    ['period', '季度考核', '/assess/period/index'],
    ['review', '申报审核', '/indicators/review/index'],
  ],
} as const satisfies Record<string, readonly Entry[]>;

/** A home page's foot: the role's 绩效考核 links, then 年度测评. */
export function HomeEntries({ links }: { links: readonly Entry[] }) {
  return (
    <>
      <View className='cells-title'>绩效考核</View>
      <View className='cells' id='assess-entries'>
        {links.map(([k, label, url]) => (
          <View key={k} className='cell cell-access' hoverClass='cell-hover' id={`assess-entry-${k}`} onClick={() => void Taro.navigateTo({ url })}>
            <View className='cell-bd'>{label}</View>
          </View>
        ))}
      </View>
      <View className='cells' style={{ marginTop: '16px' }}>
        <View className='cell cell-access' hoverClass='cell-hover' id='vote-entry' onClick={() => void Taro.navigateTo({ url: VOTE_LIST_PAGE })}>
          <View className='cell-bd'>年度测评</View>
        </View>
      </View>
    </>
  );
}

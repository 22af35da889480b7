import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { PAGES } from '../common/pages';
import { LoadStatus } from '../common/ui';
import { usePageData } from '../common/use-page-data';

/**
 * The key projects' part of the park dashboard (园区看板), from the milestones: the landing cycle of the projects
 * that reached production against the park's baseline (the report's "项目落地周期缩短20%"), the projects lagging
 * now, and by month the milestones due, reached on time, and landings.
 */
export function ProjectFigures({ months }: { months: number }) {
  const page = usePageData('projects', 'dashboard', { months }, { pullDown: true });
  const d = page.data;
  if (!d) return <LoadStatus page={page} />;
  const { landing } = d;
  return (
    <View id='dashboard-projects'>
      <View className='cells-title'>重点项目</View>
      <View className='cells'>
        <View className='cell'>
          <View className='cell-bd'>平均落地周期（签约至投产）</View>
          <View className='cell-ft' id='dashboard-landing'>
            {landing.meanDays === null ? '暂无投产项目' : `${landing.meanDays} 天（${landing.landed} 个项目）`}
          </View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>较基准 {landing.baselineDays} 天</View>
          <View className='cell-ft' id='dashboard-landing-change'>
            {landing.shorterPercent === null
              ? '—'
              : landing.shorterPercent >= 0
                ? `缩短 ${landing.shorterPercent}%`
                : `延长 ${-landing.shorterPercent}%`}
          </View>
        </View>
        {d.lagging.map((p) => (
          <View
            className='cell cell-access'
            hoverClass='cell-hover'
            key={p.id}
            id={`dashboard-lagging-${p.id}`}
            onClick={() => void Taro.navigateTo({ url: PAGES.projects.detail(p.id) })}
          >
            <View className='cell-bd text-red'>{p.name}</View>
            <View className='cell-ft'>
              「{p.laggingName}」滞后 {p.lagDays} 天
            </View>
          </View>
        ))}
      </View>
      <View className='cells' id='dashboard-project-months'>
        {d.months.map((m) => (
          <View className='cell' key={m.month}>
            <View className='cell-bd'>{m.month.replace('-', '年')}月</View>
            <View className='cell-ft'>
              节点到期 {m.due} 个，按期完成 {m.onTime} 个{m.landed ? ` · 投产 ${m.landed} 个（${m.meanLandingDays} 天）` : ''}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

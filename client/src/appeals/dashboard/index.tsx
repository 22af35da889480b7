import { useState } from 'react';
import { View } from '@tarojs/components';
import { parkTimeText } from '../../../../shared/common/time';
import type { OutputOf } from '../../../../shared/contracts';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { ProjectFigures } from '../../projects/ProjectFigures';

type Row = OutputOf<'appeals', 'dashboard'>['total'];

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
/** Hours as people say them: under two days in hours, else in days. */
const span = (h: number | null) => (h === null ? '—' : h < 48 ? `${Math.round(h * 10) / 10} 小时` : `${Math.round((h / 24) * 10) / 10} 天`);

function Figures({ row, id }: { row: Row; id: string }) {
  const cells: [string, string][] = [
    ['收到诉求', `${row.received} 件`],
    ['已办结', `${row.resolved} 件`],
    ['当前超期', `${row.overdue} 件`],
    ['受理用时（中位数）', span(row.medianAcceptHours)],
    ['办结用时（中位数）', span(row.medianResolveHours)],
    ['好差评满意率', row.rated ? `${pct(row.satisfaction)}（${row.rated} 条评价）` : '暂无评价'],
  ];
  return (
    <View className='cells' id={id}>
      {cells.map(([label, value], i) => (
        <View className='cell' key={label}>
          <View className='cell-bd'>{label}</View>
          <View className='cell-ft' id={`${id}-${i}`} style={i === 2 && row.overdue > 0 ? { color: '#FA5151' } : undefined}>
            {value}
          </View>
        </View>
      ))}
    </View>
  );
}

/**
 * The park dashboard for leaders (园区看板), from the records: the appeals by month of filing — received,
 * resolved, overdue now, the median time to accept and to resolve, the 好差评 satisfaction rate — and the key
 * projects' landing cycle, lagging projects and milestones (../../projects/ProjectFigures).
 */
export default function AppealsDashboard() {
  const [months, setMonths] = useState(6);
  const page = usePageData('appeals', 'dashboard', { months }, { pullDown: true });
  const d = page.data;
  return (
    <View className='page' id='dashboard-page'>
      <View className='page-hd'>
        <View className='page-title'>园区看板</View>
        <View className='page-desc'>按提交月份统计；满意率为“基本满意”及以上的评价占比，重新评价取代首次评价，经裁定不予采信的差评不计。</View>
      </View>
      <View className='cells'>
        <View className='cell'>
          <View className='seg'>
            {[3, 6, 12].map((n) => (
              <View key={n} id={`dashboard-months-${n}`} className={`seg-item${n === months ? ' seg-on' : ''}`} onClick={() => setMonths(n)}>
                近{n}个月
              </View>
            ))}
          </View>
        </View>
      </View>
      <LoadStatus page={page} />
      {d && (
        <View>
          <View className='cells-title' id='dashboard-resolved-share'>
            合计（办结率 {pct(d.resolvedShare)}）
          </View>
          <Figures row={d.total} id='dashboard-total' />
          <View className='tips' id='dashboard-as-of'>
            数据截至 {parkTimeText(d.asOf)}，每小时更新
          </View>
          <ProjectFigures months={months} />
          <View className='cells-title'>企业诉求（按月）</View>
          {d.months.map((m) => (
            <View key={m.month}>
              <View className='cells-title'>{m.month.replace('-', '年')}月</View>
              <Figures row={m} id={`dashboard-month-${m.month}`} />
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { QUARTER_GRADE_LABELS } from '../../../../shared/assessment/quarter';
import { PAGES } from '../../common/pages';
import { RankRow } from '../../common/RankRow';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { ClosedQuarterHeader, useClosedQuarter } from '../closed-quarter';
import { GRADE_TAG } from '../lib';

/** Leaders and the admin: a closed quarter's ranking of cadres (tap for the breakdown) and of sections. */
export default function RankingPage() {
  const { params } = useRouter();
  const quarter = useClosedQuarter(params.periodId || undefined);
  const { periodId } = quarter;
  const [tab, setTab] = useState<'members' | 'sections'>('members');
  const page = usePageData(
    'assessment',
    'ranking',
    { periodId },
    {
      reset: true,
      onFail: quarter.onFail,
    },
  );
  const data = page.data;

  return (
    <View className='page' id='ranking-page'>
      <ClosedQuarterHeader quarter={quarter} idPrefix='rank' what='排名' />
      <View className='tabs'>
        <View className={`tab${tab === 'members' ? ' tab-on' : ''}`} id='rank-tab-members' onClick={() => setTab('members')}>
          干部
        </View>
        <View className={`tab${tab === 'sections' ? ' tab-on' : ''}`} id='rank-tab-sections' onClick={() => setTab('sections')}>
          股室
        </View>
      </View>
      <LoadStatus page={page} />
      {data && (
        <View className='page-hd' style={{ paddingTop: '24px', paddingBottom: '8px' }}>
          <View className='page-title' id='rank-title'>
            {data.periodLabel} · {tab === 'members' ? `干部 ${data.members.length} 人` : `股室 ${data.sections.length} 个`}
          </View>
        </View>
      )}
      {data && tab === 'members' && (
        <View className='cells' id='rank-members'>
          {data.members.length === 0 && <View className='empty'>暂无结果</View>}
          {data.members.map((m) => (
            <RankRow
              key={m.memberId}
              id={`rank-m-${m.memberId}`}
              rank={m.rank}
              name={m.name}
              sub={m.sectionName}
              score={m.score}
              grade={{ label: QUARTER_GRADE_LABELS[m.grade], tag: GRADE_TAG[m.grade] }}
              barClass={`hbar-${m.grade}`}
              onClick={() => void Taro.navigateTo({ url: PAGES.assessment.result(m.memberId, data.periodId) })}
            />
          ))}
        </View>
      )}
      {data && tab === 'sections' && (
        <View className='cells' id='rank-sections'>
          {data.sections.length === 0 && <View className='empty'>暂无结果</View>}
          {data.sections.map((s) => (
            <RankRow
              key={s.sectionId}
              id={`rank-s-${s.sectionId}`}
              rank={s.rank}
              name={s.name}
              score={s.score}
              below={`考事 ${s.evaluation} · 干部均分 ${s.staffMean}${s.deductions ? ` · 扣分 ${s.deductions}` : ''}`}
            />
          ))}
        </View>
      )}
    </View>
  );
}

import { Button, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ANNUAL_GRADE_LABELS } from '../../../../shared/annual/grades';
import { SECTION_TIER_LABELS } from '../../../../shared/annual/tiers';
import { STATUS_LABELS } from '../../../../shared/annual/workflow';
import { quarterLabel } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { PAGES } from '../../common/pages';
import { RankRow } from '../../common/RankRow';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { TrendCard } from '../charts';
import { AnnualYearHeader, GRADE_TAG, useAnnualYear } from '../lib';
import { openExport } from '../../common/open-export';

/**
 * Leaders and the admin: the year's ranking of cadres (tap for the explanation) and of sections with their tiers (tap
 * for the section's quarter trend), with grades.
 */
export default function AnnualRanking() {
  const { params } = useRouter();
  const y = useAnnualYear(params.year);
  const { year } = y;
  const [tab, setTab] = useState<'cadres' | 'sections'>('cadres');
  // the section whose quarter trend is shown under it (a tap on another moves it there)
  const [openSection, setOpenSection] = useState<string | null>(null);
  const page = usePageData(
    'annual',
    'ranking',
    { year },
    { reset: true, pullDown: true, onData: (r) => !r.year.computed && y.nothingYet(`${year}年度考核结果尚未计算`) },
  );
  const d = page.data;
  const [exporting, setExporting] = useState(false);
  const exportNow = async () => {
    setExporting(true);
    const r = await call('annual', 'export', { year, kind: tab });
    if (r.code === 0) await openExport(r.data.url, r.data.fileName).catch(() => Taro.showToast({ title: '无法打开文件', icon: 'none' }));
    else void Taro.showModal({ title: '未能导出', content: r.message, showCancel: false });
    setExporting(false);
  };
  return (
    <View className='page' id='annual-ranking-page'>
      <AnnualYearHeader y={y} idPrefix='annual-ranking' />
      <View className='tabs'>
        <View className={`tab${tab === 'cadres' ? ' tab-on' : ''}`} id='annual-tab-cadres' onClick={() => setTab('cadres')}>
          干部
        </View>
        <View className={`tab${tab === 'sections' ? ' tab-on' : ''}`} id='annual-tab-sections' onClick={() => setTab('sections')}>
          股室
        </View>
      </View>
      <LoadStatus page={page} />
      {d && !d.year.computed && <View className='empty'>{year}年度考核结果尚未计算</View>}
      {d && d.year.computed && (
        <View className='page-hd' style={{ paddingTop: '24px', paddingBottom: '8px' }}>
          <View className='page-title' id='annual-ranking-title'>
            {year}年度 · {STATUS_LABELS[d.year.status]}
          </View>
          <View className='page-desc'>
            参评 {d.year.assessed} 人 · 优秀 {d.year.excellentCount}/{d.year.excellentQuota} 名 · 依据 {d.year.quarters.length} 个季度
          </View>
        </View>
      )}
      {d && d.year.quarters.length > 0 && (
        <View className='cells' id='annual-quarters'>
          {d.year.quarters.map((q) => (
            <View
              key={q}
              className='cell cell-link'
              hoverClass='cell-hover'
              id={`annual-quarter-${q}`}
              onClick={() => void Taro.navigateTo({ url: PAGES.assessment.ranking(q) })}
            >
              <View className='cell-bd'>{quarterLabel(q)}排名</View>
              <View className='cell-ft' />
            </View>
          ))}
        </View>
      )}
      {d && tab === 'cadres' && (
        <View className='cells' id='annual-cadres'>
          {d.cadres.map((c) => (
            <RankRow
              key={c.memberId}
              id={`annual-c-${c.memberId}`}
              rank={c.rank}
              name={c.name}
              sub={c.sectionName}
              score={c.total}
              grade={{ label: `${ANNUAL_GRADE_LABELS[c.grade]}${c.changed ? '*' : ''}`, tag: GRADE_TAG[c.grade] }}
              onClick={() => void Taro.navigateTo({ url: PAGES.annual.result(c.memberId, year) })}
            />
          ))}
        </View>
      )}
      {d && tab === 'sections' && (
        <View className='cells' id='annual-sections'>
          {d.sections.map((s) => (
            <View key={s.sectionId}>
              <RankRow
                id={`annual-s-${s.sectionId}`}
                rank={s.rank}
                name={s.name}
                score={s.total}
                grade={{ label: SECTION_TIER_LABELS[s.tier], tag: s.tier === 1 ? 'tag-ok' : 'tag-blue' }}
                below={`考事 ${s.work ?? '—'} · 企业评价 ${s.enterprise ?? '—'}`}
                onClick={() => setOpenSection(openSection === s.sectionId ? null : s.sectionId)}
              />
              {openSection === s.sectionId && <TrendCard id={`annual-s-${s.sectionId}-trend`} points={s.trend} own={s.name} all='股室平均' />}
            </View>
          ))}
        </View>
      )}
      {d && d.cadres.some((c) => c.changed) && <View className='tips'>* 经班子研究调整或复核更正的等次，详情见个人结果页。</View>}
      {d && d.year.computed && (
        <View className='btn-area'>
          <Button className='btn btn-default' id='annual-export' disabled={exporting} onClick={() => void exportNow()}>
            {exporting ? '正在导出…' : `导出Excel（${tab === 'cadres' ? '干部' : '股室'}）`}
          </Button>
        </View>
      )}
    </View>
  );
}

import { View } from '@tarojs/components';
import { DEFAULT_DIMENSIONS, DEFAULT_RULES, GRADE_LABELS, GRADES } from '../../../../shared/votes/config';
import { shareText } from '../lib';
import { isDefaultShare, type Category, type Settings, type ShareKey, type When } from './settings';

/** 高级设置 collapsed: the current values, as one line each. */
export function RulesSummary({ settings: s, kindCategories }: { settings: Settings; kindCategories: Category[] }) {
  const dims = DEFAULT_DIMENSIONS.map((d, i) => `${d.label}${s.dimW[i]}%`).join('、');
  const cats = kindCategories.map((k) => `${k.label}${s.catW[k.key]}%`).join('、');
  const points = s.scaleType === 'grades' ? GRADES.map((g) => `${GRADE_LABELS[g]}${s.gradePts[g]}分`).join('、') : `${s.ptsMin}–${s.ptsMax}分打分`;
  const share = (k: ShareKey) => (isDefaultShare(s, k) ? shareText(DEFAULT_RULES[k]) : `${s.shares[k]}%`);
  const schedule = (w: When, none: string) => (w.day ? `${w.day} ${w.time}` : none);
  const rows: [string, string][] = [
    ['评价项目及权重', dims],
    ['投票人类别权重', cats],
    [s.scaleType === 'grades' ? '等次分值' : '评分方式', points],
    ['总体等次', `≥${s.cuts.excellent}优秀，≥${s.cuts.competent}称职，≥${s.cuts.basic}基本称职，以下不称职`],
    ['每票“优秀”上限', `测评对象的${share('excellentShareMax')}（至少1人）`],
    ['有效参评率', `不低于${share('turnoutFloor')}`],
    ['去掉最高最低', `同类评价人多于${s.counts.trimAbove}人时`],
    ['废票', s.voidIfAllSame ? '所有评价完全相同的选票无效' : '不设'],
    ['诫勉谈话', `优秀+称职低于${share('admonishBelow')}`],
    ['组织调整', `不称职超过${share('adjustAbove')}`],
    ['分组显示下限', `不足${s.counts.minGroupSize}人不显示`],
  ];
  return (
    <View className='cells' id='create-rules'>
      {rows.map(([label, value]) => (
        <View className='cell' key={label}>
          <View className='cell-bd'>{label}</View>
          <View className='cell-ft'>{value}</View>
        </View>
      ))}
      <View className='cell'>
        <View className='cell-bd'>开始 / 结束</View>
        <View className='cell-ft' id='create-schedule'>
          {schedule(s.opens, '手动开启')} / {schedule(s.closes, '手动结束')}
        </View>
      </View>
    </View>
  );
}

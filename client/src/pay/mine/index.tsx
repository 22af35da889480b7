import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ANNUAL_GRADE_LABELS } from '../../../../shared/annual/grades';
import { SECTION_TIER_LABELS } from '../../../../shared/annual/tiers';
import { parkTimeText } from '../../../../shared/common/time';
import { yuan } from '../../../../shared/pay/pay';
import { YearChips, yearsOffered } from '../../common/YearChips';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/** One's own performance pay of a year, once released: the amount and the coefficients behind it — nobody else's. */
export default function MyPay() {
  // a year's pay is released in the year after: last year's first
  const [year, setYear] = useState(yearsOffered()[1] as number);
  const page = usePageData('pay', 'mine', { year }, { reset: true });
  const d = page.data;
  return (
    <View className='page' id='pay-mine-page'>
      <YearChips value={year} onChange={setYear} idPrefix='pay-mine' />
      <LoadStatus page={page} />
      {d && d.amountFen === null && (
        <View className='empty' id='pay-mine-none'>
          {d.released ? `${year}年度绩效奖金中没有您的记录` : `${year}年度绩效奖金尚未发放`}
        </View>
      )}
      {d && d.amountFen !== null && (
        <View className='card score-card' id='pay-mine-card'>
          <View className='score-who'>{year}年度绩效奖金（元）</View>
          <View className='score-big' id='pay-mine-amount'>
            {yuan(d.amountFen)}
          </View>
          <View className='small' id='pay-mine-why'>
            {d.grade ? ANNUAL_GRADE_LABELS[d.grade] : ''}（系数 {d.gradeCoefficient}）· 所在股室{d.tier ? SECTION_TIER_LABELS[d.tier] : ''}（系数{' '}
            {d.sectionCoefficient}）
          </View>
          {d.releasedAt && <Text className='small'>{parkTimeText(d.releasedAt)} 发放</Text>}
        </View>
      )}
    </View>
  );
}

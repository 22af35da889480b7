/** What the feedback pages share: a report as it reads, with its talks. */
import { View } from '@tarojs/components';
import type { ReportView } from '../../../shared/feedback/contract';
import { parkTimeText, quarterLabel } from '../../../shared/common/time';

const SECTIONS = [
  ['wentWell', '做得好的方面'],
  ['lags', '存在的差距'],
  ['plan', '改进计划'],
] as const;

export function ReportBody({ r }: { r: ReportView }) {
  return (
    <View id={`report-${r.id}`}>
      <View className='cells-title'>
        {quarterLabel(r.periodId)} · {r.sentByName} {parkTimeText(r.sentAt)} 发送
      </View>
      <View className='cells'>
        {SECTIONS.map(([key, label]) => (
          <View className='cell' key={key} style={{ display: 'block' }} id={`report-${r.id}-${key}`}>
            <View className='cell-title'>{label}</View>
            {r[key].length === 0 && <View className='cell-sub'>（无）</View>}
            {r[key].map((line, i) => (
              <View key={i} className='cell-sub'>
                {i + 1}. {line}
              </View>
            ))}
          </View>
        ))}
        {r.talks.map((t) => (
          <View className='cell' key={t.at} style={{ display: 'block' }} id={`report-${r.id}-talk-${t.date}`}>
            <View className='cell-title'>
              谈心谈话 · {t.date} · {t.byName}
            </View>
            <View className='cell-sub'>{t.notes}</View>
            <View className='cell-sub'>
              改进措施：{t.plan}（{t.followUpOn} 回访）
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

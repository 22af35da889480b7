import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { ProgressBar } from '../../common/ui';

const percent = (voted: number, roll: number) => (roll > 0 ? Math.floor((voted * 100) / roll) : 0);

/** Who has voted: the count against the roll, in all and by voter category. Counts only, never who. */
export function TurnoutCells({ turnout: t }: { turnout: OutputOf<'votes', 'turnout'> }) {
  return (
    <View className='cells' id='turnout'>
      <View className='cell'>
        <View className='cell-bd'>
          <View style={{ display: 'flex', justifyContent: 'space-between' }}>
            <Text className='cell-title'>合计</Text>
            <Text className='cell-ft' id='turnout-voted'>
              已投 {t.voted} / {t.roll} 人
            </Text>
          </View>
          <ProgressBar percent={percent(t.voted, t.roll)} id='turnout-bar' />
        </View>
      </View>
      {t.byCategory.map((k) => (
        <View className='cell' key={k.category} id={`turnout-${k.category}`}>
          <View className='cell-bd'>
            <View style={{ display: 'flex', justifyContent: 'space-between' }}>
              <Text>{k.label}</Text>
              <Text className='cell-ft'>
                {k.voted} / {k.roll}
              </Text>
            </View>
            <ProgressBar percent={percent(k.voted, k.roll)} />
          </View>
        </View>
      ))}
    </View>
  );
}

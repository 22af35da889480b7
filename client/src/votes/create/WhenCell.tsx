import { Picker, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { inPark } from '../../../../shared/common/time';
import { CreateError } from './CreateError';
import type { When } from './settings';

/** When the campaign opens or closes on its own: a day and a time on the park's clock, or none (by hand). */
export function WhenCell({
  which,
  value: w,
  opensDay,
  onChange: set,
  errors,
}: {
  which: 'opens' | 'closes';
  value: When;
  /** The opening day picked, if any: closing is proposed for it. */
  opensDay: string;
  onChange: (w: When) => void;
  errors: Record<string, string>;
}) {
  // the clock is read once, when the cell appears: rendering stays pure
  const [now] = useState(() => inPark(Date.now()));
  const today = now.format('YYYY-MM-DD');
  // Closing is proposed for tomorrow, opening for today; either can be moved.
  const proposed = which === 'opens' ? today : opensDay || now.add(1, 'day').format('YYYY-MM-DD');
  return (
    <>
      <View className='cell' id={`create-${which}`}>
        <View className='cell-bd'>{which === 'opens' ? '开始时间' : '结束时间'}</View>
        <Picker mode='date' value={w.day || proposed} start={today} onChange={(e) => set({ ...w, day: String(e.detail.value) })}>
          <View className='pick' id={`create-${which}-day`}>
            {w.day || (which === 'opens' ? '不设（手动开启）' : '不设（手动结束）')}
          </View>
        </Picker>
        {w.day && (
          <>
            <Picker mode='time' value={w.time} onChange={(e) => set({ ...w, time: String(e.detail.value) })}>
              <View className='pick' id={`create-${which}-time`}>
                {w.time}
              </View>
            </Picker>
            <Text className='pick-clear' id={`create-${which}-clear`} onClick={() => set({ ...w, day: '' })}>
              清除
            </Text>
          </>
        )}
      </View>
      <CreateError errors={errors} field={`${which}At`} />
    </>
  );
}

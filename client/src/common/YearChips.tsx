/** The years whose results people look at, as chips: the annual results' and performance pay's pages. */
import { View } from '@tarojs/components';
import { parkToday } from './today';

/** This year and the two before: the years whose results people look at. */
export function yearsOffered(): number[] {
  const y = Number(parkToday().slice(0, 4));
  return [y, y - 1, y - 2];
}

export function YearChips({ value, onChange, idPrefix }: { value: number; onChange: (y: number) => void; idPrefix: string }) {
  return (
    <View className='chips' id={`${idPrefix}-years`}>
      {yearsOffered().map((y) => (
        <View key={y} id={`${idPrefix}-year-${y}`} className={`chip${y === value ? ' chip-on' : ''}`} onClick={() => onChange(y)}>
          {y}年度
        </View>
      ))}
    </View>
  );
}

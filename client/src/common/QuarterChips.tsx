import { View } from '@tarojs/components';

/** 2026Q2 → 26年Q2 (short, for chips). */
export const shortQuarter = (id: string) => id.replace(/^\d{2}(\d{2})Q/, '$1年Q');

/** Quarter chips: one tap switches. The first option is this quarter. */
export function QuarterChips({
  value,
  options,
  onChange,
  idPrefix = 'quarter',
}: {
  value: string;
  options: string[];
  onChange: (q: string) => void;
  idPrefix?: string;
}) {
  return (
    <View className='chips' id={`${idPrefix}-chips`}>
      {options.map((q) => (
        <View key={q} id={`${idPrefix}-${q}`} className={`chip${q === value ? ' chip-on' : ''}`} onClick={() => onChange(q)}>
          {shortQuarter(q)}
          {q === options[0] ? '（本季）' : ''}
        </View>
      ))}
    </View>
  );
}

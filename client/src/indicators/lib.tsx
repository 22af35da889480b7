/** The indicator tags shown by the checklist and the library. */
import { Text } from '@tarojs/components';
import type { IndicatorClass, IndicatorKind } from '../../../shared/indicators/contract';
import { INDICATOR_CLASS_LABELS, INDICATOR_KIND_LABELS } from '../../../shared/indicators/indicator';

const CLASS_TAG: Record<IndicatorClass, string> = { key: 'tag-key', personal: 'tag-personal', incentive: 'tag-incentive' };

/** 关键 / 个性 / 激励 */
export function ClassTag({ cls, id }: { cls: IndicatorClass; id?: string }) {
  return (
    <Text className={`tag ${CLASS_TAG[cls]}`} id={id}>
      {INDICATOR_CLASS_LABELS[cls].replace('指标', '')}
    </Text>
  );
}

export function KindTag({ kind, id }: { kind: IndicatorKind; id?: string }) {
  return (
    <Text className='tag tag-grey' id={id}>
      {INDICATOR_KIND_LABELS[kind]}
    </Text>
  );
}

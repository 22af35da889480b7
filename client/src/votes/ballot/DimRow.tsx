import { Input, Text, View } from '@tarojs/components';
import { GRADE_LABELS, GRADES, type Dimension, type Grade, type RatingValue, type Scale } from '../../../../shared/votes/config';
import type { OnRate } from './CandidateCard';

/** One dimension of a candidate: a grade to tap (again to clear), or points typed. */
export function DimRow({
  candId,
  dim,
  scale,
  value,
  onRate,
}: {
  candId: string;
  dim: Dimension;
  scale: Scale;
  value: RatingValue | undefined;
  onRate: OnRate;
}) {
  return (
    <View className='dim-row'>
      <Text className='dim-label'>{dim.label}</Text>
      {scale.type === 'grades' ? (
        <View className='seg'>
          {GRADES.map((g: Grade) => (
            <View
              key={g}
              id={`cand-${candId}-${dim.key}-${g}`}
              className={`seg-item${value === g ? ` seg-on seg-${g}` : ''}`}
              onClick={() => onRate(candId, dim.key, value === g ? undefined : g)}
            >
              {GRADE_LABELS[g]}
            </View>
          ))}
        </View>
      ) : (
        <Input
          id={`cand-${candId}-${dim.key}`}
          className='input dim-input'
          type='number'
          value={value === undefined ? '' : String(value)}
          placeholder={`${scale.min}–${scale.max}`}
          onInput={(e) => {
            const t = e.detail.value.trim();
            const n = Number(t);
            onRate(candId, dim.key, t === '' || !Number.isFinite(n) ? undefined : n);
          }}
        />
      )}
    </View>
  );
}

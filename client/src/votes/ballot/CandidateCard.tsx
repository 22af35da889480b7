import { memo } from 'react';
import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { GRADE_LABELS, type CampaignSpec, type Dimension, type RatingValue } from '../../../../shared/votes/config';
import { gradeOfPoints, weightedPoints } from '../../../../shared/votes/ballot';
import { DimRow } from './DimRow';

export type Cand = OutputOf<'votes', 'ballot'>['campaign']['candidates'][number];
export type ByDim = Record<string, RatingValue>;
export type OnRate = (candId: string, dim: string, v: RatingValue | undefined) => void;

/** Every dimension of a candidate rated. */
export const complete = (dims: Dimension[], byDim: ByDim | undefined) => !!byDim && dims.every((d) => byDim[d.key] !== undefined);

interface CardProps {
  cand: Cand;
  byDim: ByDim;
  spec: CampaignSpec;
  onRate: OnRate;
  onFill: (candId: string) => void;
}

/** One candidate: a row per dimension. Memoised: a tap re-renders only the card whose ratings changed. */
export const CandidateCard = memo(function CandidateCard({ cand, byDim, spec, onRate, onFill }: CardProps) {
  const done = complete(spec.dimensions, byDim);
  const points = weightedPoints(spec, byDim);
  const overall = points === null ? null : gradeOfPoints(points, spec.rules.gradeCutoffs);
  return (
    <View className={`cand${done ? ' cand-done' : ''}`} id={`cand-${cand.id}`}>
      <View className='cand-hd'>
        <View className='cell-bd'>
          <Text className='cand-name'>{cand.name}</Text>
          {cand.sectionName && <Text className='cand-sub'>{cand.sectionName}</Text>}
        </View>
        {overall && (
          <Text
            className={`tag ${overall === 'excellent' ? 'tag-ok' : overall === 'incompetent' ? 'tag-red' : 'tag-grey'}`}
            id={`cand-${cand.id}-overall`}
          >
            总体{GRADE_LABELS[overall]}
          </Text>
        )}
        {spec.scale.type === 'grades' && !done && (
          <Text className='cand-fill' id={`cand-${cand.id}-fill`} onClick={() => onFill(cand.id)}>
            全部称职
          </Text>
        )}
      </View>
      {spec.dimensions.map((d) => (
        <DimRow key={d.key} candId={cand.id} dim={d} scale={spec.scale} value={byDim[d.key]} onRate={onRate} />
      ))}
    </View>
  );
});

import { Text, View } from '@tarojs/components';

/**
 * One row of a ranking: the rank, who, their score and grade tag, a bar as long as the score (0–100), and a line
 * below. Used by the quarter's and the year's rankings alike.
 */
export function RankRow({
  id,
  rank,
  name,
  sub,
  score,
  grade,
  barClass = '',
  below,
  onClick,
}: {
  id: string;
  rank: number;
  name: string;
  sub?: string | null;
  score: number;
  grade?: { label: string; tag: string };
  barClass?: string;
  below?: string;
  onClick?: () => void;
}) {
  return (
    <View className='cell rank-row' hoverClass={onClick ? 'cell-hover' : 'none'} id={id} onClick={onClick}>
      <View className='cell-bd'>
        <View className='result-hd'>
          <Text className='result-rank'>{rank}</Text>
          <Text className='cell-title'>{name}</Text>
          {sub && <Text className='small'>　{sub}</Text>}
          <Text className='result-overall'>{score}</Text>
          {grade && (
            <Text className={`tag ${grade.tag}`} style={{ marginLeft: '12px' }} id={`${id}-grade`}>
              {grade.label}
            </Text>
          )}
        </View>
        <View className='hbar'>
          <View className={`hbar-inner ${barClass}`} style={{ width: `${Math.max(0, Math.min(100, score))}%` }} />
        </View>
        {below && (
          <View className='small' style={{ marginLeft: '56px' }}>
            {below}
          </View>
        )}
      </View>
    </View>
  );
}

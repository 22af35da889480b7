import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { parkTimeText } from '../../../../shared/common/time';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { CardCell } from '../lib';

/**
 * A cadre's red and yellow cards (我的红黄牌): each in force with why and what lifts it, and those lifted, kept.
 * A section head or leader opens another's with `?memberId=`.
 */
export default function MyCards() {
  const { params } = useRouter();
  const page = usePageData('cards', 'cards', { memberId: params.memberId || undefined }, { reset: true });
  const cards = page.data?.cards ?? [];
  const inForce = cards.filter((c) => c.status === 'issued');
  const lifted = cards.filter((c) => c.status === 'lifted');
  return (
    <View className='page' id='cards-mine-page'>
      <LoadStatus page={page} />
      {page.data && cards.length === 0 && (
        <View className='empty' id='cards-none'>
          没有红黄牌
        </View>
      )}
      {inForce.length > 0 && <View className='cells-title'>执行中</View>}
      <View className='cells' id='cards-in-force'>
        {inForce.map((c) => (
          <CardCell
            key={c.key}
            id={`card-${c.key}`}
            color={c.color}
            title={c.ruleLabel}
            rule={`${parkTimeText(c.issuedAt)} · ${c.issuedByName}发放`}
            why={c.why}
          >
            <View className='cell-sub'>发放理由：{c.reason}</View>
            <View className='cell-sub' id={`card-${c.key}-lift-when`}>
              解除条件：{c.liftWhen}
              {c.liftable ? '（已满足，待领导解除）' : ''}
            </View>
          </CardCell>
        ))}
      </View>
      {lifted.length > 0 && <View className='cells-title'>已解除</View>}
      <View className='cells' id='cards-lifted'>
        {lifted.map((c) => (
          <CardCell
            key={c.key}
            id={`card-${c.key}`}
            color={c.color}
            title={c.ruleLabel}
            rule={`${parkTimeText(c.issuedAt)} · ${c.issuedByName}发放`}
            why={c.why}
          >
            <View className='cell-sub'>
              {c.liftedAt ? parkTimeText(c.liftedAt) : ''} · {c.liftedByName ?? ''}解除：{c.liftReason ?? ''}
            </View>
          </CardCell>
        ))}
      </View>
    </View>
  );
}

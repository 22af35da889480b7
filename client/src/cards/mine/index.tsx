import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { CardView } from '../../../../shared/cards/contract';
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
      <CardList id='cards-in-force' title='执行中' cards={inForce} />
      <CardList id='cards-lifted' title='已解除' cards={lifted} />
    </View>
  );
}

/** The cards of one state: in force (why, what lifts it) or lifted (when, by whom, why). */
function CardList({ id, title, cards }: { id: string; title: string; cards: CardView[] }) {
  if (cards.length === 0) return null;
  return (
    <>
      <View className='cells-title'>{title}</View>
      <View className='cells' id={id}>
        {cards.map((c) => (
          <CardCell
            key={c.key}
            id={`card-${c.key}`}
            color={c.color}
            title={c.ruleLabel}
            rule={`${parkTimeText(c.issuedAt)} · ${c.issuedByName}发放`}
            why={c.why}
          >
            {c.status === 'issued' ? (
              <>
                <View className='cell-sub'>发放理由：{c.reason}</View>
                <View className='cell-sub' id={`card-${c.key}-lift-when`}>
                  解除条件：{c.liftWhen}
                  {c.liftable ? '（已满足，待领导解除）' : ''}
                </View>
              </>
            ) : (
              <View className='cell-sub'>
                {c.liftedAt ? parkTimeText(c.liftedAt) : ''} · {c.liftedByName ?? ''}解除：{c.liftReason ?? ''}
              </View>
            )}
          </CardCell>
        ))}
      </View>
    </>
  );
}

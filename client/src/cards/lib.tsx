/** What the cards' pages share: how a card's colour looks, and one card as a cell. */
import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { CARD_COLOR_LABELS, type CardColor } from '../../../shared/cards/rules';

export const COLOR_TAG: Record<CardColor, string> = { red: 'tag-red', yellow: 'tag-no' };

/** A card or proposal: its colour, whose, the rule and why; `children` below (its course, the leader's form). */
export function CardCell(p: { id: string; color: CardColor; title: string; rule: string; why: string; children?: ReactNode; onClick?: () => void }) {
  return (
    <View className='cell' id={p.id} style={{ display: 'block' }} onClick={p.onClick}>
      <View className='row-between'>
        <Text className='cell-title'>{p.title}</Text>
        <Text className={`tag ${COLOR_TAG[p.color]}`} id={`${p.id}-color`}>
          {CARD_COLOR_LABELS[p.color]}
        </Text>
      </View>
      <View className='cell-sub'>{p.rule}</View>
      <View>{p.why}</View>
      {p.children}
    </View>
  );
}

import { Input, Text, View } from '@tarojs/components';
import { SegCell, TextCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { DIRECTIONS, RULES, type Draft } from './draft';

/** A quantitative indicator's target, unit, direction and scoring rule, with the rule's own numbers. */
export function RuleFields({ draft, set, errors }: { draft: Draft; set: (patch: Partial<Draft>) => void; errors: Record<string, string> }) {
  return (
    <View>
      <View className='cells-title'>目标与计分</View>
      <View className='cells'>
        <TextCell id='edit-target' label='目标值' type='digit' value={draft.target} onChange={(v) => set({ target: v })} />
        <TextCell id='edit-unit' label='单位' value={draft.unit} maxlength={8} onChange={(v) => set({ unit: v })} />
        <SegCell idPrefix='edit-direction' label='方向' options={DIRECTIONS} value={draft.direction} onChange={(d) => set({ direction: d })} />
        <SegCell idPrefix='edit-rule' label='规则' options={RULES} value={draft.ruleType} onChange={(t) => set({ ruleType: t })} />
        <View className='tips' id='edit-rule-help'>
          {RULES.find((x) => x.key === draft.ruleType)?.help}
        </View>
        {(draft.ruleType === 'deduction' || draft.ruleType === 'bonus') && (
          <TextCell
            id='edit-rule-perUnit'
            label={draft.ruleType === 'deduction' ? '每单位扣' : '每单位加'}
            type='digit'
            value={draft.perUnit}
            onChange={(v) => set({ perUnit: v })}
          />
        )}
        {draft.ruleType === 'deduction' && (
          <TextCell id='edit-rule-floor' label='保底分' type='digit' value={draft.floor} onChange={(v) => set({ floor: v })} />
        )}
        {(draft.ruleType === 'proportional' || draft.ruleType === 'bonus') && (
          <TextCell
            id='edit-rule-cap'
            label={draft.ruleType === 'proportional' ? '得分上限' : '加分上限'}
            type='digit'
            value={draft.cap}
            onChange={(v) => set({ cap: v })}
          />
        )}
        {draft.ruleType === 'tiers' &&
          draft.tiers.map((t, i) => (
            <View className='cell' key={i} id={`edit-tier-${i}`}>
              <Text className='cell-label'>第{i + 1}档 ≥</Text>
              <Input
                id={`edit-tier-${i}-atLeast`}
                className='input input-small'
                type='digit'
                value={t.atLeast}
                onInput={(e) => set({ tiers: draft.tiers.map((x, j) => (j === i ? { ...x, atLeast: e.detail.value } : x)) })}
              />
              <Text style={{ margin: '0 8px' }}>得</Text>
              <Input
                id={`edit-tier-${i}-points`}
                className='input input-small'
                type='digit'
                value={t.points}
                onInput={(e) => set({ tiers: draft.tiers.map((x, j) => (j === i ? { ...x, points: e.detail.value } : x)) })}
              />
              <Text style={{ margin: '0 8px' }}>分</Text>
              {draft.tiers.length > 1 && (
                <Text className='link-red' id={`edit-tier-${i}-remove`} onClick={() => set({ tiers: draft.tiers.filter((_, j) => j !== i) })}>
                  删除
                </Text>
              )}
            </View>
          ))}
        {draft.ruleType === 'tiers' && draft.tiers.length < 10 && (
          <View className='cell cell-link' id='edit-tier-add' onClick={() => set({ tiers: [...draft.tiers, { atLeast: '', points: '' }] })}>
            + 添加一档
          </View>
        )}
      </View>
      <FieldError id='edit-error-target' text={errors.target} />
      <FieldError id='edit-error-unit' text={errors.unit} />
      <FieldError id='edit-error-rule' text={errors.rule} />
    </View>
  );
}

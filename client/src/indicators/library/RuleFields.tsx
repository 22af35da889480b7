import { Input, Text, View } from '@tarojs/components';
import { FieldError } from '../../common/form';
import { DIRECTIONS, RULES, type Draft } from './draft';

/** A quantitative indicator's target, unit, direction and scoring rule, with the rule's own numbers. */
export function RuleFields({ draft, set, errors }: { draft: Draft; set: (patch: Partial<Draft>) => void; errors: Record<string, string> }) {
  return (
    <View>
      <View className='cells-title'>目标与计分</View>
      <View className='cells'>
        <View className='cell'>
          <View className='cell-label'>目标值</View>
          <Input id='edit-target' className='input' type='digit' value={draft.target} onInput={(e) => set({ target: e.detail.value })} />
        </View>
        <View className='cell'>
          <View className='cell-label'>单位</View>
          <Input id='edit-unit' className='input' value={draft.unit} maxlength={8} onInput={(e) => set({ unit: e.detail.value })} />
        </View>
        <View className='cell'>
          <View className='cell-label'>方向</View>
          <View className='seg'>
            {DIRECTIONS.map((x) => (
              <View
                key={x.d}
                id={`edit-direction-${x.d}`}
                className={`seg-item${draft.direction === x.d ? ' seg-on' : ''}`}
                onClick={() => set({ direction: x.d })}
              >
                {x.label}
              </View>
            ))}
          </View>
        </View>
        <View className='cell'>
          <View className='cell-label'>规则</View>
          <View className='seg'>
            {RULES.map((x) => (
              <View
                key={x.t}
                id={`edit-rule-${x.t}`}
                className={`seg-item${draft.ruleType === x.t ? ' seg-on' : ''}`}
                onClick={() => set({ ruleType: x.t })}
              >
                {x.label}
              </View>
            ))}
          </View>
        </View>
        <View className='tips' id='edit-rule-help'>
          {RULES.find((x) => x.t === draft.ruleType)?.help}
        </View>
        {(draft.ruleType === 'deduction' || draft.ruleType === 'bonus') && (
          <View className='cell'>
            <View className='cell-label'>{draft.ruleType === 'deduction' ? '每单位扣' : '每单位加'}</View>
            <Input id='edit-rule-perUnit' className='input' type='digit' value={draft.perUnit} onInput={(e) => set({ perUnit: e.detail.value })} />
          </View>
        )}
        {draft.ruleType === 'deduction' && (
          <View className='cell'>
            <View className='cell-label'>保底分</View>
            <Input id='edit-rule-floor' className='input' type='digit' value={draft.floor} onInput={(e) => set({ floor: e.detail.value })} />
          </View>
        )}
        {(draft.ruleType === 'proportional' || draft.ruleType === 'bonus') && (
          <View className='cell'>
            <View className='cell-label'>{draft.ruleType === 'proportional' ? '得分上限' : '加分上限'}</View>
            <Input id='edit-rule-cap' className='input' type='digit' value={draft.cap} onInput={(e) => set({ cap: e.detail.value })} />
          </View>
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

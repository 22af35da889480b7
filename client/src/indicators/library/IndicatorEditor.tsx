import { Button, Input, Picker, Switch, View } from '@tarojs/components';
import { INDICATOR_CLASS_LABELS, INDICATOR_KIND_LABELS } from '../../../../shared/indicators/indicator';
import { FieldError } from '../../common/form';
import { CLASSES, KINDS, type Draft, type Indicator } from './draft';
import { RuleFields } from './RuleFields';
import { VersionHistory } from './VersionHistory';

/** Editing one indicator (a new version of it) or adding one. */
export function IndicatorEditor({
  draft,
  set,
  sections,
  history,
  errors,
  saving,
  onSave,
  onCancel,
}: {
  draft: Draft;
  set: (patch: Partial<Draft>) => void;
  /** The sections that may own an indicator, besides the park. */
  sections: { id: string; name: string }[];
  /** The indicator's versions (null while they load). */
  history: Indicator[] | null;
  errors: Record<string, string>;
  saving: boolean;
  onSave: () => void;
  onCancel: () => void;
}) {
  const quantitative = draft.kind === 'quantitative';
  const owners = [{ id: 'park', name: '园区' }, ...sections];
  const ownerIndex = Math.max(
    0,
    owners.findIndex((o) => o.id === draft.owner),
  );
  return (
    <View className='page' id='edit-page'>
      <View className='page-hd'>
        <View className='page-title' id='edit-title'>
          {draft.id ? `修改指标（当前第${draft.version ?? 1}版）` : '新增指标'}
        </View>
        {draft.id && (
          <View className='page-desc text-red' id='edit-version-note'>
            修改后生成新版本，已关闭的季度不受影响
          </View>
        )}
      </View>
      <View className='cells'>
        <View className='cell'>
          <View className='cell-label'>名称</View>
          <Input id='edit-name' className='input' value={draft.name} maxlength={40} onInput={(e) => set({ name: e.detail.value })} />
        </View>
        <View className='cell'>
          <View className='cell-label'>分组</View>
          <Input
            id='edit-group'
            className='input'
            value={draft.group}
            maxlength={20}
            placeholder='如 入企听诉服务成效'
            onInput={(e) => set({ group: e.detail.value })}
          />
        </View>
        <View className='cell'>
          <View className='cell-label'>类别</View>
          <View className='seg'>
            {CLASSES.map((c) => (
              <View key={c} id={`edit-class-${c}`} className={`seg-item${draft.class === c ? ' seg-on' : ''}`} onClick={() => set({ class: c })}>
                {INDICATOR_CLASS_LABELS[c]}
              </View>
            ))}
          </View>
        </View>
        <View className='cell'>
          <View className='cell-label'>性质</View>
          <View className='seg'>
            {KINDS.map((k) => (
              <View key={k} id={`edit-kind-${k}`} className={`seg-item${draft.kind === k ? ' seg-on' : ''}`} onClick={() => set({ kind: k })}>
                {INDICATOR_KIND_LABELS[k]}
              </View>
            ))}
          </View>
        </View>
      </View>
      <FieldError id='edit-error-name' text={errors.name} />
      <FieldError id='edit-error-group' text={errors.group} />

      {quantitative && <RuleFields draft={draft} set={set} errors={errors} />}

      <View className='cells-title'>归口与来源</View>
      <View className='cells'>
        <Picker
          mode='selector'
          range={owners.map((o) => o.name)}
          value={ownerIndex}
          onChange={(e) => set({ owner: owners[Number(e.detail.value)]?.id ?? 'park' })}
        >
          <View className='cell cell-access' id='edit-owner'>
            <View className='cell-bd'>责任单位</View>
            <View className='cell-ft'>{owners[ownerIndex]?.name ?? draft.owner}</View>
          </View>
        </Picker>
        <View className='cell'>
          <View className='cell-label'>来源</View>
          <Input
            id='edit-source'
            className='input'
            value={draft.source}
            maxlength={60}
            placeholder='如 全省开发区综合考核'
            onInput={(e) => set({ source: e.detail.value })}
          />
        </View>
        <View className='cell'>
          <View className='cell-bd'>启用</View>
          <Switch id='edit-active' checked={draft.active} color='#07c160' onChange={(e) => set({ active: e.detail.value })} />
        </View>
      </View>
      <FieldError id='edit-error-owner' text={errors.owner} />
      <FieldError id='edit-error-source' text={errors.source} />
      <FieldError id='edit-error-form' text={errors.form ?? errors.class ?? errors.kind ?? errors.direction} />

      <View className='btn-area'>
        <Button id='edit-save' className={`btn btn-primary${saving ? ' btn-disabled' : ''}`} disabled={saving} onClick={onSave}>
          {saving ? '正在保存…' : '保存'}
        </Button>
        <View style={{ height: '12px' }} />
        <Button id='edit-cancel' className='btn btn-default' onClick={onCancel}>
          返回指标库
        </Button>
      </View>

      {draft.id && <VersionHistory draft={draft} history={history} />}
    </View>
  );
}

import { View } from '@tarojs/components';
import { INDICATOR_CLASS_LABELS, INDICATOR_KIND_LABELS } from '../../../../shared/indicators/indicator';
import { FormButtons, SegCell, SelectRow, SwitchCell, TextCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { CLASSES, KINDS, type Draft, type Indicator } from './draft';

const CLASS_OPTIONS = CLASSES.map((key) => ({ key, label: INDICATOR_CLASS_LABELS[key] }));
const KIND_OPTIONS = KINDS.map((key) => ({ key, label: INDICATOR_KIND_LABELS[key] }));
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
        <TextCell id='edit-name' label='名称' value={draft.name} maxlength={40} onChange={(v) => set({ name: v })} />
        <TextCell
          id='edit-group'
          label='分组'
          value={draft.group}
          maxlength={20}
          placeholder='如 入企听诉服务成效'
          onChange={(v) => set({ group: v })}
        />
        <SegCell idPrefix='edit-class' label='类别' options={CLASS_OPTIONS} value={draft.class} onChange={(c) => set({ class: c })} />
        <SegCell idPrefix='edit-kind' label='性质' options={KIND_OPTIONS} value={draft.kind} onChange={(k) => set({ kind: k })} />
      </View>
      <FieldError id='edit-error-name' text={errors.name} />
      <FieldError id='edit-error-group' text={errors.group} />

      {quantitative && <RuleFields draft={draft} set={set} errors={errors} />}

      <View className='cells-title'>归口与来源</View>
      <View className='cells'>
        <SelectRow
          id='edit-owner'
          label='责任单位'
          options={owners.map((o) => o.name)}
          index={ownerIndex}
          shown={owners[ownerIndex]?.name ?? draft.owner}
          onChange={(i) => set({ owner: owners[i]?.id ?? 'park' })}
        />
        <TextCell
          id='edit-source'
          label='来源'
          value={draft.source}
          maxlength={60}
          placeholder='如 全省开发区综合考核'
          onChange={(v) => set({ source: v })}
        />
        <SwitchCell id='edit-active' label='启用' checked={draft.active} onChange={(on) => set({ active: on })} />
      </View>
      <FieldError id='edit-error-owner' text={errors.owner} />
      <FieldError id='edit-error-source' text={errors.source} />
      <FieldError id='edit-error-form' text={errors.form ?? errors.class ?? errors.kind ?? errors.direction} />

      <FormButtons
        id='edit-save'
        text='保存'
        busy={saving}
        busyText='正在保存…'
        onClick={onSave}
        back={{ id: 'edit-cancel', text: '返回指标库', onClick: onCancel }}
      />

      {draft.id && <VersionHistory draft={draft} history={history} />}
    </View>
  );
}

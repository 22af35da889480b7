import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { TREE } from '../../../../shared/indicators/config';
import { SaveGroupInput } from '../../../../shared/indicators/contract';
import { INDICATOR_KIND_LABELS } from '../../../../shared/indicators/indicator';
import { planGroup } from '../../../../shared/indicators/tree-group';
import { FormButtons, InputCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { RetryNote } from '../../common/use-request';
import { useSubmit } from '../../common/use-submit';
import {
  factsOf,
  inputOf,
  namesOf,
  parentChoices,
  placeOf,
  rowsOf,
  sumOf,
  titleOf,
  type GroupTarget,
  type Indicator,
  type ParentChoice,
  type RowDraft,
  type Tree,
} from './group-draft';

const HELP: Record<GroupTarget['level'], string> = {
  goal: '园区目标是分解的起点：写明目标，分好权重。股室指标挂在园区目标下。',
  section: '本股室考核的指标，每项挂在一个园区目标下。岗位没有单独分解时，按这些指标考核。',
  post: '本岗位的指标，每项挂在本股室的一项股室指标下。本岗位人员没有个人清单时，按这些指标考核。',
  personal: '只属于本人的考核清单，挂在本岗位或本股室的指标下，也可以是本人自有的指标。设置后，本人按这份清单考核。',
};

/**
 * A row that opens a wheel of choices, its label above and the choice below at full width: indicator names and
 * parents are long, and stay readable on a 360 px phone (a local cell: the shared PickerCell keeps one line).
 * Inline sizes are CSS pixels of the phone (the stylesheet's are design units, half of them).
 */
function ChoiceCell(p: { id: string; label: string; options: string[]; index: number; placeholder: string; onChange: (i: number) => void }) {
  const chosen = p.index >= 0 ? p.options[p.index] : undefined;
  return (
    <Picker
      mode='selector'
      className='picker-row'
      range={p.options}
      value={Math.max(0, p.index)}
      onChange={(e) => p.onChange(Number(e.detail.value))}
    >
      <View className='cell cell-access form-cell' id={p.id} style={{ paddingTop: '8px', paddingBottom: '8px' }}>
        <View className='cell-bd'>
          <View className='form-label'>{p.label}</View>
          <View
            id={`${p.id}-value`}
            className={chosen === undefined ? 'form-placeholder' : ''}
            style={{ fontSize: '17px', lineHeight: 1.4, marginTop: '2px' }}
          >
            {chosen ?? p.placeholder}
          </View>
        </View>
      </View>
    </Picker>
  );
}

/** One node of the group: what it carries, its parent, its weight, and a target of its own where it has one. */
function NodeRow(p: {
  n: number;
  row: RowDraft;
  goal: boolean;
  indicators: Indicator[];
  choices: ParentChoice[];
  error?: string;
  onChange: (patch: Partial<RowDraft>) => void;
  onRemove: () => void;
}) {
  const { n, row } = p;
  const ind = p.indicators.find((i) => i.id === row.indicatorId);
  // the active indicators, and the row's own if it has been retired since (so that it shows)
  const offered = p.indicators.filter((i) => i.active || i.id === row.indicatorId);
  const pickIndicator = (i: number) => {
    const picked = offered[i];
    if (!picked) return;
    // a node under the parent that carries the same indicator, unless a parent is chosen already
    const same = p.choices.find((c) => c.indicatorId === picked.id);
    p.onChange({
      indicatorId: picked.id,
      ...(row.parentId === null && same ? { parentId: same.id } : {}),
      ...(picked.kind === 'qualitative' ? { target: '' } : {}),
    });
  };
  return (
    <View id={`ge-row-${n}`}>
      <View className='cells-title' style={{ display: 'flex', alignItems: 'center' }}>
        <Text className='grow'>
          第{n + 1}项{row.nodeId ? '' : '（新增）'}
        </Text>
        <Text className='link-red' id={`ge-row-${n}-remove`} style={{ fontSize: '16px', padding: '10px 0 10px 16px' }} onClick={p.onRemove}>
          删除本项
        </Text>
      </View>
      <View className='cells'>
        {p.goal ? (
          <InputCell
            id={`ge-row-${n}-label`}
            label='目标名称'
            value={row.label}
            maxlength={40}
            placeholder='如 营商环境最优'
            onChange={(v) => p.onChange({ label: v })}
          />
        ) : (
          <ChoiceCell
            id={`ge-row-${n}-indicator`}
            label='指标'
            options={offered.map((i) => `${i.name}（${i.group}·${INDICATOR_KIND_LABELS[i.kind]}）${i.active ? '' : '（已停用）'}`)}
            index={offered.findIndex((i) => i.id === row.indicatorId)}
            placeholder='请选择指标'
            onChange={pickIndicator}
          />
        )}
        {p.choices.length > 0 && (
          <ChoiceCell
            id={`ge-row-${n}-parent`}
            label='上级指标'
            options={p.choices.map((c) => c.label)}
            index={p.choices.findIndex((c) => c.id === row.parentId)}
            placeholder='请选择上级指标'
            onChange={(i) => p.onChange({ parentId: p.choices[i]?.id ?? null })}
          />
        )}
        <InputCell
          id={`ge-row-${n}-weight`}
          label='权重'
          type='digit'
          value={row.weight}
          maxlength={6}
          placeholder='0–100'
          onChange={(v) => p.onChange({ weight: v })}
        />
        {ind?.kind === 'quantitative' && (
          <InputCell
            id={`ge-row-${n}-target`}
            label='目标值'
            type='digit'
            value={row.target}
            maxlength={10}
            placeholder={`不填按指标默认 ${ind.target ?? '—'}${ind.unit ?? ''}`}
            onChange={(v) => p.onChange({ target: v })}
          />
        )}
      </View>
      <FieldError id={`ge-row-${n}-error`} text={p.error} />
    </View>
  );
}

/** The first message for each place on the form: a node's row (`nodes.2`) or the group's own. */
function byPlace(issues: readonly { path: string | readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) out[placeOf(i.path)] ??= i.message;
  return out;
}

/**
 * One weight group of the tree, whole: add a node (an indicator from the library, or a goal's wording), remove one,
 * change its parent, weight or target, then save the group at once (indicators.saveGroup). Checked on the phone
 * with the same rule the server applies (shared/indicators/tree-group.ts), each message under its row.
 */
export function GroupEditor(p: {
  target: GroupTarget;
  tree: Tree;
  sections: { id: string; name: string }[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { target, tree } = p;
  const library = usePageData('indicators', 'library', {});
  const indicators = [...(library.data ?? [])].sort((a, b) => a.group.localeCompare(b.group, 'zh') || a.name.localeCompare(b.name, 'zh'));
  const names = namesOf(tree, p.sections);
  const title = titleOf(target, names);
  const [rows, setRows] = useState<RowDraft[]>(() => rowsOf(target, tree));
  const nextKey = useRef(rows.length);
  const form = useSubmit('indicators', 'saveGroup', [rows]);
  const { errors } = form;
  const choices = parentChoices(target, tree);
  const sum = sumOf(rows);

  const change = (key: number, patch: Partial<RowDraft>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => {
    const key = nextKey.current;
    nextKey.current += 1;
    // under the only goal there is, when there is one; otherwise chosen (or found from the indicator) by the admin
    const parentId = target.level === 'section' && choices.length === 1 ? (choices[0]?.id ?? null) : null;
    setRows((rs) => [...rs, { key, nodeId: null, indicatorId: null, label: '', parentId, weight: '', target: '' }]);
  };

  const save = () =>
    form.submit(
      inputOf(target, rows),
      () => {
        void Taro.showToast({ title: '已保存', icon: 'success' });
        p.onSaved();
      },
      {
        reword: (_found, issues) =>
          byPlace(
            issues.map((i) => ({
              path: i.path,
              message: i.path[0] === 'nodes' && typeof i.path[1] === 'number' ? `第${i.path[1] + 1}项：${i.message}` : i.message,
            })),
          ),
        // the group's own rule, on what the phone has loaded (the server checks again on what is stored); then
        // taking nodes away is said by name, and sent only when confirmed
        prepare: async (input) => {
          const out = planGroup(SaveGroupInput.parse(input), factsOf(target, tree, library.data ?? [], names), {
            newId: (i) => `new-${i}`,
            nextOrder: 0,
          });
          if (!out.ok) {
            form.setErrors(byPlace(out.issues));
            return null;
          }
          const going = out.plan.removed;
          if (going.length === 0) return input;
          const answer = await Taro.showModal({
            title: '删除指标',
            content: `保存后将从${title}中删除${going.map((x) => `“${x.label}”`).join('、')}。确定吗？`,
            confirmText: '删除并保存',
            confirmColor: '#fa5151',
          });
          return answer.confirm ? input : null;
        },
      },
    );

  const groupError = errors.nodes ?? errors.sectionId ?? errors.memberId ?? errors.post ?? errors.level ?? errors.form;
  return (
    <View className='page' id='group-editor'>
      <View className='page-hd'>
        <View className='page-title' id='ge-title'>
          {title}
        </View>
        <View className='page-desc'>{HELP[target.level]}</View>
      </View>
      <LoadStatus page={library} text='正在加载指标库…' />
      {rows.length === 0 && (
        <View className='empty' id='ge-empty'>
          本组还没有指标，请点“添加一项”。
        </View>
      )}
      {rows.map((r, n) => (
        <NodeRow
          key={r.key}
          n={n}
          row={r}
          goal={target.level === 'goal'}
          indicators={indicators}
          choices={choices}
          error={errors[`nodes.${n}`]}
          onChange={(patch) => change(r.key, patch)}
          onRemove={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
        />
      ))}
      {rows.length < TREE.groupMaxNodes && (
        <FormButtons id='ge-add' text='＋ 添加一项' look='default' tight onClick={add} disabled={target.level !== 'goal' && !library.data} />
      )}
      <View className='cells' style={{ marginTop: '12px' }}>
        <View className='cell form-cell' id='ge-sum'>
          <View className='cell-bd'>权重合计</View>
          <Text className={rows.length === 0 || sum === TREE.groupTotal ? '' : 'text-red'} style={{ fontSize: '18px', fontWeight: 600 }}>
            {sum} / {TREE.groupTotal}
          </Text>
        </View>
      </View>
      <FieldError id='ge-error' text={groupError} />
      <View className='tips' id='ge-note'>
        保存后，之后开启的季度按新的分解生成考核清单；已开启季度的考核清单保持开启时的内容，不会改变。删除有下级指标的项前，请先删除或改挂其下级指标。
      </View>
      <RetryNote retrying={form.retrying} id='ge-retrying' />
      <FormButtons
        id='ge-save'
        text='保存本组'
        busy={form.busy}
        busyText='正在保存…'
        disabled={!library.data}
        onClick={save}
        back={{ id: 'ge-cancel', text: '返回指标分解', onClick: p.onCancel }}
      />
    </View>
  );
}

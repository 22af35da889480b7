import { Button, Input, Picker, Switch, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import '../../../../shared/common/zod-locale';
import { contracts, type OutputOf } from '../../../../shared/contracts';
import type { Direction, IndicatorClass, IndicatorKind, QuantRule } from "../../../../shared/indicators/contract";
import { INDICATOR_CLASS_LABELS, INDICATOR_KIND_LABELS } from "../../../../shared/indicators/indicator";
import { call } from '../../api/call';
import { ErrorBox, Loading } from '../../lib/ui';
import { ClassTag, FieldError, KindTag, detailsOrForm, issuesByField } from '../lib';

type Indicator = OutputOf<'indicators', 'library'>[number];
type Section = OutputOf<'park', 'sections'>[number];
type RuleType = QuantRule['type'];

const CLASSES: IndicatorClass[] = ['key', 'personal', 'incentive'];
const KINDS: IndicatorKind[] = ['quantitative', 'qualitative'];
const DIRECTIONS: { d: Direction; label: string }[] = [
  { d: 'higher', label: '越高越好' },
  { d: 'lower', label: '越低越好' },
];
const RULES: { t: RuleType; label: string; help: string }[] = [
  { t: 'proportional', label: '按比例', help: '完成值 ÷ 目标值 × 100，不超过上限' },
  { t: 'tiers', label: '分档', help: '达到某档门槛得该档分值（门槛以指标单位计）' },
  { t: 'deduction', label: '扣分', help: '达到目标得100分，每差1个单位扣若干分，不低于保底分' },
  { t: 'bonus', label: '加分', help: '达到目标得100分，每超1个单位加若干分，加分不超过上限' },
];

/** The form keeps numbers as typed text; they are parsed on save. */
interface Draft {
  id?: string;
  version?: number;
  name: string;
  class: IndicatorClass;
  kind: IndicatorKind;
  group: string;
  unit: string;
  direction: Direction;
  target: string;
  ruleType: RuleType;
  cap: string;
  perUnit: string;
  floor: string;
  tiers: { atLeast: string; points: string }[];
  owner: string;
  source: string;
  active: boolean;
}

const s = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const n = (t: string) => (t.trim() === '' ? Number.NaN : Number(t));

function draftOf(i: Indicator | null): Draft {
  const r = i?.rule ?? null;
  return {
    id: i?.id,
    version: i?.version,
    name: i?.name ?? '',
    class: i?.class ?? 'key',
    kind: i?.kind ?? 'quantitative',
    group: i?.group ?? '',
    unit: i?.unit ?? '',
    direction: i?.direction ?? 'higher',
    target: s(i?.target),
    ruleType: r?.type ?? 'proportional',
    cap: r?.type === 'proportional' ? s(r.cap) : r?.type === 'bonus' ? s(r.cap) : r ? '' : '100',
    perUnit: r?.type === 'deduction' || r?.type === 'bonus' ? s(r.perUnit) : '',
    floor: r?.type === 'deduction' ? s(r.floor) : '',
    tiers: r?.type === 'tiers' ? r.tiers.map((t) => ({ atLeast: s(t.atLeast), points: s(t.points) })) : [{ atLeast: '', points: '' }],
    owner: i?.owner ?? 'park',
    source: i?.source ?? '',
    active: i?.active ?? true,
  };
}

function ruleOf(d: Draft): QuantRule {
  switch (d.ruleType) {
    case 'proportional':
      return { type: 'proportional', cap: n(d.cap) };
    case 'tiers':
      return { type: 'tiers', tiers: d.tiers.map((t) => ({ atLeast: n(t.atLeast), points: n(t.points) })) };
    case 'deduction':
      return { type: 'deduction', perUnit: n(d.perUnit), floor: n(d.floor) };
    case 'bonus':
      return { type: 'bonus', perUnit: n(d.perUnit), cap: n(d.cap) };
  }
}

function ruleText(r: QuantRule | null, unit: string | null): string {
  if (!r) return '等次评定（优100 / 良85 / 中70 / 差50）';
  const u = unit ?? '';
  switch (r.type) {
    case 'proportional':
      return `按比例计分，上限 ${r.cap} 分`;
    case 'tiers':
      return `分档：${r.tiers.map((t) => `≥${t.atLeast}${u} 得 ${t.points} 分`).join('；')}`;
    case 'deduction':
      return `每差 1${u} 扣 ${r.perUnit} 分，保底 ${r.floor} 分`;
    case 'bonus':
      return `每超 1${u} 加 ${r.perUnit} 分，最多加 ${r.cap} 分`;
  }
}

/** Admin: the indicator library by class, each at its latest version; edit one (a new version) or add one. */
export default function Library() {
  const [list, setList] = useState<Indicator[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [history, setHistory] = useState<Indicator[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const busy = useRef(false);

  const load = useCallback(async () => {
    const r = await call('indicators', 'library', {});
    if (r.code === 0) {
      setList(r.data);
      setError(null);
    } else setError(r.message);
  }, []);
  useEffect(() => {
    void load();
    void call('park', 'sections', {}).then((r) => {
      if (r.code === 0) setSections(r.data);
    });
  }, [load]);

  const open = (i: Indicator | null) => {
    setDraft(draftOf(i));
    setErrors({});
    setHistory(null);
    if (i) {
      void call('indicators', 'history', { indicatorId: i.id }).then((r) => {
        if (r.code === 0) setHistory(r.data);
      });
    }
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = async () => {
    if (!draft || busy.current) return;
    const quantitative = draft.kind === 'quantitative';
    const input = {
      ...(draft.id ? { id: draft.id } : {}),
      name: draft.name,
      class: draft.class,
      kind: draft.kind,
      group: draft.group,
      unit: draft.unit.trim() ? draft.unit.trim() : null,
      direction: draft.direction,
      target: quantitative ? n(draft.target) : null,
      rule: quantitative ? ruleOf(draft) : null,
      owner: draft.owner,
      source: draft.source,
      active: draft.active,
    };
    const parsed = contracts.indicators.save.input.safeParse(input);
    if (!parsed.success) {
      const f = issuesByField(parsed.error.issues);
      if (f.target && Number.isNaN(input.target)) f.target = '请填写目标值';
      if (f.rule && parsed.error.issues.some((i) => i.path[0] === 'rule' && i.path.length > 1)) f.rule = '请完整填写计分规则的数值（0–200）';
      if (f.group) f.group = '请填写指标分组';
      setErrors(f);
      return;
    }
    busy.current = true;
    setSaving(true);
    const r = await call('indicators', 'save', input);
    busy.current = false;
    setSaving(false);
    if (r.code === 0) {
      void Taro.showToast({ title: draft.id ? `已保存为第${r.data.version}版` : '已新增', icon: 'success' });
      setDraft(null);
      void load();
    } else setErrors(detailsOrForm(r));
  };

  if (draft) {
    const quantitative = draft.kind === 'quantitative';
    const owners = [{ id: 'park', name: '园区' }, ...sections];
    const ownerIndex = Math.max(0, owners.findIndex((o) => o.id === draft.owner));
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
            <Input id='edit-group' className='input' value={draft.group} maxlength={20} placeholder='如 入企听诉服务成效' onInput={(e) => set({ group: e.detail.value })} />
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

        {quantitative && (
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
                    <View key={x.d} id={`edit-direction-${x.d}`} className={`seg-item${draft.direction === x.d ? ' seg-on' : ''}`} onClick={() => set({ direction: x.d })}>
                      {x.label}
                    </View>
                  ))}
                </View>
              </View>
              <View className='cell'>
                <View className='cell-label'>规则</View>
                <View className='seg'>
                  {RULES.map((x) => (
                    <View key={x.t} id={`edit-rule-${x.t}`} className={`seg-item${draft.ruleType === x.t ? ' seg-on' : ''}`} onClick={() => set({ ruleType: x.t })}>
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
        )}

        <View className='cells-title'>归口与来源</View>
        <View className='cells'>
          <Picker mode='selector' range={owners.map((o) => o.name)} value={ownerIndex} onChange={(e) => set({ owner: owners[Number(e.detail.value)]?.id ?? 'park' })}>
            <View className='cell cell-access' id='edit-owner'>
              <View className='cell-bd'>责任单位</View>
              <View className='cell-ft'>{owners[ownerIndex]?.name ?? draft.owner}</View>
            </View>
          </Picker>
          <View className='cell'>
            <View className='cell-label'>来源</View>
            <Input id='edit-source' className='input' value={draft.source} maxlength={60} placeholder='如 全省开发区综合考核' onInput={(e) => set({ source: e.detail.value })} />
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
          <Button id='edit-save' className={`btn btn-primary${saving ? ' btn-disabled' : ''}`} disabled={saving} onClick={() => void save()}>
            {saving ? '正在保存…' : '保存'}
          </Button>
          <View style={{ height: '12px' }} />
          <Button id='edit-cancel' className='btn btn-default' onClick={() => setDraft(null)}>
            返回指标库
          </Button>
        </View>

        {draft.id && (
          <View>
            <View className='cells-title'>版本记录</View>
            <View className='cells' id='history-list'>
              {!history && <Loading />}
              {history?.map((h) => (
                <View className='cell' key={h.version} id={`history-v${h.version}`}>
                  <View className='cell-bd'>
                    <View className='row-between'>
                      <Text className='cell-title'>
                        第{h.version}版 · {h.name}
                      </Text>
                      {h.version === draft.version && <Text className='tag tag-ok'>当前</Text>}
                    </View>
                    <View className='cell-sub'>
                      {INDICATOR_CLASS_LABELS[h.class]} · {INDICATOR_KIND_LABELS[h.kind]}
                      {h.target !== null ? ` · 目标 ${h.target}${h.unit ?? ''}` : ''} · {ruleText(h.rule, h.unit)}
                    </View>
                  </View>
                </View>
              ))}
            </View>
          </View>
        )}
      </View>
    );
  }

  return (
    <View className='page' id='library-page'>
      <View className='page-hd'>
        <View className='page-title'>指标库</View>
        <View className='page-desc'>点击指标修改；修改后生成新版本，已关闭的季度不受影响。</View>
      </View>
      <View className='btn-area' style={{ paddingTop: '0' }}>
        <Button id='library-add' className='btn btn-default' onClick={() => open(null)}>
          新增指标
        </Button>
      </View>
      {error && <ErrorBox message={error} onRetry={() => void load()} />}
      {!list && !error && <Loading />}
      {list &&
        CLASSES.map((c) => {
          const items = list.filter((i) => i.class === c);
          return (
            <View key={c} id={`library-group-${c}`}>
              <View className='cells-title'>
                {INDICATOR_CLASS_LABELS[c]}（{items.length}）
              </View>
              <View className='cells'>
                {items.length === 0 && <View className='empty'>暂无</View>}
                {items.map((i) => (
                  <View className='cell cell-access' hoverClass='cell-hover' key={i.id} id={`ind-${i.id}`} onClick={() => open(i)}>
                    <View className='cell-bd'>
                      <View className='cell-title'>
                        <ClassTag cls={i.class} /> {i.name}
                        {!i.active && <Text className='tag tag-grey'> 停用</Text>}
                      </View>
                      <View className='cell-sub'>
                        <KindTag kind={i.kind} /> {i.group}
                        {i.target !== null ? ` · 目标 ${i.target}${i.unit ?? ''}` : ''}
                      </View>
                    </View>
                    <Text className='cell-ft' id={`ind-${i.id}-version`}>
                      v{i.version}
                    </Text>
                  </View>
                ))}
              </View>
            </View>
          );
        })}
    </View>
  );
}

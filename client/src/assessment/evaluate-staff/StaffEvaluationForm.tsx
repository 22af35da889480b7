import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import '../../../../shared/common/zod-locale';
import { contracts, type OutputOf } from '../../../../shared/contracts';
import type { QualitativeGrade } from '../../../../shared/indicators/contract';
import { INDICATOR_CLASS_LABELS } from '../../../../shared/indicators/indicator';
import { QUALITATIVE_LABELS, QUALITATIVE_POINTS } from '../../../../shared/indicators/rules';
import { call } from '../../common/call';
import { FieldError, detailsOrForm, issuesByField } from '../../common/form';

export type Checklist = OutputOf<'indicators', 'checklist'>;
export type Evaluation = OutputOf<'assessment', 'myEvaluations'>['staff'][number];
const GRADES = Object.keys(QUALITATIVE_POINTS) as QualitativeGrade[];

/** Only what belongs to an item of this checklist. */
function onChecklist<V>(c: Checklist, values: Record<string, V>): Record<string, V> {
  const nodes = new Set(c.items.map((i) => i.nodeId));
  return Object.fromEntries(Object.entries(values).filter(([k]) => nodes.has(k)));
}

/**
 * The 考人 form for one cadre's checklist. `prev`: the caller's evaluation saved earlier this quarter, filled in to
 * be changed, not typed again.
 */
export function StaffEvaluationForm({ memberId, checklist: c, prev }: { memberId: string; checklist: Checklist; prev: Evaluation | undefined }) {
  const [score, setScore] = useState(prev ? String(prev.score) : '');
  const [grades, setGrades] = useState<Record<string, QualitativeGrade>>(() => (prev ? onChecklist(c, prev.grades) : {}));
  const [actuals, setActuals] = useState<Record<string, string>>(() =>
    prev ? Object.fromEntries(Object.entries(onChecklist(c, prev.actuals)).map(([k, v]) => [k, String(v)])) : {},
  );
  const [comment, setComment] = useState(prev?.comment ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const prefilled = prev !== undefined;
  const busy = useRef(false);

  const qualitative = c.items.filter((i) => i.kind === 'qualitative');
  const toEnter = c.items.filter((i) => i.kind === 'quantitative' && !i.metric);

  const submit = async () => {
    if (busy.current) return;
    const found: Record<string, string> = {};
    const missing = qualitative.filter((i) => !grades[i.nodeId]);
    if (missing.length) found.grades = `请评定：${missing.map((i) => i.name).join('、')}`;
    const nums: Record<string, number> = {};
    for (const i of toEnter) {
      const t = (actuals[i.nodeId] ?? '').trim();
      const v = Number(t);
      if (t === '' || Number.isNaN(v)) found.actuals ??= `请填写完成值：${i.name}`;
      else nums[i.nodeId] = v;
    }
    const input = { memberId, score: score.trim() === '' ? Number.NaN : Number(score), grades, actuals: nums, comment };
    const parsed = contracts.assessment.evaluateStaff.input.safeParse(input);
    if (!parsed.success) {
      const f = issuesByField(parsed.error.issues);
      if (f.score) f.score = '总体评分应为0到100之间的数';
      Object.assign(found, { ...f, ...found });
    }
    if (Object.keys(found).length) {
      setErrors(found);
      return;
    }
    busy.current = true;
    setSaving(true);
    setErrors({});
    const r = await call('assessment', 'evaluateStaff', input);
    busy.current = false;
    setSaving(false);
    if (r.code === 0) {
      setSaved(true);
      void Taro.showToast({ title: '评分已保存', icon: 'success' });
    } else setErrors(detailsOrForm(r));
  };

  return (
    <>
      <View className='page-hd'>
        <View className='page-title' id='es-title'>
          {c.memberName} · {c.periodLabel}
        </View>
        <View className='page-desc'>考人评分计入季度考核总分的30%；季度结束前可重新提交，以最后一次为准。</View>
      </View>
      {prefilled && !saved && (
        <View className='tips' id='es-prefilled'>
          已保存，可修改
        </View>
      )}

      <View className='cells-title'>总体评价（0–100）</View>
      <View className='cells'>
        <View className='cell'>
          <Input id='es-score' className='input' type='digit' value={score} placeholder='如 88' onInput={(e) => setScore(e.detail.value)} />
        </View>
      </View>
      <FieldError id='es-error-score' text={errors.score} />

      {qualitative.length > 0 && (
        <View>
          <View className='cells-title'>定性指标等次（优100 / 良85 / 中70 / 差50）</View>
          <View className='cells' id='es-grades'>
            {qualitative.map((i) => (
              <View className='cell' key={i.nodeId} style={{ display: 'block' }} id={`es-item-${i.nodeId}`}>
                <View className='row-between'>
                  <Text className='cell-title'>{i.name}</Text>
                  <Text className='small'>
                    {INDICATOR_CLASS_LABELS[i.class]} · 权重 {i.weight}
                  </Text>
                </View>
                <View className='seg' style={{ marginTop: '12px' }}>
                  {GRADES.map((g) => (
                    <View
                      key={g}
                      id={`es-grade-${i.nodeId}-${g}`}
                      className={`seg-item${grades[i.nodeId] === g ? ' seg-on' : ''}`}
                      onClick={() => setGrades((old) => ({ ...old, [i.nodeId]: g }))}
                    >
                      {QUALITATIVE_LABELS[g]}
                    </View>
                  ))}
                </View>
              </View>
            ))}
          </View>
          <FieldError id='es-error-grades' text={errors.grades} />
        </View>
      )}

      {toEnter.length > 0 && (
        <View>
          <View className='cells-title'>定量指标完成值</View>
          <View className='cells' id='es-actuals'>
            {toEnter.map((i) => (
              <View className='cell' key={i.nodeId}>
                <View className='cell-bd'>
                  <View className='cell-title'>{i.name}</View>
                  <View className='cell-sub'>
                    目标 {i.target ?? '—'}
                    {i.unit ?? ''} · {i.direction === 'lower' ? '越低越好' : '越高越好'}
                  </View>
                </View>
                <Input
                  id={`es-actual-${i.nodeId}`}
                  className='input input-small'
                  type='digit'
                  value={actuals[i.nodeId] ?? ''}
                  placeholder='完成值'
                  onInput={(e) => setActuals((old) => ({ ...old, [i.nodeId]: e.detail.value }))}
                />
              </View>
            ))}
          </View>
          <FieldError id='es-error-actuals' text={errors.actuals} />
        </View>
      )}
      <View className='tips'>走访、项目、诉求类定量指标由绩效档案自动统计，无需填写。</View>

      <View className='cells-title'>评语（选填）</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          <Textarea id='es-comment' className='textarea textarea-small' value={comment} maxlength={300} onInput={(e) => setComment(e.detail.value)} />
        </View>
      </View>
      <FieldError id='es-error-form' text={errors.form ?? errors.comment ?? errors.memberId} />
      {saved && (
        <View className='result-ok' id='es-done'>
          评分已保存
        </View>
      )}
      <View className='btn-area'>
        <Button id='es-submit' className={`btn btn-primary${saving ? ' btn-disabled' : ''}`} disabled={saving} onClick={() => void submit()}>
          {saving ? '正在提交…' : saved || prefilled ? '重新提交' : '提交评分'}
        </Button>
      </View>
    </>
  );
}

import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import '../../../../shared/common/zod-locale';
import { contracts, type OutputOf } from '../../../../shared/contracts';
import type { QualitativeGrade } from "../../../../shared/indicators/contract";
import { INDICATOR_CLASS_LABELS } from "../../../../shared/indicators/indicator";
import { QUALITATIVE_LABELS, QUALITATIVE_POINTS } from '../../../../shared/indicators/rules';
import { call } from '../../api/call';
import { ErrorBox, Loading } from '../../lib/ui';
import { FieldError, detailsOrForm, issuesByField } from '../lib';

type Checklist = OutputOf<'indicators', 'checklist'>;
const GRADES = Object.keys(QUALITATIVE_POINTS) as QualitativeGrade[];

/**
 * 考人: the evaluator's overall score of a cadre (0–100), a grade for each qualitative item of the cadre's checklist
 * and the actual value of each quantitative item the dossier does not count.
 */
export default function EvaluateStaff() {
  const { params } = useRouter();
  const memberId = params.memberId ?? '';
  const [c, setC] = useState<Checklist | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [score, setScore] = useState('');
  const [grades, setGrades] = useState<Record<string, QualitativeGrade>>({});
  const [actuals, setActuals] = useState<Record<string, string>>({});
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  /** The caller's evaluation saved earlier this quarter was filled in. */
  const [prefilled, setPrefilled] = useState(false);
  const busy = useRef(false);

  const load = useCallback(async () => {
    if (!memberId) {
      setError('缺少人员编号');
      return;
    }
    const [r, mine] = await Promise.all([call('indicators', 'checklist', { memberId }), call('assessment', 'myEvaluations', {})]);
    if (r.code === 0) {
      // what the caller already gave this quarter: shown to be changed, not typed again
      const prev = mine.code === 0 ? mine.data.staff.find((e) => e.memberId === memberId) : undefined;
      if (prev) {
        const nodes = new Set(r.data.items.map((i) => i.nodeId));
        setScore(String(prev.score));
        setGrades(Object.fromEntries(Object.entries(prev.grades).filter(([k]) => nodes.has(k))));
        setActuals(Object.fromEntries(Object.entries(prev.actuals).filter(([k]) => nodes.has(k)).map(([k, v]) => [k, String(v)])));
        setComment(prev.comment);
        setPrefilled(true);
      }
      setC(r.data);
      setError(null);
      void Taro.setNavigationBarTitle({ title: `考人评分 · ${r.data.memberName}` });
    } else setError(r.message);
  }, [memberId]);
  useEffect(() => {
    void load();
  }, [load]);

  const qualitative = c?.items.filter((i) => i.kind === 'qualitative') ?? [];
  const toEnter = c?.items.filter((i) => i.kind === 'quantitative' && !i.metric) ?? [];

  const submit = async () => {
    if (!c || busy.current) return;
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

  if (!c) return <View className='page' id='es-page'>{error ? <ErrorBox message={error} onRetry={() => void load()} /> : <Loading />}</View>;

  return (
    <View className='page' id='es-page'>
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
    </View>
  );
}

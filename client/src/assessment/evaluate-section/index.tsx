import '../../../../shared/common/zod-locale';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import { contracts } from '../../../../shared/contracts';
import { call } from '../../common/call';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/**
 * 考事: a leader scores each section's work this quarter (0–100); each leader's score counts, averaged. What the
 * leader already gave this quarter is filled in, to be changed.
 */
export default function EvaluateSection() {
  const [scores, setScores] = useState<Record<string, string>>({});
  const [rowErrors, setRowErrors] = useState<Record<string, string>>({});
  const [comments, setComments] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, number>>({});
  const [prefilled, setPrefilled] = useState(false);
  const [saving, setSaving] = useState(false);
  const page = usePageData('park', 'sections', {});
  // What this leader gave this quarter: filled in as it arrives, to be changed (none, or no answer: empty).
  const mine = usePageData(
    'assessment',
    'myEvaluations',
    {},
    {
      onData: ({ sections: prev }) => {
        if (prev.length === 0) return;
        setScores(Object.fromEntries(prev.map((e) => [e.sectionId, String(e.score)])));
        setComments(Object.fromEntries(prev.map((e) => [e.sectionId, e.comment])));
        setSaved(Object.fromEntries(prev.map((e) => [e.sectionId, e.score])));
        setPrefilled(true);
      },
    },
  );
  // The list shows once both have answered, already filled in.
  const sections = mine.loading ? null : page.data;

  const submit = async () => {
    if (!sections || saving) return;
    const filled = sections.filter((s) => (scores[s.id] ?? '').trim() !== '');
    if (filled.length === 0) {
      setRowErrors({ form: '请至少为一个股室评分' });
      return;
    }
    const errs: Record<string, string> = {};
    const inputs = filled.map((s) => ({ sectionId: s.id, score: Number(scores[s.id]), comment: comments[s.id] ?? '' }));
    for (const i of inputs) {
      const p = contracts.assessment.evaluateSection.input.safeParse(i);
      if (Number.isNaN(i.score) || (!p.success && p.error.issues.some((x) => x.path[0] === 'score'))) errs[i.sectionId] = '分数应在0到100之间';
      else if (!p.success) errs[i.sectionId] = p.error.issues[0]?.message ?? '请检查输入';
    }
    if (Object.keys(errs).length) {
      setRowErrors(errs);
      return;
    }
    setSaving(true);
    setRowErrors({});
    let ok = 0;
    for (const i of inputs) {
      const r = await call('assessment', 'evaluateSection', i);
      if (r.code === 0) {
        ok += 1;
        setSaved((old) => ({ ...old, [i.sectionId]: i.score }));
      } else {
        setRowErrors((old) => ({ ...old, [i.sectionId]: r.message }));
        if (r.code === 'CLOSED' || r.code === 'FORBIDDEN') break;
      }
    }
    setSaving(false);
    if (ok) void Taro.showToast({ title: `已保存${ok}个股室`, icon: 'success' });
  };

  return (
    <View className='page' id='es-section-page'>
      <View className='page-hd'>
        <View className='page-title'>考事评分</View>
        <View className='page-desc'>为各股室本季度工作评分（0–100），计入股室每位干部总分的10%；可多次提交，以最后一次为准。</View>
      </View>
      {prefilled && (
        <View className='tips' id='secs-prefilled'>
          已保存，可修改
        </View>
      )}
      <LoadStatus page={{ ...page, data: sections }} />
      {sections && (
        <View className='cells' id='sec-list'>
          {sections.map((s) => (
            <View key={s.id}>
              <View className='cell' id={`sec-${s.id}`}>
                <View className='cell-bd'>
                  <Text className='cell-title'>{s.name}</Text>
                  {saved[s.id] !== undefined && (
                    <Text className='tag tag-ok' id={`sec-${s.id}-saved`}>
                      　已保存 {saved[s.id]}
                    </Text>
                  )}
                </View>
                <Input
                  id={`sec-${s.id}-score`}
                  className='input input-small'
                  type='digit'
                  value={scores[s.id] ?? ''}
                  placeholder='分数'
                  onInput={(e) => setScores((old) => ({ ...old, [s.id]: e.detail.value }))}
                />
              </View>
              <View className='cell'>
                <Input
                  id={`sec-${s.id}-comment`}
                  className='input'
                  value={comments[s.id] ?? ''}
                  maxlength={300}
                  placeholder='评语（选填）'
                  onInput={(e) => setComments((old) => ({ ...old, [s.id]: e.detail.value }))}
                />
              </View>
              {rowErrors[s.id] && (
                <View className='field-error' id={`sec-${s.id}-error`}>
                  {rowErrors[s.id]}
                </View>
              )}
            </View>
          ))}
        </View>
      )}
      {rowErrors.form && (
        <View className='field-error' id='secs-error'>
          {rowErrors.form}
        </View>
      )}
      <View className='btn-area'>
        <Button id='secs-submit' className={`btn btn-primary${saving ? ' btn-disabled' : ''}`} disabled={saving} onClick={() => void submit()}>
          {saving ? '正在提交…' : '提交评分'}
        </Button>
      </View>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { canCall } from '../../../../shared/access';
import { DEFAULT_QUARTER_SETTINGS, QUARTER_GRADE_LABELS } from '../../../../shared/assessment/quarter';
import { parkTimeText } from '../../../../shared/common/time';
import { FormButtons, SegCell, TextCell, TextareaCell } from '../../common/cells';
import { PAGES } from '../../common/pages';
import { FieldError } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { useSubmit } from '../../common/use-submit';
import { ClosedQuarterHeader, useClosedQuarter } from '../closed-quarter';
import { GRADE_TAG } from '../lib';

type Field = 'staffEvaluation' | 'deductions';

const FIELD_LABELS: Record<Field, string> = { staffEvaluation: '考人分', deductions: '扣分' };
const W = DEFAULT_QUARTER_SETTINGS.weights;
const pct = (x: number) => `${Math.round(x * 100)}%`;
const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A cadre's quarter result: score, grade (with the 好 quota), rank, and how it was reached — each checklist item's
 * score and why, the evaluations (考人、考事), deductions, corrections. Own by default; `?memberId=&periodId=`
 * for section heads, leaders and the admin (who may also correct a score here).
 */
export default function ResultPage() {
  const { params } = useRouter();
  const memberId = params.memberId || undefined;
  const quarter = useClosedQuarter(params.periodId || undefined);
  const { periodId } = quarter;

  const [field, setField] = useState<Field>('staffEvaluation');
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  const form = useSubmit('assessment', 'correct', [field, value, reason]);
  const { errors } = form;

  // The correction form is for whoever the access table lets correct a score (the admin).
  const me = usePageData('members', 'me', {}).data;
  const corrects = !!me && canCall(me.roles, 'assessment', 'correct');
  const page = usePageData('assessment', 'result', memberId ? { periodId, memberId } : { periodId }, {
    reset: true,
    onData: (x) => void Taro.setNavigationBarTitle({ title: `${x.name} · ${x.periodLabel}` }),
    onFail: quarter.onFail,
  });
  const res = page.data;

  const correct = () => {
    if (!res) return;
    const input = { periodId: res.periodId, memberId: res.memberId, field, value: value.trim() === '' ? Number.NaN : Number(value), reason };
    return form.submit(
      input,
      (corrected) => {
        page.setData(corrected);
        setValue('');
        setReason('');
        void Taro.showToast({ title: '已更正', icon: 'success' });
      },
      {
        // whatever is wrong with the new value, it is said in the form's words
        reword: (f) => (f.value ? { ...f, value: '新值应为0到100之间的数' } : f),
        ask: async () =>
          (
            await Taro.showModal({
              title: '确认更正',
              content: `将${FIELD_LABELS[field]}由 ${res[field]} 改为 ${input.value}，全季度等次将重新计算。`,
            })
          ).confirm,
      },
    );
  };

  return (
    <View className='page' id='result-page'>
      <ClosedQuarterHeader quarter={quarter} idPrefix='result' what='结果' />
      <LoadStatus page={page} />
      {res && (
        <View>
          <View className='score-card' id='result-card'>
            <View className='score-who'>
              {res.name}
              {res.sectionName ? ` · ${res.sectionName}` : ''} · {res.periodLabel}
            </View>
            <View className='score-big' id='result-score'>
              {res.score}
            </View>
            <View className='score-line'>
              <Text className={`tag ${GRADE_TAG[res.grade]}`} id='result-grade'>
                {QUARTER_GRADE_LABELS[res.grade]}
              </Text>
              <Text id='result-rank'>
                　排名 {res.rank} / {res.of}
              </Text>
            </View>
            {res.cappedByQuota && (
              <View className='small' id='result-capped'>
                分数达到“好”，受名额限制（不超过{pct(DEFAULT_QUARTER_SETTINGS.goodShareMax)}）评为“较好”
              </View>
            )}
          </View>

          {me && me.memberId !== res.memberId && canCall(me.roles, 'feedback', 'send') && (
            <View className='cells'>
              <View
                className='cell cell-link'
                hoverClass='cell-hover'
                id='result-feedback'
                onClick={() => void Taro.navigateTo({ url: PAGES.feedback.write(res.memberId, res.periodId) })}
              >
                <View className='cell-bd'>写反馈报告</View>
                <View className='cell-ft' />
              </View>
            </View>
          )}
          <View className='cells-title'>
            考指标（{pct(W.indicators)}）：清单得分 {res.indicators}，计 {r2(res.indicators * W.indicators)} 分
          </View>
          <View className='cells' id='result-items'>
            {res.items.map((i) => (
              <View className='cell' key={i.nodeId} id={`ritem-${i.nodeId}`}>
                <View className='cell-bd'>
                  <View className='row-between'>
                    <Text className='cell-title'>{i.name}</Text>
                    <Text className='cell-ft' id={`ritem-${i.nodeId}-score`}>
                      {i.score === null ? '—' : `${i.score} 分`}
                    </Text>
                  </View>
                  <View className='cell-sub'>
                    权重 {i.weight} · 折合 {i.points}
                  </View>
                  <View className='why' id={`ritem-${i.nodeId}-why`}>
                    {i.why}
                  </View>
                </View>
              </View>
            ))}
          </View>

          <View className='cells-title'>其他构成</View>
          <View className='cells'>
            <View className='cell' id='result-staff'>
              <View className='cell-bd'>考人（股室负责人评价 × {pct(W.staffEvaluation)}）</View>
              <View className='cell-ft'>
                {res.staffEvaluation} → {r2(res.staffEvaluation * W.staffEvaluation)}
              </View>
            </View>
            <View className='cell' id='result-section'>
              <View className='cell-bd'>考事（股室评价 × {pct(W.sectionEvaluation)}）</View>
              <View className='cell-ft'>
                {res.sectionEvaluation} → {r2(res.sectionEvaluation * W.sectionEvaluation)}
              </View>
            </View>
            <View className='cell' id='result-deductions'>
              <View className='cell-bd'>不定期抽查扣分</View>
              <View className='cell-ft'>−{res.deductions}</View>
            </View>
          </View>

          {res.corrections.length > 0 && (
            <View>
              <View className='cells-title'>更正记录</View>
              <View className='cells' id='result-corrections'>
                {res.corrections.map((c, i) => (
                  <View className='cell' key={i} id={`correction-${i}`}>
                    <View className='cell-bd'>
                      <View className='cell-title'>
                        {FIELD_LABELS[c.field as Field] ?? c.field}：{c.old} → {c.new}
                      </View>
                      <View className='cell-sub'>
                        {parkTimeText(c.at)} {c.byName}：{c.reason}
                      </View>
                    </View>
                  </View>
                ))}
              </View>
            </View>
          )}

          {corrects && (
            <View id='correct-form'>
              <View className='cells-title'>更正（组织员）</View>
              <View className='cells'>
                <SegCell
                  idPrefix='correct-field'
                  options={(Object.keys(FIELD_LABELS) as Field[]).map((f) => ({ key: f, label: `${FIELD_LABELS[f]}（现 ${res[f]}）` }))}
                  value={field}
                  onChange={setField}
                />
                <TextCell id='correct-value' label='新值' type='digit' value={value} placeholder='0–100' onChange={setValue} />
                <TextareaCell id='correct-reason' value={reason} maxlength={300} placeholder='更正理由（至少4个字）' onChange={setReason} />
              </View>
              <FieldError id='correct-error' text={errors.value ?? errors.reason ?? errors.form ?? Object.values(errors)[0]} />
              <FormButtons id='correct-submit' text='更正并重新计算' look='default' busy={form.busy} busyText='正在更正…' onClick={correct} />
            </View>
          )}
        </View>
      )}
    </View>
  );
}

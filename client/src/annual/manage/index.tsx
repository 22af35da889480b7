import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { FormulaView } from '../../../../shared/annual/contract';
import { STATUS_LABELS } from '../../../../shared/annual/workflow';
import { PROVISIONAL_NOTE } from '../../../../shared/common/workdays';
import { parkTimeText } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { NumberCells, SwitchCell, TextareaCell, type NumberField } from '../../common/cells';
import { FieldError, detailsOrForm } from '../../common/form';
import { PAGES } from '../../common/pages';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { YearChips, yearsOffered } from '../lib';

type Fields = Omit<FormulaView, 'year' | 'version' | 'saved' | 'updatedAt'>;

/** The formula's numbers as the admin types them: shares in percent, the rest as they are. */
const NUMBERS: NumberField<Fields>[] = [
  { label: '指标评价权重', percent: true, get: (f) => f.weights.indicators, set: (f, v) => ({ ...f, weights: { ...f.weights, indicators: v } }) },
  { label: '单位评价权重', percent: true, get: (f) => f.weights.unit, set: (f, v) => ({ ...f, weights: { ...f.weights, unit: v } }) },
  { label: '民主测评权重', percent: true, get: (f) => f.weights.democratic, set: (f, v) => ({ ...f, weights: { ...f.weights, democratic: v } }) },
  { label: '企业评价权重', percent: true, get: (f) => f.weights.enterprise, set: (f, v) => ({ ...f, weights: { ...f.weights, enterprise: v } }) },
  {
    label: '单位评价中考人占比',
    percent: true,
    get: (f) => f.unitSplit.staff,
    set: (f, v) => ({ ...f, unitSplit: { staff: v, section: Math.max(0, 1 - v) } }),
  },
  { label: '超额加分上限（分）', get: (f) => f.incentiveBonusMax, set: (f, v) => ({ ...f, incentiveBonusMax: v }) },
  {
    label: '股室考事权重',
    percent: true,
    get: (f) => f.sectionWeights.work,
    set: (f, v) => ({ ...f, sectionWeights: { work: v, enterprise: Math.max(0, 1 - v) } }),
  },
  { label: '优秀分数线', get: (f) => f.cutoffs.excellent, set: (f, v) => ({ ...f, cutoffs: { ...f.cutoffs, excellent: v } }) },
  { label: '称职分数线', get: (f) => f.cutoffs.competent, set: (f, v) => ({ ...f, cutoffs: { ...f.cutoffs, competent: v } }) },
  { label: '基本称职分数线', get: (f) => f.cutoffs.basic, set: (f, v) => ({ ...f, cutoffs: { ...f.cutoffs, basic: v } }) },
  { label: '优秀比例上限', percent: true, get: (f) => f.excellentShareMax, set: (f, v) => ({ ...f, excellentShareMax: v }) },
  { label: '公示期（工作日）', get: (f) => f.publicityWorkdays, set: (f, v) => ({ ...f, publicityWorkdays: v }) },
  { label: '复核申请期（工作日）', get: (f) => f.reviewWorkdays, set: (f, v) => ({ ...f, reviewWorkdays: v }) },
  { label: '第一等次股室比例', percent: true, get: (f) => f.sectionFirstTierShare, set: (f, v) => ({ ...f, sectionFirstTierShare: v }) },
];
/** The formula's vetoes that are on or off. */
const VETO_SWITCHES: { key: 'admonishBarsExcellent' | 'redCardBarsExcellent'; id: string; label: string }[] = [
  { key: 'admonishBarsExcellent', id: 'annual-formula-admonish', label: '民主测评诫勉者不评优秀' },
  { key: 'redCardBarsExcellent', id: 'annual-formula-red-card', label: '有未解除红牌者不评优秀' },
];

/** The admin's year: its formula (versioned), compute, the leadership's confirmation, 公示, the notice. */
export default function AnnualManage() {
  const [year, setYear] = useState(yearsOffered()[0] as number);
  const status = usePageData('annual', 'status', { year }, { reset: true });
  const [draft, setDraft] = useState<{ fields: Fields; typed: Record<number, string> } | null>(null);
  const formula = usePageData(
    'annual',
    'formula',
    { year },
    { reset: true, onData: ({ year: _y, version: _v, saved: _s, updatedAt: _u, ...fields }) => setDraft({ fields, typed: {} }) },
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  // why the formula changes: the audit trail keeps it with the new version
  const [reason, setReason] = useState('');
  const y = status.data;
  const f = formula.data;
  // the formula may change only while the year's results are a draft
  const editable = y?.status === 'draft';

  const step = async (action: 'compute' | 'confirm' | 'publish' | 'notify', done: string) => {
    if (busy) return;
    setBusy(action);
    const r = await call('annual', action, { year });
    setBusy(null);
    if (r.code === 0) {
      status.setData(r.data);
      void Taro.showToast({ title: done, icon: 'success' });
    } else void Taro.showModal({ title: '未能完成', content: r.message, showCancel: false });
  };
  const save = async () => {
    if (!draft || busy) return;
    setBusy('save');
    const r = await call('annual', 'saveFormula', { year, reason, ...draft.fields });
    setBusy(null);
    if (r.code === 0) {
      formula.setData(r.data);
      setErrors({});
      setReason('');
      void Taro.showToast({ title: `已保存第${r.data.version}版`, icon: 'success' });
    } else setErrors(detailsOrForm(r));
  };

  return (
    <View className='page' id='annual-manage-page'>
      <YearChips value={year} onChange={setYear} idPrefix='annual-manage' />
      <LoadStatus page={status} />
      {y && <StatusCells y={y} />}
      {y && (
        <View className='btn-area'>
          {y.status === 'draft' && (
            <Button className='btn btn-primary' id='annual-compute' disabled={busy !== null} onClick={() => void step('compute', '已计算')}>
              {y.computed ? '重新计算' : '计算年度结果'}
            </Button>
          )}
          {y.status === 'draft' && y.computed && (
            <Button className='btn btn-default' id='annual-confirm' disabled={busy !== null} onClick={() => void step('confirm', '已确认')}>
              班子已确认
            </Button>
          )}
          {y.status === 'confirmed' && (
            <Button className='btn btn-primary' id='annual-publish' disabled={busy !== null} onClick={() => void step('publish', '已公示')}>
              公示
            </Button>
          )}
          {y.status === 'published' && (
            <Button className='btn btn-primary' id='annual-notify' disabled={busy !== null} onClick={() => void step('notify', '已通知')}>
              公示结束，通知本人
            </Button>
          )}
          {y.computed && (
            <Button className='btn btn-default' id='annual-to-ranking' onClick={() => void Taro.navigateTo({ url: PAGES.annual.ranking(year) })}>
              查看排名
            </Button>
          )}
        </View>
      )}

      <View className='cells-title'>年度考核公式{f ? (f.saved ? `（第${f.version}版）` : '（默认，尚未保存）') : ''}</View>
      <LoadStatus page={formula} />
      {draft && (
        <View className='cells' id='annual-formula'>
          <NumberCells idPrefix='annual-formula' items={NUMBERS} draft={draft} disabled={!editable} onChange={setDraft} />
          <SwitchCell
            id='annual-formula-good-quarters'
            label='优秀须半数以上季度为“好”'
            checked={draft.fields.excellentNeedsGoodQuarters}
            onChange={(on) => setDraft({ ...draft, fields: { ...draft.fields, excellentNeedsGoodQuarters: on } })}
          />
          {VETO_SWITCHES.map((v) => (
            <SwitchCell
              key={v.key}
              id={v.id}
              label={v.label}
              checked={draft.fields.vetoes[v.key]}
              onChange={(on) => setDraft({ ...draft, fields: { ...draft.fields, vetoes: { ...draft.fields.vetoes, [v.key]: on } } })}
            />
          ))}
        </View>
      )}
      {draft && editable && (
        <View className='cells'>
          <TextareaCell id='annual-formula-reason' value={reason} placeholder='修改理由（如：经党工委会议研究通过）' onChange={setReason} />
        </View>
      )}
      <FieldError id='annual-formula-error' text={errors.form ?? Object.values(errors)[0]} />
      {draft && editable && (
        <View className='btn-area'>
          <Button className='btn btn-primary' id='annual-formula-save' disabled={busy !== null} onClick={() => void save()}>
            保存公式
          </Button>
        </View>
      )}
    </View>
  );
}

type Year = NonNullable<ReturnType<typeof usePageData<'annual', 'status'>>['data']>;

/** Where the year stands: status, what it is based on, 优秀 against the quota, the deadlines. */
function StatusCells({ y }: { y: Year }) {
  return (
    <View className='cells' id='annual-status'>
      <View className='cell'>
        <View className='cell-bd'>状态</View>
        <View className='cell-ft' id='annual-status-label'>
          {y.computed ? STATUS_LABELS[y.status] : '尚未计算'}
        </View>
      </View>
      {y.computed && (
        <>
          <View className='cell'>
            <View className='cell-bd'>依据</View>
            <View className='cell-ft'>
              {y.quarters.length} 个季度 · 参评 {y.assessed} 人 · 公式第 {y.formulaVersion} 版
            </View>
          </View>
          <View className='cell'>
            <View className='cell-bd'>优秀</View>
            <View className='cell-ft' id='annual-excellent'>
              {y.excellentCount} / {y.excellentQuota} 名
            </View>
          </View>
          {y.computedAt && (
            <View className='cell'>
              <View className='cell-bd'>计算时间</View>
              <View className='cell-ft'>{parkTimeText(y.computedAt)}</View>
            </View>
          )}
        </>
      )}
      {y.publicUntil && (
        <View className='cell'>
          <View className='cell-bd'>公示至</View>
          <View className='cell-ft'>{parkTimeText(y.publicUntil)}</View>
        </View>
      )}
      {y.reviewUntil && (
        <View className='cell'>
          <View className='cell-bd'>复核申请截止</View>
          <View className='cell-ft'>
            {parkTimeText(y.reviewUntil)}
            {y.reviewsPending ? ` · 待答复 ${y.reviewsPending} 件` : ''}
          </View>
        </View>
      )}
      {y.deadlinesProvisional && (
        <View className='tips' id='annual-provisional'>
          公示和复核期限{PROVISIONAL_NOTE}
        </View>
      )}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { IndicatorKind } from '../../../../shared/indicators/contract';
import { INDICATOR_KIND_LABELS } from '../../../../shared/indicators/indicator';
import { parkTimeText } from '../../../../shared/common/time';
import { FormButtons, SegCell, TextCell, TextareaCell } from '../../common/cells';
import { FieldError, num } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { useSubmit } from '../../common/use-submit';
import { ACTION_LABELS, APP_STATUS_LABELS, APP_STATUS_TAG } from '../lib';

const KINDS = (['quantitative', 'qualitative'] as const).map((key) => ({ key, label: INDICATOR_KIND_LABELS[key] }));

/** A cadre applies (申报) for a new indicator; below, their applications with status and history. */
export default function Apply() {
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState<IndicatorKind>('quantitative');
  const [unit, setUnit] = useState('');
  const [target, setTarget] = useState('');
  const form = useSubmit('applications', 'apply', [name, reason, kind, unit, target]);
  const { errors } = form;
  const mine = usePageData('applications', 'list', { scope: 'mine' });
  const list = mine.data;

  const submit = () => {
    const t = num(target);
    if (kind === 'quantitative' && t !== null && Number.isNaN(t)) {
      form.setErrors({ target: '目标值应为数字' });
      return;
    }
    const input = {
      name,
      reason,
      kind,
      unit: kind === 'quantitative' && unit.trim() ? unit.trim() : null,
      target: kind === 'quantitative' ? t : null,
    };
    return form.submit(input, (a) => {
      void Taro.showToast({ title: '已提交申报', icon: 'success' });
      setName('');
      setReason('');
      setUnit('');
      setTarget('');
      mine.setData((old) => [a, ...(old ?? [])]);
    });
  };

  return (
    <View className='page' id='apply-page'>
      <View className='cells-title'>指标名称</View>
      <View className='cells'>
        <TextCell id='apply-name' value={name} maxlength={40} placeholder='如：协助企业申报省级专精特新' onChange={setName} />
      </View>
      <FieldError id='apply-error-name' text={errors.name} />

      <View className='cells-title'>指标类型</View>
      <View className='cells'>
        <SegCell idPrefix='apply-kind' options={KINDS} value={kind} onChange={setKind} />
        {kind === 'quantitative' && (
          <TextCell
            id='apply-target'
            label='目标值'
            wideLabel
            inputClass='input-right'
            type='digit'
            value={target}
            placeholder='如 3'
            onChange={setTarget}
          />
        )}
        {kind === 'quantitative' && (
          <TextCell
            id='apply-unit'
            label='单位'
            wideLabel
            inputClass='input-right'
            value={unit}
            maxlength={8}
            placeholder='如 家、个、条'
            onChange={setUnit}
          />
        )}
      </View>
      <FieldError id='apply-error-target' text={errors.target} />
      <FieldError id='apply-error-unit' text={errors.unit} />

      <View className='cells-title'>申报理由</View>
      <View className='cells'>
        <TextareaCell
          id='apply-reason'
          small={false}
          counter
          value={reason}
          maxlength={300}
          placeholder='为什么需要这项指标，与岗位职责的关系'
          onChange={setReason}
        />
      </View>
      <FieldError id='apply-error-reason' text={errors.reason} />
      <FieldError id='apply-error-form' text={errors.form ?? errors.kind} />

      <FormButtons id='apply-submit' text='提交申报' busy={form.busy} busyText='正在提交…' onClick={submit} />
      <View className='tips'>
        <Text>申报经股室负责人、组织员依次审核，通过后加入本人考核清单，其余指标权重按比例调整。</Text>
      </View>

      <View className='cells-title'>我的申报</View>
      <LoadStatus page={mine} />
      {list && (
        <View className='cells' id='apply-list'>
          {list.length === 0 && <View className='empty'>还没有申报</View>}
          {list.map((a) => (
            <View className='cell' key={a.id} id={`app-${a.id}`}>
              <View className='cell-bd'>
                <View className='row-between'>
                  <Text className='cell-title'>{a.name}</Text>
                  <Text className={`tag ${APP_STATUS_TAG[a.status]}`} id={`app-${a.id}-status`}>
                    {APP_STATUS_LABELS[a.status]}
                  </Text>
                </View>
                <View className='cell-sub'>
                  {INDICATOR_KIND_LABELS[a.kind]}
                  {a.target !== null ? ` · 目标 ${a.target}${a.unit ?? ''}` : ''}
                </View>
                <View className='history' id={`app-${a.id}-history`}>
                  {a.history.map((h, i) => (
                    <View className='history-line' key={i}>
                      {parkTimeText(h.at)} {h.byName} {ACTION_LABELS[h.action] ?? h.action}
                      {h.reason ? `：${h.reason}` : ''}
                    </View>
                  ))}
                </View>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

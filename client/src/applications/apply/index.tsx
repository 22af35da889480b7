import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import '../../../../shared/common/zod-locale';
import { contracts } from '../../../../shared/contracts';
import type { IndicatorKind } from '../../../../shared/indicators/contract';
import { INDICATOR_KIND_LABELS } from '../../../../shared/indicators/indicator';
import { parkTimeText } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { FieldError, detailsOrForm, issuesByField, num } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { ACTION_LABELS, APP_STATUS_LABELS, APP_STATUS_TAG } from '../lib';

const KINDS: IndicatorKind[] = ['quantitative', 'qualitative'];

/** A cadre applies (申报) for a new indicator; below, their applications with status and history. */
export default function Apply() {
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [kind, setKind] = useState<IndicatorKind>('quantitative');
  const [unit, setUnit] = useState('');
  const [target, setTarget] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const mine = usePageData('applications', 'list', { scope: 'mine' });
  const list = mine.data;

  const submit = async () => {
    if (busy.current) return;
    const t = num(target);
    const input = {
      name,
      reason,
      kind,
      unit: kind === 'quantitative' && unit.trim() ? unit.trim() : null,
      target: kind === 'quantitative' ? t : null,
    };
    if (kind === 'quantitative' && t !== null && Number.isNaN(t)) {
      setErrors({ target: '目标值应为数字' });
      return;
    }
    const parsed = contracts.applications.apply.input.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    busy.current = true;
    setSubmitting(true);
    setErrors({});
    const r = await call('applications', 'apply', input);
    busy.current = false;
    setSubmitting(false);
    if (r.code === 0) {
      void Taro.showToast({ title: '已提交申报', icon: 'success' });
      setName('');
      setReason('');
      setUnit('');
      setTarget('');
      mine.setData((old) => [r.data, ...(old ?? [])]);
    } else setErrors(detailsOrForm(r));
  };

  return (
    <View className='page' id='apply-page'>
      <View className='cells-title'>指标名称</View>
      <View className='cells'>
        <View className='cell'>
          <Input
            id='apply-name'
            className='input'
            value={name}
            maxlength={40}
            placeholder='如：协助企业申报省级专精特新'
            onInput={(e) => setName(e.detail.value)}
          />
        </View>
      </View>
      <FieldError id='apply-error-name' text={errors.name} />

      <View className='cells-title'>指标类型</View>
      <View className='cells'>
        <View className='cell'>
          <View className='seg'>
            {KINDS.map((k) => (
              <View key={k} id={`apply-kind-${k}`} className={`seg-item${kind === k ? ' seg-on' : ''}`} onClick={() => setKind(k)}>
                {INDICATOR_KIND_LABELS[k]}
              </View>
            ))}
          </View>
        </View>
        {kind === 'quantitative' && (
          <View className='cell'>
            <View className='cell-bd'>目标值</View>
            <Input
              id='apply-target'
              className='input input-right'
              type='digit'
              value={target}
              placeholder='如 3'
              onInput={(e) => setTarget(e.detail.value)}
            />
          </View>
        )}
        {kind === 'quantitative' && (
          <View className='cell'>
            <View className='cell-bd'>单位</View>
            <Input
              id='apply-unit'
              className='input input-right'
              value={unit}
              maxlength={8}
              placeholder='如 家、个、条'
              onInput={(e) => setUnit(e.detail.value)}
            />
          </View>
        )}
      </View>
      <FieldError id='apply-error-target' text={errors.target} />
      <FieldError id='apply-error-unit' text={errors.unit} />

      <View className='cells-title'>申报理由</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          <Textarea
            id='apply-reason'
            className='textarea'
            value={reason}
            maxlength={300}
            placeholder='为什么需要这项指标，与岗位职责的关系'
            onInput={(e) => setReason(e.detail.value)}
          />
          <View className='counter'>{reason.length}/300</View>
        </View>
      </View>
      <FieldError id='apply-error-reason' text={errors.reason} />
      <FieldError id='apply-error-form' text={errors.form ?? errors.kind} />

      <View className='btn-area'>
        <Button
          id='apply-submit'
          className={`btn btn-primary${submitting ? ' btn-disabled' : ''}`}
          disabled={submitting}
          onClick={() => void submit()}
        >
          {submitting ? '正在提交…' : '提交申报'}
        </Button>
      </View>
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

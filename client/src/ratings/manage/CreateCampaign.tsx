import { Button, Input, Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import '../../../../shared/common/zod-locale';
import { inPark } from '../../../../shared/common/time';
import { contracts } from '../../../../shared/contracts';
import type { RatingCampaignView } from '../../../../shared/ratings/contract';
import { call } from '../../common/call';
import { FieldError, detailsOrForm, issuesByField } from '../../common/form';
import { useFieldErrors } from '../../common/use-field-errors';
import { useRequest } from '../../common/use-request';
import { SHARES, percent } from '../lib';

/** Closing is proposed two weeks out: long enough to hand out the codes and for the enterprises to answer. */
const PROPOSED_DAYS = 14;

/** Admin: a new campaign — its name, the share sampled, the last day to rate. Its seed is committed at once. */
export function CreateCampaign({ onCreated }: { onCreated: (c: RatingCampaignView) => void }) {
  // the clock is read once, when the form appears: rendering stays pure
  const [now] = useState(() => inPark(Date.now()));
  const [title, setTitle] = useState(() => `${now.year()}年度企业满意度评价`);
  const [share, setShare] = useState<number>(SHARES[0]);
  const [closesOn, setClosesOn] = useState(() => now.add(PROPOSED_DAYS, 'day').format('YYYY-MM-DD'));
  const [errors, setErrors] = useFieldErrors([title, share, closesOn]);
  const [submitting, setSubmitting] = useState(false);
  const request = useRequest();
  const busy = useRef(false);

  const submit = async () => {
    if (busy.current) return;
    const input = { title, year: now.year(), share, closesOn };
    const parsed = contracts.ratings.create.input.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    busy.current = true;
    setSubmitting(true);
    setErrors({});
    const r = await call('ratings', 'create', input, request.options);
    request.settle(r.code === 0);
    busy.current = false;
    setSubmitting(false);
    if (r.code === 0) {
      void Taro.showToast({ title: '已创建', icon: 'success' });
      onCreated(r.data);
    } else setErrors(detailsOrForm(r));
  };

  return (
    <View id='create-form'>
      <View className='cells-title'>新建评价活动</View>
      <View className='cells'>
        <View className='cell'>
          <View className='cell-label'>名称</View>
          <View className='cell-bd'>
            <Input
              id='create-title'
              className='input'
              value={title}
              maxlength={40}
              placeholder='例如 2026年度企业满意度评价'
              onInput={(e) => setTitle(e.detail.value)}
            />
          </View>
        </View>
        <FieldError id='create-error-title' text={errors.title} />
        <View className='cell'>
          <View className='cell-label'>抽样比例</View>
          <View className='seg' id='create-share'>
            {SHARES.map((s) => (
              <View
                key={s}
                id={`create-share-${Math.round(s * 100)}`}
                className={`seg-item${share === s ? ' seg-on' : ''}`}
                onClick={() => setShare(s)}
              >
                {percent(s)}
              </View>
            ))}
          </View>
        </View>
        <FieldError id='create-error-share' text={errors.share} />
        <View className='cell'>
          <View className='cell-label'>截止日期</View>
          <View className='cell-bd'>
            <Picker mode='date' value={closesOn} start={now.add(1, 'day').format('YYYY-MM-DD')} onChange={(e) => setClosesOn(String(e.detail.value))}>
              <View className='pick' id='create-closes' style={{ display: 'inline-block', marginLeft: 0 }}>
                {closesOn}（当天24时结束）
              </View>
            </Picker>
          </View>
        </View>
        <FieldError id='create-error-closes' text={errors.closesOn} />
      </View>
      <FieldError id='create-error-form' text={errors.form ?? errors.year} />
      <View className='btn-area' style={{ paddingTop: '24px' }}>
        <Button
          id='create-submit'
          className={`btn btn-primary${submitting ? ' btn-disabled' : ''}`}
          disabled={submitting}
          onClick={() => void submit()}
        >
          {submitting ? '正在创建…' : '创建'}
        </Button>
      </View>
      <View className='tips'>
        创建时即生成随机种子并公布其指纹（SHA-256）；抽样时按种子从规上工业企业中分行业随机抽取，重点项目企业全部参评，抽样后公布种子，任何人可复核。
      </View>
    </View>
  );
}

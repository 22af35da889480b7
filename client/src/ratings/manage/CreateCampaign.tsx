import { Picker, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { inPark } from '../../../../shared/common/time';
import type { RatingCampaignView } from '../../../../shared/ratings/contract';
import { FormButtons, SegCell, TextCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { useSubmit } from '../../common/use-submit';
import { SHARES, percent } from '../lib';

/** Closing is proposed two weeks out: long enough to hand out the codes and for the enterprises to answer. */
const PROPOSED_DAYS = 14;

/** A share named by its percent (`create-share-25`). */
const shareKey = (s: number) => String(Math.round(s * 100));
const SHARE_OPTIONS = SHARES.map((s) => ({ key: shareKey(s), label: percent(s) }));

/** Admin: a new campaign — its name, the share sampled, the last day to rate. Its seed is committed at once. */
export function CreateCampaign({ onCreated }: { onCreated: (c: RatingCampaignView) => void }) {
  // the clock is read once, when the form appears: rendering stays pure
  const [now] = useState(() => inPark(Date.now()));
  const [title, setTitle] = useState(() => `${now.year()}年度企业满意度评价`);
  const [share, setShare] = useState<number>(SHARES[0]);
  const [closesOn, setClosesOn] = useState(() => now.add(PROPOSED_DAYS, 'day').format('YYYY-MM-DD'));
  const form = useSubmit('ratings', 'create', [title, share, closesOn]);
  const { errors } = form;

  const submit = () =>
    form.submit({ title, year: now.year(), share, closesOn }, (c) => {
      void Taro.showToast({ title: '已创建', icon: 'success' });
      onCreated(c);
    });

  return (
    <View id='create-form'>
      <View className='cells-title'>新建评价活动</View>
      <View className='cells'>
        <TextCell id='create-title' label='名称' value={title} maxlength={40} placeholder='例如 2026年度企业满意度评价' onChange={setTitle} />
        <FieldError id='create-error-title' text={errors.title} />
        <SegCell
          idPrefix='create-share'
          id='create-share'
          label='抽样比例'
          options={SHARE_OPTIONS}
          value={shareKey(share)}
          onChange={(k) => setShare(SHARES.find((s) => shareKey(s) === k) ?? share)}
        />
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
      <FormButtons id='create-submit' text='创建' busy={form.busy} busyText='正在创建…' style={{ paddingTop: '24px' }} onClick={submit} />
      <View className='tips'>
        创建时即生成随机种子并公布其指纹（SHA-256）；抽样时按种子从规上工业企业中分行业随机抽取，重点项目企业全部参评，抽样后公布种子，任何人可复核。
      </View>
    </View>
  );
}

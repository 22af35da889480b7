import { Button, Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import '../../../../shared/common/zod-locale';
import { contracts, type OutputOf } from '../../../../shared/contracts';
import { INDICATOR_KIND_LABELS } from '../../../../shared/indicators/indicator';
import { parkTimeText } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { detailsOrForm, issuesByField } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { ACTION_LABELS, APP_STATUS_LABELS } from '../lib';

type Application = OutputOf<'applications', 'list'>[number];

/**
 * Applications waiting for the caller: a section head's staff's (first step), and for the admin those the heads
 * passed (final step, with the weight the new item takes). Rejecting needs a reason.
 */
export default function Review() {
  const page = usePageData('applications', 'list', { scope: 'review' }, { onShow: true, pullDown: true });
  const list = page.data;
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [weights, setWeights] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<Record<string, string>>({});

  const decide = async (a: Application, decision: 'approve' | 'reject') => {
    if (busy) return;
    const final = a.status === 'pending_admin';
    const w = (weights[a.id] ?? '10').trim();
    const input = {
      applicationId: a.id,
      decision,
      reason: reasons[a.id] ?? '',
      ...(final && decision === 'approve' ? { weight: w === '' ? Number.NaN : Number(w) } : {}),
    };
    const parsed = contracts.applications.review.input.safeParse(input);
    if (!parsed.success) {
      const f = issuesByField(parsed.error.issues);
      setErrors((e) => ({ ...e, [a.id]: f.reason ?? (f.weight ? '权重应为1到50的整数' : (Object.values(f)[0] ?? '')) }));
      return;
    }
    setBusy(a.id);
    setErrors((e) => ({ ...e, [a.id]: '' }));
    const r = await call('applications', 'review', input);
    setBusy(null);
    if (r.code === 0) {
      setDone((d) => ({ ...d, [a.id]: APP_STATUS_LABELS[r.data.status] }));
      void Taro.showToast({ title: decision === 'approve' ? '已同意' : '已驳回', icon: 'success' });
    } else {
      const f = detailsOrForm(r);
      setErrors((e) => ({ ...e, [a.id]: Object.values(f)[0] ?? r.message }));
    }
  };

  return (
    <View className='page' id='review-page'>
      <View className='page-hd'>
        <View className='page-title'>申报审核</View>
        <View className='page-desc'>干部申报的新指标，经股室负责人、组织员依次审核。</View>
      </View>
      <LoadStatus page={page} />
      {list && list.length === 0 && (
        <View className='empty' id='review-empty'>
          暂无待审核的申报
        </View>
      )}
      {list && (
        <View id='review-list'>
          {list.map((a) => {
            const final = a.status === 'pending_admin';
            return (
              <View className='card' key={a.id} id={`review-${a.id}`}>
                <View className='row-between'>
                  <Text className='cell-title'>{a.name}</Text>
                  <Text className='tag tag-no'>{APP_STATUS_LABELS[a.status]}</Text>
                </View>
                <View className='cell-sub'>
                  {a.memberName} · {INDICATOR_KIND_LABELS[a.kind]}
                  {a.target !== null ? ` · 目标 ${a.target}${a.unit ?? ''}` : ''}
                </View>
                <View className='history'>
                  {a.history.map((h, i) => (
                    <View className='history-line' key={i}>
                      {parkTimeText(h.at)} {h.byName} {ACTION_LABELS[h.action] ?? h.action}
                      {h.reason ? `：${h.reason}` : ''}
                    </View>
                  ))}
                </View>
                {done[a.id] ? (
                  <View className='result-ok' id={`review-${a.id}-done`}>
                    已处理：{done[a.id]}
                  </View>
                ) : (
                  <View>
                    {final && (
                      <View className='inline-field'>
                        <Text>清单权重（1–50）</Text>
                        <Input
                          id={`review-${a.id}-weight`}
                          className='input input-small'
                          type='number'
                          value={weights[a.id] ?? '10'}
                          onInput={(e) => setWeights((w) => ({ ...w, [a.id]: e.detail.value }))}
                        />
                      </View>
                    )}
                    <Textarea
                      id={`review-${a.id}-reason`}
                      className='textarea textarea-small'
                      value={reasons[a.id] ?? ''}
                      maxlength={300}
                      placeholder='审核意见（驳回时必填）'
                      onInput={(e) => setReasons((r) => ({ ...r, [a.id]: e.detail.value }))}
                    />
                    {errors[a.id] && (
                      <View className='field-error' id={`review-${a.id}-error`}>
                        {errors[a.id]}
                      </View>
                    )}
                    <View className='vote-actions'>
                      <Button
                        id={`review-${a.id}-approve`}
                        className='btn btn-primary btn-mini'
                        disabled={busy === a.id}
                        onClick={() => void decide(a, 'approve')}
                      >
                        同意
                      </Button>
                      <Button
                        id={`review-${a.id}-reject`}
                        className='btn btn-warn btn-mini'
                        disabled={busy === a.id}
                        onClick={() => void decide(a, 'reject')}
                      >
                        驳回
                      </Button>
                    </View>
                  </View>
                )}
              </View>
            );
          })}
        </View>
      )}
    </View>
  );
}

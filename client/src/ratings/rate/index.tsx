import { Button, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { Fail } from '../../../../shared/common/errors';
import { isRetryable } from '../../../../shared/common/retry';
import { parkTimeText } from '../../../../shared/common/time';
import { RATING_LEVELS } from '../../../../shared/ratings/rating';
import { call } from '../../common/call';
import { Loading } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { RetryNote, useRequest } from '../../common/use-request';
import { codeFromParams } from '../../common/scene';

const NO_CODE: Fail = { code: 'NOT_FOUND', message: '缺少评价码，请用微信扫描园区发放的评价二维码' };

/** A failure in words: INVALID_INPUT's first field message (a mistyped code), otherwise the server's message. */
const messageOf = (r: Fail): string => (r.code === 'INVALID_INPUT' && r.details?.[0] ? r.details[0].message : r.message);

/** Five levels to tap (again to clear), plus, for a cadre, 不了解 (left out of the rating). */
function Levels({
  idPrefix,
  value,
  onPick,
  skip,
}: {
  idPrefix: string;
  value: number | 'skip' | undefined;
  onPick: (v: number | 'skip' | undefined) => void;
  skip?: boolean;
}) {
  return (
    <View className='seg' style={{ marginTop: '12px' }}>
      {RATING_LEVELS.map((l) => (
        <View
          key={l.level}
          id={`${idPrefix}-${l.level}`}
          className={`seg-item${value === l.level ? ` seg-on${l.level <= 2 ? ' seg-incompetent' : l.level === 3 ? ' seg-basic' : ''}` : ''}`}
          style={{ fontSize: '22px', padding: '12px 2px' }}
          onClick={() => onPick(value === l.level ? undefined : l.level)}
        >
          {l.label}
        </View>
      ))}
      {skip && (
        <View
          id={`${idPrefix}-skip`}
          className={`seg-item${value === 'skip' ? ' seg-on seg-basic' : ''}`}
          style={{ fontSize: '22px', padding: '12px 2px' }}
          onClick={() => onPick(value === 'skip' ? undefined : 'skip')}
        >
          不了解
        </View>
      )}
    </View>
  );
}

/**
 * An enterprise rates the park's service (企业评) with the one-time code printed for it: opened by scanning the
 * code (`scene` r=<CODE>) or with `?code=`. Every business-environment dimension, then any of the cadres who
 * served it. Anonymous: the rating keeps neither the code nor the enterprise (shared/ratings/rating.ts).
 */
export default function RatePage() {
  const { params } = useRouter();
  const code = codeFromParams(params, 'r');
  const form = usePageData('ratings', 'form', code ? { code } : null, { reset: true });
  const [dims, setDims] = useState<Record<string, number>>({});
  const [cadres, setCadres] = useState<Record<string, number | 'skip'>>({});
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // a code already used or a campaign over: nothing left to submit, the form gives way to the message
  const [final, setFinal] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  // many enterprises scan at once at the meeting: queue patiently, one request id until it is counted
  const request = useRequest({ patient: true });
  const busy = useRef(false);

  const f = form.data;
  const loadError = code ? form.error : NO_CODE;

  if (done) {
    return (
      <View className='page' id='rate-page'>
        <View className='score-card' id='rate-done'>
          <View className='check'>✓</View>
          <View className='score-line' style={{ marginTop: '16px', fontWeight: 600 }}>
            感谢您的评价
          </View>
          <View className='score-who' style={{ marginTop: '12px' }}>
            评价已计入。评价为匿名，园区看不到哪家企业给了哪个评价。
          </View>
        </View>
      </View>
    );
  }

  if (final || loadError) {
    const message = final ?? (loadError ? messageOf(loadError) : '');
    const retry = !final && loadError && code && isRetryable(loadError.code);
    return (
      <View className='page' id='rate-page'>
        <View className='error-box' id='rate-error'>
          <Text id='rate-error-text'>{message}</Text>
          {retry && (
            <View style={{ marginTop: '12px' }}>
              <Button className='btn btn-default btn-mini' id='rate-retry' onClick={() => void form.reload()}>
                重试
              </Button>
            </View>
          )}
        </View>
      </View>
    );
  }

  if (!f) return <Loading />;

  const complete = f.dimensions.every((d) => dims[d.key] !== undefined);

  const submit = async () => {
    if (busy.current || !complete) return;
    busy.current = true;
    setSubmitting(true);
    setSubmitError(null);
    const rated = Object.fromEntries(Object.entries(cadres).filter((e): e is [string, number] => typeof e[1] === 'number'));
    const r = await call('ratings', 'submit', { code, dimensions: dims, cadres: rated }, request.options);
    request.settle(r.code === 0);
    busy.current = false;
    setSubmitting(false);
    if (r.code === 0) setDone(true);
    else if (r.code === 'CONFLICT' || r.code === 'EXPIRED' || r.code === 'NOT_FOUND') setFinal(r.message);
    else setSubmitError(messageOf(r));
  };

  return (
    <View className='page' id='rate-page'>
      <View className='page-hd'>
        <View className='page-title' id='rate-title'>
          {f.campaignTitle}
        </View>
        <View className='page-desc' id='rate-enterprise'>
          {f.enterpriseName}
        </View>
        <View className='page-desc' id='rate-closes'>
          截止时间：{parkTimeText(f.closesAt)}
        </View>
      </View>
      <View className='tips' id='rate-anonymous' style={{ paddingTop: 0 }}>
        匿名：园区看不到哪家企业给了哪个评价。评价只按汇总结果公布，每个评价码只能提交一次。
      </View>

      <View className='cells-title'>营商环境满意度（每项必选）</View>
      <View id='rate-dimensions'>
        {f.dimensions.map((d) => (
          <View key={d.key} className='card' id={`dim-${d.key}`} style={{ margin: '0 0 2px' }}>
            <View className='cell-title'>{d.label}</View>
            <Levels
              idPrefix={`dim-${d.key}`}
              value={dims[d.key]}
              onPick={(v) => {
                setSubmitError(null);
                setDims((old) => {
                  const next = { ...old };
                  if (typeof v === 'number') next[d.key] = v;
                  else delete next[d.key];
                  return next;
                });
              }}
            />
          </View>
        ))}
      </View>

      {f.cadres.length > 0 && (
        <>
          <View className='cells-title'>为本企业服务过的干部（可选；不了解的请选“不了解”）</View>
          <View id='rate-cadres'>
            {f.cadres.map((c) => (
              <View key={c.id} className='card' id={`cadre-${c.id}`} style={{ margin: '0 0 2px' }}>
                <View className='cell-title'>
                  {c.name}
                  {c.sectionName && <Text className='cand-sub'> · {c.sectionName}</Text>}
                </View>
                <Levels
                  idPrefix={`cadre-${c.id}`}
                  value={cadres[c.id]}
                  skip
                  onPick={(v) => {
                    setSubmitError(null);
                    setCadres((old) => {
                      const next = { ...old };
                      if (v === undefined) delete next[c.id];
                      else next[c.id] = v;
                      return next;
                    });
                  }}
                />
              </View>
            ))}
          </View>
        </>
      )}

      {submitError && (
        <View className='field-error' id='rate-error'>
          {submitError}
        </View>
      )}
      <View className='btn-area'>
        <Button
          id='rate-submit'
          className={`btn btn-primary${submitting || !complete ? ' btn-disabled' : ''}`}
          disabled={submitting || !complete}
          onClick={() => void submit()}
        >
          {submitting ? '正在提交…' : complete ? '提交评价' : '请先评价全部项目'}
        </Button>
        <RetryNote retrying={request.retrying} id='rate-retrying' />
      </View>
      <View className='tips'>提交后不能修改。如提交时网络中断，请留在本页再次点击提交，不会重复计入。</View>
    </View>
  );
}

import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { quarterLabel, shiftQuarter } from '../../../../shared/common/time';
import type { FeedbackDraft } from '../../../../shared/feedback/draft';
import { FormButtons, TextCell, TextareaCell } from '../../common/cells';
import { FieldError, firstError } from '../../common/form';
import { currentQuarter, parkToday } from '../../common/today';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { useSubmit } from '../../common/use-submit';
import { ReportBody } from '../lib';

const FIELDS: { key: keyof FeedbackDraft; label: string }[] = [
  { key: 'wentWell', label: '做得好的方面' },
  { key: 'lags', label: '存在的差距' },
  { key: 'plan', label: '改进计划' },
];
const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0);

/**
 * A cadre's feedback report for a quarter (`?memberId=&periodId=`, the last closed quarter by default), written by
 * their section head or a leader: the system's draft from the records to edit (one point a line) and send; once
 * sent, the report and the talks about it, and a form to record a talk.
 */
export default function WriteFeedback() {
  const { params } = useRouter();
  const memberId = params.memberId ?? '';
  const [periodId] = useState(() => params.periodId || shiftQuarter(currentQuarter(), -1));
  const [text, setText] = useState<Record<string, string>>({});
  const page = usePageData('feedback', 'draft', memberId ? { memberId, periodId } : null, {
    onData: (d) => setText(Object.fromEntries(FIELDS.map((f) => [f.key, d.draft[f.key].join('\n')]))),
  });
  const [talk, setTalk] = useState({ date: parkToday(), notes: '', plan: '', followUpOn: '' });
  const sending = useSubmit('feedback', 'send', [text]);
  const recording = useSubmit('feedback', 'recordTalk', [talk]);
  const d = page.data;

  /** Sent or recorded: said, and the report read again. */
  const done = (title: string) => () => {
    void Taro.showToast({ title, icon: 'success' });
    void page.reload();
  };
  const send = () =>
    sending.submit(
      { memberId, periodId, wentWell: lines(text.wentWell ?? ''), lags: lines(text.lags ?? ''), plan: lines(text.plan ?? '') },
      done('已发送'),
    );
  const record = () => recording.submit({ reportId: d?.sent?.id ?? '', ...talk }, done('已记录'));
  return (
    <View className='page' id='feedback-write-page'>
      <LoadStatus page={page} />
      {d && (
        <View className='page-hd'>
          <View className='page-title' id='feedback-title'>
            {d.memberName} · {quarterLabel(d.periodId)}反馈报告
          </View>
        </View>
      )}
      {d && !d.sent && (
        <View id='feedback-form'>
          {FIELDS.map((f) => (
            <View key={f.key}>
              <View className='cells-title'>{f.label}（每行一条）</View>
              <View className='cells'>
                <TextareaCell
                  id={`feedback-${f.key}`}
                  small={false}
                  value={text[f.key] ?? ''}
                  maxlength={4000}
                  onChange={(v) => setText({ ...text, [f.key]: v })}
                />
              </View>
            </View>
          ))}
          <FieldError id='feedback-error' text={firstError(sending.errors)} />
          <FormButtons id='feedback-send' text='发送反馈报告' busy={sending.busy} onClick={send} />
        </View>
      )}
      {d?.sent && (
        <View>
          <ReportBody r={d.sent} />
          <View className='tips' id='feedback-ack'>
            {d.sent.acknowledgedAt ? '本人已确认收到' : '本人尚未确认收到'}
          </View>
          <View className='cells-title'>记录谈心谈话</View>
          <View className='cells' id='feedback-talk'>
            {(
              [
                ['date', '谈话日期', 'YYYY-MM-DD'],
                ['followUpOn', '回访日期', 'YYYY-MM-DD'],
              ] as const
            ).map(([key, label, hint]) => (
              <TextCell
                key={key}
                id={`feedback-talk-${key}`}
                label={label}
                value={talk[key]}
                placeholder={hint}
                onChange={(v) => setTalk({ ...talk, [key]: v })}
              />
            ))}
            <TextareaCell
              id='feedback-talk-notes'
              value={talk.notes}
              maxlength={1000}
              placeholder='谈话内容：查找原因，听取想法'
              onChange={(notes) => setTalk({ ...talk, notes })}
            />
            <TextareaCell
              id='feedback-talk-plan'
              value={talk.plan}
              maxlength={500}
              placeholder='商定的改进措施'
              onChange={(plan) => setTalk({ ...talk, plan })}
            />
          </View>
          <FieldError id='feedback-talk-error' text={firstError(recording.errors)} />
          <FormButtons id='feedback-talk-save' text='保存谈话记录' look='default' busy={recording.busy} onClick={record} />
        </View>
      )}
    </View>
  );
}

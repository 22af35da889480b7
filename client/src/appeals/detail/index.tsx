import { Button, Image, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useRef, useState, type ReactNode } from 'react';
import { RATING_LEVELS } from '../../../../shared/appeals/appeal';
import { APPEALS } from '../../../../shared/appeals/config';
import type { AppealView } from '../../../../shared/appeals/contract';
import type { Reply } from '../../../../shared/common/errors';
import { PROVISIONAL_NOTE } from '../../../../shared/common/workdays';
import { parkTimeText } from '../../../../shared/common/time';
import '../../../../shared/common/zod-locale';
import { contracts } from '../../../../shared/contracts';
import { call, newRequestId, type CallOptions } from '../../common/call';
import { detailsOrForm, issuesByField } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { RetryNote, useRequest } from '../../common/use-request';
import { EVENT_LABELS, overdueText } from '../lib';
import { AssigneePicker } from './AssigneePicker';

type Act = AppealView['can'][number];

const ACT_LABELS: Record<Act, string> = {
  accept: '受理',
  progress: '报告进展',
  resolve: '办结',
  confirm: '确认办结',
  reopen: '退回重办',
  rate: '评价',
  callBack: '记录回访',
  rectify: '记录整改',
  contest: '申诉差评',
  decide: '裁定申诉',
  reassign: '改派',
};
/** Taken at a tap; the others open a form first. */
const DIRECT: readonly Act[] = ['accept', 'confirm'];
const NOTE_HINTS: Partial<Record<Act, string>> = {
  progress: '办理进展：做了什么、下一步',
  resolve: '办理结果（企业将看到）',
  reopen: '退回原因：哪些问题还没有解决',
  rate: '评价说明（选填）',
  callBack: '回访情况：企业的意见',
  rectify: '整改情况：采取了哪些措施',
  contest: '申诉理由：差评为何有误或属恶意',
  decide: '裁定说明',
};

interface Form {
  note: string;
  level: number | null;
  upheld: boolean | null;
  memberId: string;
}
const EMPTY_FORM: Form = { note: '', level: null, upheld: null, memberId: '' };

/** A choice the form needs before anything is sent, in words for the user; null when it is made. */
function unchosen(act: Act, f: Form): string | null {
  if (act === 'decide' && f.upheld === null) return '请选择裁定结果';
  if (act === 'reassign' && !f.memberId) return '请选择改派的干部';
  return null;
}

function inputOf(act: Act, appealId: string, f: Form): Record<string, unknown> {
  switch (act) {
    case 'accept':
    case 'confirm':
      return { appealId };
    case 'rate':
      return { appealId, level: f.level, comment: f.note };
    case 'decide':
      return { appealId, upheld: f.upheld, note: f.note };
    case 'reassign':
      return { appealId, memberId: f.memberId };
    default:
      return { appealId, note: f.note };
  }
}

/** The action's call, its input checked against the contract first (a field's message instead of a round trip). */
async function send(act: Act, input: Record<string, unknown>, options: CallOptions): Promise<Reply<AppealView>> {
  const schema = contracts.appeals[act].input as {
    safeParse(x: unknown): { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  };
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const f = issuesByField(parsed.error?.issues ?? []);
    return { code: 'INVALID_INPUT', message: Object.values(f)[0] ?? '请检查填写的内容' };
  }
  // the schema passed: the input is the action's
  return call<'appeals', Act>('appeals', act, input as never, options);
}

/** One of a few exclusive choices (WeUI's segmented control): the rating's levels, the decision's outcomes. */
function Choices<T>({ options, value, onChange }: { options: { value: T; label: string; id: string }[]; value: T | null; onChange: (v: T) => void }) {
  return (
    <View className='cell'>
      <View className='seg'>
        {options.map((o) => (
          <View key={o.id} id={o.id} className={`seg-item${value === o.value ? ' seg-on' : ''}`} onClick={() => onChange(o.value)}>
            {o.label}
          </View>
        ))}
      </View>
    </View>
  );
}

const RATE_CHOICES = RATING_LEVELS.map((r) => ({ value: r.level, label: r.label, id: `rate-${r.level}` }));
const DECIDE_CHOICES = [
  { value: true, label: '维持差评', id: 'decide-upheld' },
  { value: false, label: '不予采信', id: 'decide-aside' },
];

function Line({ label, id, children, red = false }: { label: string; id?: string; children: ReactNode; red?: boolean }) {
  return (
    <View className='cell'>
      <View className='cell-bd'>{label}</View>
      <View className={`cell-ft${red ? ' text-red' : ''}`} id={id}>
        {children}
      </View>
    </View>
  );
}

/** The buttons of `view.can`, and the form of the one chosen; each submission one request until it succeeds. */
function Actions({ view, onView }: { view: AppealView; onView: (v: AppealView) => void }) {
  const [act, setAct] = useState<Act | null>(null);
  const [form, setForm] = useState<Form>(EMPTY_FORM);
  const [error, setError] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const busy = useRef(false);
  const request = useRequest();
  // One intent, one request: each action's id is kept across its retries (pressing it again after a failure) until
  // it succeeds — so switching between actions never sends one under another's id.
  const ids = useRef<Partial<Record<Act, string>>>({});

  const run = async (a: Act) => {
    if (busy.current) return;
    const missing = unchosen(a, form);
    if (missing) {
      setError(missing);
      return;
    }
    busy.current = true;
    setSubmitting(true);
    setError('');
    try {
      const requestId = (ids.current[a] ??= newRequestId());
      const r = await send(a, inputOf(a, view.id, form), { ...request.options, requestId });
      request.settle(r.code === 0);
      if (r.code === 0) {
        delete ids.current[a];
        void Taro.showToast({ title: '已提交', icon: 'success' });
        setAct(null);
        setForm(EMPTY_FORM);
        onView(r.data);
      } else setError(Object.values(detailsOrForm(r))[0] ?? r.message);
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  // a change to the form answers whatever was said about it
  const edit = (patch: Partial<Form>) => {
    setForm((f) => ({ ...f, ...patch }));
    setError('');
  };

  const choose = (a: Act) => {
    if (submitting) return;
    if (a !== act) setError('');
    // the picker opens blank: a cadre picked before 取消 is not sent unseen
    if (a === 'reassign' && a !== act) setForm((f) => ({ ...f, memberId: '' }));
    if (DIRECT.includes(a)) {
      setAct(null);
      void run(a);
    } else setAct(a);
  };

  if (view.can.length === 0) return null;
  const needsNote = act !== null && act !== 'reassign';
  return (
    <View id='appeal-actions'>
      <View className='btn-area vote-actions'>
        {view.can.map((a) => (
          <Button
            key={a}
            id={`act-${a}`}
            className={`btn btn-mini ${a === act || DIRECT.includes(a) ? 'btn-primary' : 'btn-default'}`}
            disabled={submitting}
            onClick={() => choose(a)}
          >
            {ACT_LABELS[a]}
          </Button>
        ))}
      </View>
      {act && (
        <View id='act-form'>
          <View className='cells-title'>{ACT_LABELS[act]}</View>
          <View className='cells'>
            {act === 'rate' && <Choices options={RATE_CHOICES} value={form.level} onChange={(level) => edit({ level })} />}
            {act === 'decide' && <Choices options={DECIDE_CHOICES} value={form.upheld} onChange={(upheld) => edit({ upheld })} />}
            {act === 'reassign' && <AssigneePicker memberId={form.memberId} onPick={(memberId) => edit({ memberId })} />}
            {needsNote && (
              <View className='cell' style={{ display: 'block' }}>
                <Textarea
                  id='act-note'
                  className='textarea textarea-small'
                  value={form.note}
                  maxlength={APPEALS.noteMax}
                  placeholder={NOTE_HINTS[act] ?? '说明'}
                  onInput={(e) => edit({ note: e.detail.value })}
                />
              </View>
            )}
          </View>
        </View>
      )}
      {error && (
        <View className='field-error' id='act-error'>
          {error}
        </View>
      )}
      {act && (
        <View className='btn-area vote-actions'>
          <Button id='act-submit' className='btn btn-primary btn-mini' disabled={submitting} onClick={() => void run(act)}>
            {submitting ? '正在提交…' : `确认${ACT_LABELS[act]}`}
          </Button>
          <Button id='act-cancel' className='btn btn-default btn-mini' disabled={submitting} onClick={() => setAct(null)}>
            取消
          </Button>
        </View>
      )}
      <RetryNote retrying={request.retrying} id='act-retrying' />
    </View>
  );
}

/** The state and its deadlines. */
function Head({ v }: { v: AppealView }) {
  const open = v.status !== 'confirmed';
  return (
    <View className='cells' id='appeal-head'>
      <Line label='状态' id='appeal-status'>
        {v.statusLabel}
      </Line>
      <Line label='类别' id='appeal-category'>
        {v.categoryLabel}
      </Line>
      <Line label='经办干部' id='appeal-assignee'>
        {v.assigneeName ?? '待分派'}
      </Line>
      {v.status === 'filed' && (
        <Line label='受理时限' id='appeal-accept-by' red={v.overdue.includes('accept')}>
          {parkTimeText(v.acceptBy)}前
        </Line>
      )}
      {open && (
        <Line label='办结时限' id='appeal-resolve-by' red={v.overdue.includes('resolve')}>
          {parkTimeText(v.resolveBy)}前
        </Line>
      )}
      {v.deadlinesProvisional && (
        <View className='tips' id='appeal-provisional'>
          时限{PROVISIONAL_NOTE}
        </View>
      )}
      {v.acceptedAt !== null && <Line label='受理时间'>{parkTimeText(v.acceptedAt)}</Line>}
      {v.resolvedAt !== null && <Line label='办结时间'>{parkTimeText(v.resolvedAt)}</Line>}
      {v.confirmedAt !== null && <Line label='确认时间'>{parkTimeText(v.confirmedAt)}</Line>}
      {v.reopens > 0 && <Line label='退回重办'>{v.reopens} 次</Line>}
      {v.overdue.length > 0 && (
        <Line label='超期' id='appeal-overdue' red>
          {overdueText(v)}
        </Line>
      )}
    </View>
  );
}

/** Something recorded on the appeal: what (the title), then when and what was written, when there is. */
function Recorded({ id, title, at, note = '' }: { id?: string; title: string; at?: number; note?: string }) {
  const sub = [at === undefined ? '' : parkTimeText(at), note].filter(Boolean).join(' · ');
  return (
    <View className='cell' id={id}>
      <View className='cell-bd'>
        <View className='cell-title'>{title}</View>
        {sub && <View className='cell-sub'>{sub}</View>}
      </View>
    </View>
  );
}

/** The 好差评 rating, and the re-rating after a bad one was rectified. */
function Rating({ v }: { v: AppealView }) {
  if (!v.rating && !v.reRating) return null;
  return (
    <>
      <View className='cells-title'>企业评价</View>
      <View className='cells'>
        {v.rating && <Recorded id='appeal-rating' title={v.rating.label} at={v.rating.at} note={v.rating.comment} />}
        {v.reRating && <Recorded id='appeal-rerating' title={`重新评价：${v.reRating.label}`} at={v.reRating.at} note={v.reRating.comment} />}
      </View>
    </>
  );
}

/** One step of a bad rating's follow-up (回访, 整改): done when and what was written, or the deadline. */
function FollowUpStep({
  id,
  label,
  done,
  by,
  late,
}: {
  id: string;
  label: string;
  done: { at: number; note: string } | null;
  by: number;
  late: boolean;
}) {
  return (
    <>
      <Line label={label} id={id} red={!done && late}>
        {done ? `已${label} ${parkTimeText(done.at)}` : `${parkTimeText(by)}前${label}`}
      </Line>
      {done && (
        <View className='cell'>
          <View className='cell-sub' id={`${id}-note`}>
            {done.note}
          </View>
        </View>
      )}
    </>
  );
}

/** A bad rating's follow-up: the call-back and the rectification, their deadlines and what was recorded. */
function FollowUp({ v }: { v: AppealView }) {
  const f = v.followUp;
  if (!f) return null;
  return (
    <>
      <View className='cells-title'>差评跟进</View>
      <View className='cells' id='appeal-followup'>
        <FollowUpStep id='appeal-callback' label='回访' done={f.callBack} by={f.callBackBy} late={v.overdue.includes('callBack')} />
        <FollowUpStep id='appeal-rectify' label='整改' done={f.rectification} by={f.rectifyBy} late={v.overdue.includes('rectify')} />
      </View>
    </>
  );
}

/** The assignee's contest of a bad rating, and the admin's decision. */
function Contest({ v }: { v: AppealView }) {
  const c = v.contest;
  if (!c) return null;
  const d = c.decision;
  return (
    <>
      <View className='cells-title'>差评申诉</View>
      <View className='cells' id='appeal-contest'>
        <Recorded title='申诉理由' at={c.at} note={c.reason} />
        <Recorded
          id='appeal-decision'
          title={d ? (d.upheld ? '裁定：维持差评' : '裁定：不予采信，差评不计') : '待组织员裁定'}
          at={d?.at}
          note={d?.note}
        />
      </View>
    </>
  );
}

/**
 * One appeal (企业诉求): its state and deadlines, what the enterprise wrote, the resolution, the 好差评 rating with
 * its follow-up and any contest, every step taken — and the buttons of what the caller may do now (`view.can`).
 */
export default function AppealDetail() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const page = usePageData('appeals', 'get', id ? { appealId: id } : null, { onShow: true, pullDown: true });
  const v = page.data;

  return (
    <View className='page' id='appeal-page'>
      {!id && <View className='error-box'>没有指定诉求</View>}
      <LoadStatus page={page} />
      {v && (
        <View>
          <View className='page-hd'>
            <View className='page-title' id='appeal-enterprise'>
              {v.enterpriseName}
            </View>
            <View className='page-desc'>提交于 {parkTimeText(v.filedAt)}</View>
          </View>
          <Head v={v} />

          <View className='cells-title'>诉求内容</View>
          <View className='card'>
            <Text className='readonly-text' id='appeal-text'>
              {v.text}
            </Text>
            {v.photoUrls.length > 0 && (
              <View className='thumbs' id='appeal-photos' style={{ marginTop: '16px' }}>
                {v.photoUrls.map((u, i) => (
                  <View className='thumb' key={u} id={`appeal-photo-${i}`} onClick={() => void Taro.previewImage({ current: u, urls: v.photoUrls })}>
                    <Image className='thumb-img' src={u} mode='aspectFill' />
                  </View>
                ))}
              </View>
            )}
          </View>

          {v.resolution !== null && (
            <>
              <View className='cells-title'>办理结果</View>
              <View className='card' id='appeal-resolution'>
                <Text className='readonly-text'>{v.resolution}</Text>
              </View>
            </>
          )}

          <Rating v={v} />
          <FollowUp v={v} />
          <Contest v={v} />

          <Actions view={v} onView={(next) => page.setData(next)} />

          <View className='cells-title'>办理记录</View>
          <View className='card'>
            <View className='history' id='appeal-events' style={{ marginTop: 0 }}>
              {v.events.map((e, i) => (
                <View className='history-line' key={i} id={`appeal-event-${i}`}>
                  {parkTimeText(e.at)} {e.byName} {EVENT_LABELS[e.kind] ?? e.kind}
                  {e.note ? `：${e.note}` : ''}
                </View>
              ))}
            </View>
          </View>
        </View>
      )}
    </View>
  );
}

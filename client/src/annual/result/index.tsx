import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { ANNUAL_GRADE_LABELS, type AnnualGrade } from '../../../../shared/annual/grades';
import { STATUS_LABELS } from '../../../../shared/annual/workflow';
import { PROVISIONAL_NOTE } from '../../../../shared/common/workdays';
import { parkTimeText } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { TextareaCell } from '../../common/cells';
import { FieldError, detailsOrForm } from '../../common/form';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { ProfileCard, TrendCard } from '../charts';
import { AnnualYearHeader, GRADE_TAG, GradeChoice, pct, useAnnualYear } from '../lib';

/**
 * One cadre's annual result (年度考核结果) explained: the total, each of the four evaluations with its weight, points
 * and the records behind it, deductions, the grade and why. For the cadre once notified: the written notice to
 * acknowledge, and review (复核) before the deadline. For leaders while a draft: the adjustment, with a reason; for
 * the admin: the answer to a review.
 */
export default function AnnualResult() {
  const { params } = useRouter();
  const memberId = params.memberId || undefined;
  const y = useAnnualYear(params.year);
  const { year } = y;
  const page = usePageData('annual', 'explain', { year, memberId }, { reset: true, onFail: y.onFail });
  const me = usePageData('members', 'me', {}).data;
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  // when the page opened: the review form shows until the deadline (the function refuses after it in any case)
  const [openedAt] = useState(() => Date.now());
  const v = page.data;
  const own = v !== null && me !== null && v.memberId === me.memberId;
  const isLeader = me?.roles.includes('leader') || me?.roles.includes('admin');
  const isAdmin = me?.roles.includes('admin') ?? false;

  const act = async (run: () => ReturnType<typeof call<'annual', 'acknowledge'>>, done: string) => {
    if (busy) return;
    setBusy(true);
    const r = await run();
    setBusy(false);
    if (r.code === 0) {
      page.setData(r.data);
      setNote('');
      setErrors({});
      void Taro.showToast({ title: done, icon: 'success' });
    } else setErrors(detailsOrForm(r));
  };
  return (
    <View className='page' id='annual-result-page'>
      <AnnualYearHeader y={y} idPrefix='annual-result' />
      <LoadStatus page={page} />
      {v && (
        <>
          <Card v={v} year={year} />
          <Sources v={v} />
          <TrendCard id='annual-trend' points={v.trend} own='本人' all='全园平均' />
          <ProfileCard id='annual-profile' axes={v.profile} />

          <GradeCourse v={v} />
          {own && v.year.status === 'notified' && (
            <Notice v={v} year={year} openedAt={openedAt} busy={busy} errors={errors} note={note} setNote={setNote} act={act} />
          )}
          {v.review && (
            <View className='cells' id='annual-review'>
              <View className='cell' style={{ display: 'block' }}>
                <View className='cell-sub'>{parkTimeText(v.review.at)} 申请复核</View>
                <View>{v.review.reason}</View>
                <View className='cell-sub' id='annual-review-answer'>
                  {v.review.answer
                    ? `复核结果：${ANNUAL_GRADE_LABELS[v.review.answer.grade]}（${parkTimeText(v.review.answer.at)}）${v.review.answer.note}`
                    : '复核中'}
                </View>
              </View>
            </View>
          )}

          {isAdmin && v.review && !v.review.answer && (
            <GradeNoteForm
              id='annual-answer'
              title='答复复核'
              placeholder='复核意见'
              button='提交复核意见'
              busy={busy}
              errors={errors}
              onSubmit={(grade, note) => void act(() => call('annual', 'answerReview', { year, memberId: v.memberId, grade, note }), '已答复')}
              onMissing={() => setErrors({ form: '请选择复核后的等次' })}
            />
          )}
          {isLeader && v.year.status === 'draft' && (
            <GradeNoteForm
              id='annual-adjust'
              title='班子研究调整等次（须说明理由）'
              placeholder='调整理由'
              button='调整等次'
              busy={busy}
              errors={errors}
              onSubmit={(grade, reason) =>
                void act(
                  () =>
                    call('annual', 'adjust', { year, memberId: v.memberId, grade, reason }).then((r) =>
                      r.code === 0 ? call('annual', 'explain', { year, memberId: v.memberId }) : r,
                    ),
                  '已调整',
                )
              }
              onMissing={() => setErrors({ form: '请选择等次' })}
            />
          )}
        </>
      )}
    </View>
  );
}

type View_ = NonNullable<ReturnType<typeof usePageData<'annual', 'explain'>>['data']>;

/** The four evaluations, each with its weight and points; a tap shows the records behind it. */
function Sources({ v }: { v: View_ }) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <>
      <View className='cells-title'>得分构成（三评价一抽查）</View>
      <View className='cells' id='annual-sources'>
        {v.sources.map((s) => (
          <View
            key={s.key}
            className='cell'
            style={{ display: 'block' }}
            id={`annual-source-${s.key}`}
            onClick={() => setOpen(open === s.key ? null : s.key)}
          >
            <View className='row-between'>
              <Text className='cell-title'>{s.label}</Text>
              <Text className='cell-ft' id={`annual-source-${s.key}-points`}>
                {s.value === null ? '未纳入' : `${s.value} × ${pct(s.effectiveWeight)} = ${s.points} 分`}
              </Text>
            </View>
            <View className='cell-sub'>{s.note}</View>
            {open === s.key &&
              s.records.map((r) => (
                <View className='cell-sub' key={r.ref} id={`annual-record-${r.ref}`}>
                  · {r.label}：{r.value ?? '不足3份评价，不计分'}
                </View>
              ))}
          </View>
        ))}
        {v.deductions > 0 && (
          <View className='cell'>
            <View className='cell-bd'>不定期抽查扣分</View>
            <View className='cell-ft text-red'>−{v.deductions} 分</View>
          </View>
        )}
      </View>
    </>
  );
}

/** A grade and the words why: the leadership's adjustment, or the admin's answer to a review. */
function GradeNoteForm(p: {
  id: string;
  title: string;
  placeholder: string;
  button: string;
  busy: boolean;
  errors: Record<string, string>;
  onSubmit: (grade: AnnualGrade, note: string) => void;
  onMissing: () => void;
}) {
  const [grade, setGrade] = useState<AnnualGrade | null>(null);
  const [note, setNote] = useState('');
  return (
    <View id={`${p.id}-form`}>
      <View className='cells-title'>{p.title}</View>
      <View className='cells'>
        <View className='cell'>
          <GradeChoice value={grade} onChange={setGrade} idPrefix={p.id} />
        </View>
        <TextareaCell id={`${p.id}-note`} value={note} placeholder={p.placeholder} onChange={setNote} />
      </View>
      <FieldError id={`${p.id}-error`} text={p.errors.note ?? p.errors.reason ?? p.errors.form} />
      <View className='btn-area'>
        <Button className='btn btn-primary' id={`${p.id}-submit`} disabled={p.busy} onClick={() => (grade ? p.onSubmit(grade, note) : p.onMissing())}>
          {p.button}
        </Button>
      </View>
    </View>
  );
}

/** The cadre's written notice: acknowledge it; ask for review before the deadline. */
function Notice({
  v,
  year,
  openedAt,
  busy,
  errors,
  note,
  setNote,
  act,
}: {
  v: View_;
  year: number;
  openedAt: number;
  busy: boolean;
  errors: Record<string, string>;
  note: string;
  setNote: (s: string) => void;
  act: (run: () => ReturnType<typeof call<'annual', 'acknowledge'>>, done: string) => Promise<void>;
}) {
  return (
    <View id='annual-notice'>
      <View className='cells-title'>考核结果通知</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          <View>
            您{year}年度考核等次为“{ANNUAL_GRADE_LABELS[v.grade]}”。如有异议，可在 {v.year.reviewUntil ? parkTimeText(v.year.reviewUntil) : ''}{' '}
            前申请复核。
          </View>
          {v.year.deadlinesProvisional && <View className='cell-sub'>复核期限{PROVISIONAL_NOTE}</View>}
          {v.acknowledgedAt ? (
            <View className='cell-sub' id='annual-acknowledged'>
              已于 {parkTimeText(v.acknowledgedAt)} 确认收到
            </View>
          ) : (
            <Button
              className='btn btn-primary btn-mini'
              id='annual-acknowledge'
              disabled={busy}
              onClick={() => void act(() => call('annual', 'acknowledge', { year }), '已确认')}
            >
              确认收到
            </Button>
          )}
        </View>
      </View>
      {!v.review && v.year.reviewUntil !== null && openedAt <= v.year.reviewUntil && (
        <View id='annual-review-form'>
          <View className='cells'>
            <TextareaCell id='annual-review-reason' value={note} placeholder='复核理由：哪一项有误、依据是什么' onChange={setNote} />
          </View>
          <FieldError id='annual-review-error' text={errors.reason ?? errors.form} />
          <View className='btn-area'>
            <Button
              className='btn btn-default'
              id='annual-review-submit'
              disabled={busy}
              onClick={() => void act(() => call('annual', 'requestReview', { year, reason: note }), '已提交')}
            >
              申请复核
            </Button>
          </View>
        </View>
      )}
    </View>
  );
}

function Card({ v, year }: { v: View_; year: number }) {
  return (
    <View className='card score-card' id='annual-card'>
      <View className='score-who'>
        {v.name}
        {v.sectionName ? ` · ${v.sectionName}` : ''} · {year}年度（{STATUS_LABELS[v.year.status]}）
      </View>
      <View className='score-big' id='annual-total'>
        {v.total}
      </View>
      <View>
        <Text className={`tag ${GRADE_TAG[v.grade]}`} id='annual-grade'>
          {ANNUAL_GRADE_LABELS[v.grade]}
        </Text>
        <Text className='small'>
          　第 {v.rank} 名 / {v.of} 人
        </Text>
      </View>
    </View>
  );
}

/** Why the grade is what it is: the rules' reasons, the leadership's adjustments and review answers. */
function GradeCourse({ v }: { v: View_ }) {
  return (
    <>
      {(v.reasons.length > 0 || v.grade !== v.proposed) && (
        <View className='tips' id='annual-reasons'>
          {v.reasons.map((r) => (
            <View key={r}>{r}</View>
          ))}
        </View>
      )}
      {v.changes.length > 0 && (
        <View className='cells' id='annual-changes'>
          {v.changes.map((c) => (
            <View className='cell' key={c.at} style={{ display: 'block' }}>
              <View className='cell-sub'>
                {parkTimeText(c.at)} · {c.byName} · {c.onReview ? '复核更正' : '班子调整'}为{ANNUAL_GRADE_LABELS[c.grade]}
              </View>
              <View>{c.reason}</View>
            </View>
          ))}
        </View>
      )}
    </>
  );
}

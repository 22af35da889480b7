import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input, Picker, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { CAMPAIGN_KIND_LABELS } from '../../../../shared/votes/contract';
import {
  GRADE_LABELS,
  GRADES,
  type CampaignSpec,
  type Dimension,
  type Grade,
  type Ratings,
  type RatingValue,
  type Scale,
} from '../../../../shared/votes/config';
import { ballotProblems, excellentCount, gradeOfPoints, problemMessage, weightedPoints } from '../../../../shared/votes/ballot';
import { call } from '../../api/call';
import { BIND_PAGE_URL } from '../../lib/roles';
import { ErrorBox, Loading, ProgressBar } from '../../lib/ui';
import { VOTE_PAGES, campaignFromScene, clearDraft, loadDraft, receiptKey, saveDraft, specOf } from '../lib';

type Ballot = OutputOf<'votes', 'ballot'>;
type Cand = Ballot['campaign']['candidates'][number];
type ByDim = Record<string, RatingValue>;

/** Candidates shown at once: 20 cards × 5 dimensions × 4 grades keeps a weapp setData small. */
const PAGE_SIZE = 20;
const EMPTY: ByDim = {};
const ALL_SECTIONS = '全部股室';

const complete = (dims: Dimension[], byDim: ByDim | undefined) => !!byDim && dims.every((d) => byDim[d.key] !== undefined);

interface CardProps {
  cand: Cand;
  byDim: ByDim;
  spec: CampaignSpec;
  onRate: (candId: string, dim: string, v: RatingValue | undefined) => void;
  onFill: (candId: string) => void;
}

/** One candidate: a row per dimension. Memoised: a tap re-renders only the card whose ratings changed. */
const CandidateCard = memo(function CandidateCard({ cand, byDim, spec, onRate, onFill }: CardProps) {
  const done = complete(spec.dimensions, byDim);
  const points = weightedPoints(spec, byDim);
  const overall = points === null ? null : gradeOfPoints(points, spec.rules.gradeCutoffs);
  return (
    <View className={`cand${done ? ' cand-done' : ''}`} id={`cand-${cand.id}`}>
      <View className='cand-hd'>
        <View className='cell-bd'>
          <Text className='cand-name'>{cand.name}</Text>
          {cand.sectionName && <Text className='cand-sub'>{cand.sectionName}</Text>}
        </View>
        {overall && (
          <Text className={`tag ${overall === 'excellent' ? 'tag-ok' : overall === 'incompetent' ? 'tag-red' : 'tag-grey'}`} id={`cand-${cand.id}-overall`}>
            总体{GRADE_LABELS[overall]}
          </Text>
        )}
        {spec.scale.type === 'grades' && !done && (
          <Text className='cand-fill' id={`cand-${cand.id}-fill`} onClick={() => onFill(cand.id)}>
            全部称职
          </Text>
        )}
      </View>
      {spec.dimensions.map((d) => (
        <DimRow key={d.key} candId={cand.id} dim={d} scale={spec.scale} value={byDim[d.key]} onRate={onRate} />
      ))}
    </View>
  );
});

function DimRow({
  candId,
  dim,
  scale,
  value,
  onRate,
}: {
  candId: string;
  dim: Dimension;
  scale: Scale;
  value: RatingValue | undefined;
  onRate: CardProps['onRate'];
}) {
  return (
    <View className='dim-row'>
      <Text className='dim-label'>{dim.label}</Text>
      {scale.type === 'grades' ? (
        <View className='seg'>
          {GRADES.map((g: Grade) => (
            <View
              key={g}
              id={`cand-${candId}-${dim.key}-${g}`}
              className={`seg-item${value === g ? ` seg-on seg-${g}` : ''}`}
              onClick={() => onRate(candId, dim.key, value === g ? undefined : g)}
            >
              {GRADE_LABELS[g]}
            </View>
          ))}
        </View>
      ) : (
        <Input
          id={`cand-${candId}-${dim.key}`}
          className='input dim-input'
          type='number'
          value={value === undefined ? '' : String(value)}
          placeholder={`${scale.min}–${scale.max}`}
          onInput={(e) => {
            const t = e.detail.value.trim();
            const n = Number(t);
            onRate(candId, dim.key, t === '' || !Number.isFinite(n) ? undefined : n);
          }}
        />
      )}
    </View>
  );
}

type Done = { receipt: string };

/** The ballot (民主测评): rate every candidate on every dimension; kept on the device until submitted. */
export default function BallotPage() {
  const { params } = useRouter();
  const campaignId = params.campaignId ? decodeURIComponent(params.campaignId) : campaignFromScene(params.scene);
  const [b, setB] = useState<Ballot | null>(null);
  const [error, setError] = useState<{ code: string; message: string } | null>(null);
  const [myId, setMyId] = useState<string | null>(null);
  const [ratings, setRatings] = useState<Ratings>({});
  const restored = useRef(false);
  const [q, setQ] = useState('');
  const [section, setSection] = useState(ALL_SECTIONS);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const [page, setPage] = useState(0);
  const [problems, setProblems] = useState<string[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);

  const load = useCallback(async () => {
    if (!campaignId) {
      setError({ code: 'NOT_FOUND', message: '缺少测评编号，请从测评列表或会场二维码进入' });
      return;
    }
    setError(null);
    const [r, me] = await Promise.all([call('votes', 'ballot', { campaignId }), call('members', 'me', {})]);
    if (me.code === 0) setMyId(me.data.memberId);
    if (r.code !== 0) {
      setError({ code: r.code, message: r.message });
      return;
    }
    setB(r.data);
    if (!restored.current) {
      restored.current = true;
      setRatings(loadDraft(r.data.campaign, r.data.candidateIds));
    }
  }, [campaignId]);

  useEffect(() => {
    void load();
  }, [load]);

  // Everything entered stays on the device until it is submitted.
  useEffect(() => {
    if (restored.current && b && !b.voted && !done) saveDraft(b.campaign.id, ratings);
  }, [ratings, b, done]);

  const spec = useMemo(() => (b ? specOf(b.campaign) : null), [b]);
  const mine = useMemo(() => {
    if (!b) return [] as Cand[];
    const ids = new Set(b.candidateIds);
    return b.campaign.candidates.filter((c) => ids.has(c.id));
  }, [b]);
  const sections = useMemo(() => {
    const s = new Set<string>();
    for (const c of mine) if (c.sectionName) s.add(c.sectionName);
    return [ALL_SECTIONS, ...Array.from(s)];
  }, [mine]);

  const onRate = useCallback((candId: string, dim: string, v: RatingValue | undefined) => {
    setRatings((old) => {
      const byDim: ByDim = { ...(old[candId] ?? {}) };
      if (v === undefined) delete byDim[dim];
      else byDim[dim] = v;
      const next = { ...old };
      if (Object.keys(byDim).length === 0) delete next[candId];
      else next[candId] = byDim;
      return next;
    });
    setProblems([]);
    setConfirming(false);
  }, []);

  const onFill = useCallback(
    (candId: string) => {
      if (!spec) return;
      setRatings((old) => {
        const byDim: ByDim = { ...(old[candId] ?? {}) };
        for (const d of spec.dimensions) if (byDim[d.key] === undefined) byDim[d.key] = 'competent';
        return { ...old, [candId]: byDim };
      });
      setProblems([]);
      setConfirming(false);
    },
    [spec],
  );

  if (done) {
    return (
      <View className='page' id='ballot-page'>
        <View className='page-hd' style={{ textAlign: 'center' }}>
          <View className='page-title'>提交成功</View>
          <View className='page-desc'>您的选票已匿名保存</View>
        </View>
        <View className='cells' style={{ padding: '24px 0' }}>
          <View className='small' style={{ textAlign: 'center' }}>
            回执码
          </View>
          <View className='receipt-code' id='ballot-receipt'>
            {done.receipt}
          </View>
          <View className='tips' style={{ textAlign: 'center' }}>
            请保存回执码，结果公布后可核对
          </View>
        </View>
        <View className='btn-area'>
          <Button id='ballot-copy' className='btn btn-primary' onClick={() => void Taro.setClipboardData({ data: done.receipt })}>
            复制回执码
          </Button>
          <View style={{ height: '12px' }} />
          <Button id='ballot-back' className='btn btn-default' onClick={() => void Taro.reLaunch({ url: VOTE_PAGES.list })}>
            返回测评列表
          </Button>
        </View>
      </View>
    );
  }

  if (!b || !spec) {
    return (
      <View className='page' id='ballot-page'>
        {error ? <ErrorBox message={error.message} onRetry={error.code === 'NOT_FOUND' ? undefined : () => void load()} /> : <Loading />}
        {error?.code === 'UNBOUND' && (
          <View className='btn-area'>
            <Button id='ballot-bind' className='btn btn-primary' onClick={() => void Taro.reLaunch({ url: BIND_PAGE_URL })}>
              输入邀请码
            </Button>
          </View>
        )}
      </View>
    );
  }

  const c = b.campaign;
  if (b.voted || c.status !== 'open') {
    return (
      <View className='page' id='ballot-page'>
        <View className='page-hd'>
          <View className='page-title'>{c.title}</View>
        </View>
        <View className='cells'>
          <View className='cell' id={b.voted ? 'ballot-voted' : 'ballot-closed'}>
            <View className='cell-bd'>{b.voted ? '您已完成本次测评' : '测评已结束，不能再投票'}</View>
          </View>
        </View>
        <View className='btn-area'>
          <Button className='btn btn-default' onClick={() => void Taro.reLaunch({ url: VOTE_PAGES.list })}>
            返回测评列表
          </Button>
        </View>
      </View>
    );
  }

  const total = mine.length;
  const rated = mine.filter((x) => complete(spec.dimensions, ratings[x.id])).length;
  const exc = excellentCount(spec, ratings);
  const overCap = exc > b.excellentCap;

  const needle = q.trim();
  const shown = mine.filter(
    (x) =>
      (!needle || x.name.includes(needle)) &&
      (section === ALL_SECTIONS || x.sectionName === section) &&
      (!onlyOpen || !complete(spec.dimensions, ratings[x.id])),
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const at = Math.min(page, pages - 1);
  const slice = shown.slice(at * PAGE_SIZE, (at + 1) * PAGE_SIZE);

  const voter = myId ?? c.candidates.find((x) => !b.candidateIds.includes(x.id))?.id ?? '';
  const names = new Map(c.candidates.map((x) => [x.id, x.name]));

  const check = () => {
    setSubmitError(null);
    const found = ballotProblems(spec, voter, ratings).map((p) => problemMessage(p, (id) => names.get(id) ?? id));
    setProblems(found);
    setConfirming(found.length === 0);
    if (found.length > 0 && rated < total) setOnlyOpen(true);
  };

  const submit = async () => {
    if (submitting) return;
    setSubmitting(true);
    setSubmitError(null);
    const r = await call('votes', 'submit', { campaignId: c.id, ratings });
    setSubmitting(false);
    setConfirming(false);
    if (r.code === 0) {
      clearDraft(c.id);
      try {
        Taro.setStorageSync(receiptKey(c.id), r.data.receipt);
      } catch {
        // the voter still sees the code
      }
      setDone(r.data);
      return;
    }
    if (r.code === 'INVALID_INPUT' && r.details && r.details.length > 0) setProblems(r.details.map((d) => d.message));
    else setSubmitError(r.message);
    if (r.code === 'CONFLICT') setB({ ...b, voted: true });
  };

  return (
    <View className='page' id='ballot-page'>
      <View className='page-hd'>
        <View className='page-title' id='ballot-title'>
          {c.title}
        </View>
        <View className='page-desc'>
          {CAMPAIGN_KIND_LABELS[c.kind]} · 您的类别：{b.categoryLabel} · 无记名
        </View>
      </View>
      <View className='ballot-bar'>
        <View style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Text id='ballot-progress'>
            已评 {rated} / {total}
          </Text>
          <Text id='ballot-excellent' className={overCap ? 'text-red' : ''}>
            总体优秀 {exc} / {b.excellentCap}
          </Text>
        </View>
        <ProgressBar percent={total ? Math.floor((rated * 100) / total) : 0} id='ballot-progress-bar' />
      </View>

      {total > PAGE_SIZE && (
        <View className='cells'>
          <View className='cell'>
            <Input
              id='ballot-search'
              className='input'
              value={q}
              placeholder='搜索姓名'
              onInput={(e) => {
                setQ(e.detail.value);
                setPage(0);
              }}
            />
          </View>
          {sections.length > 2 && (
            <Picker
              mode='selector'
              range={sections}
              value={Math.max(0, sections.indexOf(section))}
              onChange={(e) => {
                setSection(sections[Number(e.detail.value)] ?? ALL_SECTIONS);
                setPage(0);
              }}
            >
              <View className='cell cell-access' id='ballot-section'>
                <View className='cell-bd'>股室</View>
                <View className='cell-ft'>{section}</View>
              </View>
            </Picker>
          )}
        </View>
      )}
      <View className='tabs'>
        <View className={`tab${onlyOpen ? '' : ' tab-on'}`} id='ballot-tab-all' onClick={() => { setOnlyOpen(false); setPage(0); }}>
          全部（{total}）
        </View>
        <View className={`tab${onlyOpen ? ' tab-on' : ''}`} id='ballot-tab-open' onClick={() => { setOnlyOpen(true); setPage(0); }}>
          未评完（{total - rated}）
        </View>
      </View>

      <View id='ballot-list'>
        {slice.length === 0 && <View className='empty'>{onlyOpen ? '已全部评完' : '没有符合条件的对象'}</View>}
        {slice.map((x) => (
          <CandidateCard key={x.id} cand={x} byDim={ratings[x.id] ?? EMPTY} spec={spec} onRate={onRate} onFill={onFill} />
        ))}
      </View>
      {pages > 1 && (
        <View className='pager'>
          <Button className='btn btn-default btn-mini' id='ballot-prev' disabled={at === 0} onClick={() => setPage(at - 1)}>
            上一页
          </Button>
          <Text id='ballot-page-no'>
            {at + 1} / {pages}
          </Text>
          <Button className='btn btn-default btn-mini' id='ballot-next' disabled={at >= pages - 1} onClick={() => setPage(at + 1)}>
            下一页
          </Button>
        </View>
      )}

      {problems.length > 0 && (
        <View className='problems' id='ballot-problems'>
          <View className='problems-title'>还不能提交：</View>
          {problems.map((m, i) => (
            <View key={i} className='problem' id={`ballot-problem-${i}`}>
              {m}
            </View>
          ))}
        </View>
      )}
      {submitError && (
        <View className='field-error' id='ballot-error'>
          {submitError}
        </View>
      )}
      <View className='btn-area'>
        {confirming ? (
          <View id='ballot-confirm-box'>
            <View className='tips' style={{ padding: '0 0 16px', textAlign: 'center' }}>
              共评价 {total} 人，总体优秀 {exc} 人。提交后不能修改，确认提交？
            </View>
            <Button id='ballot-confirm' className={`btn btn-primary${submitting ? ' btn-disabled' : ''}`} disabled={submitting} onClick={() => void submit()}>
              {submitting ? '正在提交…' : '确认提交'}
            </Button>
            <View style={{ height: '12px' }} />
            <Button id='ballot-cancel' className='btn btn-default' onClick={() => setConfirming(false)}>
              再看看
            </Button>
          </View>
        ) : (
          <Button id='ballot-submit' className='btn btn-primary' onClick={check}>
            提交测评
          </Button>
        )}
      </View>
      <View className='tips'>
        <Text>
          评价按{c.dimensions.map((d) => d.label).join('、')}逐项进行；各项加权后为总体评价，总体“优秀”最多 {b.excellentCap} 人。填写内容保存在本机，提交前离开不会丢失。
        </Text>
      </View>
    </View>
  );
}

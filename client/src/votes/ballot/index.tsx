import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { CAMPAIGN_KIND_LABELS } from '../../../../shared/votes/contract';
import type { Ratings, RatingValue } from '../../../../shared/votes/config';
import { ballotProblems, excellentCount, problemMessage, voidWarning } from '../../../../shared/votes/ballot';
import { call } from '../../common/call';
import { ProgressBar } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { CALL_RETRY } from '../../../../shared/common/retry';
import { RECEIPT_TAKEN } from '../../../../shared/votes/receipt';
import {
  campaignFromScene,
  clearDraft,
  confirmReceipt,
  dropPendingReceipt,
  keptPendingReceipt,
  loadDraft,
  pendingReceipt,
  saveDraft,
  specOf,
} from '../lib';
import { ALL_SECTIONS, BallotFilters } from './BallotFilters';
import { BallotClosed } from './BallotClosed';
import { BallotDone } from './BallotDone';
import { BallotPager } from './BallotPager';
import { BallotSubmit } from './BallotSubmit';
import { BallotUnavailable } from './BallotUnavailable';
import { CandidateCard, complete, type ByDim, type Cand } from './CandidateCard';

/** Candidates shown at once: 20 cards × 5 dimensions × 4 grades keeps a weapp setData small. */
const PAGE_SIZE = 20;
const EMPTY: ByDim = {};
const NO_CAMPAIGN = { code: 'NOT_FOUND', message: '缺少测评编号，请从测评列表或会场二维码进入' } as const;

/** The ballot (民主测评): rate every candidate on every dimension; kept on the device until submitted. */
export default function BallotPage() {
  const { params } = useRouter();
  const campaignId = params.campaignId ? decodeURIComponent(params.campaignId) : campaignFromScene(params.scene);
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
  const [done, setDone] = useState<{ receipt: string; void?: boolean } | null>(null);
  const [retrying, setRetrying] = useState<{ attempt: number; of: number } | null>(null);
  const replayed = useRef(false);

  const ballot = usePageData('votes', 'ballot', campaignId ? { campaignId } : null, {
    reset: true,
    // What was entered on this device before, once.
    onData: (x) => {
      if (restored.current) return;
      restored.current = true;
      setRatings(loadDraft(x.campaign, x.candidateIds));
    },
  });
  const me = usePageData('members', 'me', campaignId ? {} : null).data;
  const b = ballot.data;
  const error = campaignId ? ballot.error : NO_CAMPAIGN;

  // Everything entered stays on the device until it is submitted.
  useEffect(() => {
    if (restored.current && b && !b.voted && !done) saveDraft(b.campaign.id, ratings);
  }, [ratings, b, done]);

  // Voted, yet this phone still holds the receipt it sent: the reply was lost. The same ballot sent again gets the
  // first reply, so the voter sees their receipt after all (shared/votes/receipt.ts).
  useEffect(() => {
    if (!b?.voted || done || replayed.current || b.campaign.status !== 'open') return;
    const receipt = keptPendingReceipt(b.campaign.id);
    if (!receipt) return;
    replayed.current = true;
    const id = b.campaign.id;
    void call('votes', 'submit', { campaignId: id, ratings: loadDraft(b.campaign, b.candidateIds), receipt }).then((r) => {
      if (r.code !== 0) return;
      clearDraft(id);
      confirmReceipt(id, r.data.receipt);
      setDone(r.data);
    });
  }, [b, done]);

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

  /** A filter changed: back to the first page. */
  const filter = (change: () => void) => {
    change();
    setPage(0);
  };

  if (done) return <BallotDone receipt={done.receipt} void={done.void === true} />;

  if (!b || !spec) return <BallotUnavailable error={error} onRetry={() => void ballot.reload()} />;

  const c = b.campaign;
  if (b.voted || c.status !== 'open') return <BallotClosed title={c.title} voted={b.voted} unconfirmed={keptPendingReceipt(c.id)} />;

  const total = mine.length;
  const rated = mine.filter((x) => complete(spec.dimensions, ratings[x.id])).length;
  const exc = excellentCount(spec, ratings);
  const overCap = exc > b.excellentCap;
  // Said before the voter confirms: a ballot the count would drop as void, and why (shared/votes/ballot.ts).
  const voidNote = voidWarning(spec, ratings);

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

  const check = () => {
    const voter = me?.memberId ?? c.candidates.find((x) => !b.candidateIds.includes(x.id))?.id ?? '';
    const names = new Map(c.candidates.map((x) => [x.id, x.name]));
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
    // made (and kept) before sending: every retry, automatic or by hand, sends the same ballot under it
    const receipt = await pendingReceipt(c.id);
    const r = await call(
      'votes',
      'submit',
      { campaignId: c.id, ratings, receipt },
      { attempts: CALL_RETRY.patientAttempts, onRetry: (attempt, of) => setRetrying({ attempt, of }) },
    );
    setSubmitting(false);
    setRetrying(null);
    setConfirming(false);
    if (r.code === 0) {
      clearDraft(c.id);
      confirmReceipt(c.id, r.data.receipt);
      setDone({ ...r.data, void: voidNote !== null });
      return;
    }
    if (r.code === 'INVALID_INPUT' && r.details && r.details.length > 0) setProblems(r.details.map((d) => d.message));
    else setSubmitError(r.message);
    if (r.code === 'CONFLICT' && r.message === RECEIPT_TAKEN) dropPendingReceipt(c.id);
    else if (r.code === 'CONFLICT') ballot.setData({ ...b, voted: true });
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

      <BallotFilters
        search={total > PAGE_SIZE}
        q={q}
        sections={sections}
        section={section}
        onlyOpen={onlyOpen}
        total={total}
        rated={rated}
        onQ={(x) => filter(() => setQ(x))}
        onSection={(x) => filter(() => setSection(x))}
        onOnlyOpen={(x) => filter(() => setOnlyOpen(x))}
      />

      <View id='ballot-list'>
        {slice.length === 0 && <View className='empty'>{onlyOpen ? '已全部评完' : '没有符合条件的对象'}</View>}
        {slice.map((x) => (
          <CandidateCard key={x.id} cand={x} byDim={ratings[x.id] ?? EMPTY} spec={spec} onRate={onRate} onFill={onFill} />
        ))}
      </View>
      <BallotPager at={at} pages={pages} onPage={setPage} />

      <BallotSubmit
        problems={problems}
        submitError={submitError}
        confirming={confirming}
        submitting={submitting}
        retrying={retrying}
        total={total}
        excellent={exc}
        voidNote={voidNote}
        onCheck={check}
        onConfirm={() => void submit()}
        onCancel={() => setConfirming(false)}
      />
      <View className='tips'>
        <Text>
          评价按{c.dimensions.map((d) => d.label).join('、')}逐项进行；各项加权后为总体评价，总体“优秀”最多 {b.excellentCap} 人。
          {spec.rules.voidIfAllSame ? '对所有人所有项的评价完全相同的选票为废票。' : ''}填写内容保存在本机，提交前离开不会丢失。
        </Text>
      </View>
    </View>
  );
}

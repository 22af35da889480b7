/**
 * A page's data from one cloud action: loaded when the page opens (or each time it shows), again whenever the
 * input changes, and on 重试. Typed by the action's contract, as call() is. Show its state with <LoadStatus> (./ui):
 * the reply's Chinese message with 重试, or 加载中… until the first answer.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ActionName, FnName, InputOf, OutputOf } from '../../../shared/contracts';
import type { Fail } from '../../../shared/common/errors';
import { call } from './call';

export interface PageDataOptions<T> {
  /** Load each time the page shows (back from another page, the app brought to the front), not only on opening. */
  onShow?: boolean;
  /** Pull-down refreshes (the page's config sets enablePullDownRefresh). */
  pullDown?: boolean;
  /** Each load starts blank — no error, no data — so that nothing stale shows while, say, another quarter loads. */
  reset?: boolean;
  /** Each answer, as it arrives (in the same render as `data`): a title, form fields filled from it. */
  onData?: (data: T) => void;
  /** A failure the page deals with itself (falling back to last quarter, going to the bind page): return true and it is not shown. */
  onFail?: (fail: Fail) => boolean;
}

export interface PageData<T> {
  /** The last answer; null until the first (and, with `reset`, while each load runs). Kept when a reload fails. */
  data: T | null;
  /** Why the last load failed — the reply's code and Chinese message — until one succeeds. */
  error: Fail | null;
  /** A load is under way. */
  loading: boolean;
  /** Load again now: 重试, or after an action that changed what the page shows. */
  reload: () => Promise<void>;
  /** Show a new state without loading (an action answered with it). */
  setData: Dispatch<SetStateAction<T | null>>;
}

/**
 * `usePageData('dossier', 'mine', {})`. The input is compared by value: a new `{ periodId }` with another quarter
 * loads again, the same one does not. `null` input: nothing to load yet (waiting for another answer, or a page
 * opened without what it needs). When loads overlap, only the latest one's answer is kept.
 */
export function usePageData<F extends FnName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: InputOf<F, A> | null,
  options: PageDataOptions<OutputOf<F, A>> = {},
): PageData<OutputOf<F, A>> {
  type T = OutputOf<F, A>;
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<Fail | null>(null);
  const [loading, setLoading] = useState(input !== null);
  // The latest arguments, read when a load starts: reload() stays the same function across renders.
  const latest = useRef({ fn, action, input, options });
  useLayoutEffect(() => {
    latest.current = { fn, action, input, options };
  });
  const seq = useRef(0);

  const reload = useCallback(async () => {
    const { fn: f, action: a, input: i, options: o } = latest.current;
    if (i === null) return;
    const mine = ++seq.current;
    setLoading(true);
    if (o.reset) {
      setData(null);
      setError(null);
    }
    const r = await call(f, a, i);
    if (mine !== seq.current) return;
    setLoading(false);
    if (r.code === 0) {
      setData(r.data);
      setError(null);
      latest.current.options.onData?.(r.data);
    } else if (!latest.current.options.onFail?.(r)) setError(r);
  }, []);

  // On opening and whenever the input changes; a page loaded on show has its first load from useDidShow.
  const key = input === null ? null : JSON.stringify(input);
  const opened = useRef(false);
  useEffect(() => {
    const first = !opened.current;
    opened.current = true;
    if (key === null || (first && latest.current.options.onShow)) return;
    void reload();
  }, [key, reload]);

  useDidShow(() => {
    if (latest.current.options.onShow) void reload();
  });
  usePullDownRefresh(() => {
    if (!latest.current.options.pullDown) return;
    void reload().finally(() => void Taro.stopPullDownRefresh());
  });

  return { data, error, loading, reload, setData };
}

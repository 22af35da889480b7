/**
 * A list the admin pages through (人员, 企业名录): its first page whenever the input changes (a search, a filter),
 * the next one appended by 加载更多. Built on usePageData: one load at a time wins, and 重试 loads the first page.
 */
import { useState } from 'react';
import type { ActionName, FnName, InputOf, OutputOf } from '../../../shared/contracts';
import type { Fail } from '../../../shared/common/errors';
import { call } from './call';
import { usePageData } from './use-page-data';

type Paged<T> = { items: T[]; nextCursor: number | null };
export type ItemOf<F extends FnName, A extends ActionName<F>> = OutputOf<F, A> extends Paged<infer T> ? T : never;

export interface PagedList<T> {
  /** The rows so far; null until the first page has come (and while a new search loads). */
  items: T[] | null;
  /** There are more rows to load. */
  hasMore: boolean;
  /** Why the last load (first page or more) failed. */
  error: Fail | null;
  loading: boolean;
  loadingMore: boolean;
  /** The first page again (重试, or after a change). */
  reload: () => void;
  /** 加载更多. */
  more: () => Promise<void>;
}

export function usePagedList<F extends FnName, A extends ActionName<F>>(fn: F, action: A, input: InputOf<F, A> | null): PagedList<ItemOf<F, A>> {
  type T = ItemOf<F, A>;
  const page = usePageData(fn, action, input, { reset: true });
  const key = JSON.stringify(input);
  // 加载更多's state belongs to the input it was for: a new search forgets it without an effect
  const [more, setMore] = useState<{ key: string; loading: boolean; error: Fail | null }>({ key, loading: false, error: null });
  const mine = more.key === key ? more : { key, loading: false, error: null };
  const data = page.data as Paged<T> | null;

  const loadMore = async () => {
    if (!data || data.nextCursor === null || mine.loading || input === null) return;
    setMore({ key, loading: true, error: null });
    const r = await call(fn, action, { ...input, cursor: data.nextCursor } as InputOf<F, A>);
    if (r.code !== 0) {
      setMore({ key, loading: false, error: r });
      return;
    }
    setMore({ key, loading: false, error: null });
    const next = r.data as Paged<T>;
    page.setData((old) => {
      const o = old as Paged<T> | null;
      // an answer for a search the admin has since changed is dropped with its list
      if (!o || o !== data) return old;
      return { items: [...o.items, ...next.items], nextCursor: next.nextCursor } as OutputOf<F, A>;
    });
  };

  return {
    items: data?.items ?? null,
    hasMore: !!data && data.nextCursor !== null,
    error: page.error ?? mine.error,
    loading: page.loading,
    loadingMore: mine.loading,
    reload: () => {
      setMore({ key, loading: false, error: null });
      void page.reload();
    },
    more: loadMore,
  };
}

import { Input, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import { FieldError } from './form';

/** An item as its row shows it: `key` names the row (`<id>-<key>`). */
export interface PickRow {
  key: string;
  title: string;
  sub: string;
}

/** What a picker searches and how it shows what it finds; a module constant (a new one searches again). */
export interface SearchKind<T> {
  /** The items found for a term (trimmed), or null when the search failed (what was found before stays). */
  search: (term: string) => Promise<T[] | null>;
  row: (item: T) => PickRow;
  placeholder: string;
  /** Said when nothing is found. */
  empty: string;
  /** Lists what an empty term finds before anything is typed; otherwise nothing shows until something is. */
  browse?: boolean;
}

/**
 * Choose one item by searching for it: the search runs as typed, a moment after the last key; tap one, 更换 to
 * choose again. Ids: `<id>-search`, `<id>-list`, `<id>-<key>`, `<id>-chosen`, `<id>-change`, `<id>-error`.
 * `label`: the labelled rows of the directory's forms; `active` false: it does not search (the form does not need
 * it now).
 */
export function SearchPicker<T>({
  id,
  kind,
  chosen,
  onChoose,
  label,
  error,
  active = true,
}: {
  id: string;
  kind: SearchKind<T>;
  /** What is chosen, as its row shows it; null: the search shows. */
  chosen: { title: string; sub?: string } | null;
  /** An item tapped, or null for 更换. */
  onChoose: (item: T | null) => void;
  label?: string;
  error?: string;
  active?: boolean;
}) {
  const { search, browse = false } = kind;
  const [q, setQ] = useState('');
  const [results, setResults] = useState<T[] | null>(browse ? [] : null);
  const seq = useRef(0);
  const term = q.trim();
  const wanted = active && chosen === null && (browse || term !== '');
  // what was found for what is typed now (nothing before anything is typed, unless it browses)
  const shown = browse || term ? results : null;

  useEffect(() => {
    if (!wanted) return undefined;
    const t = setTimeout(
      () => {
        const mine = ++seq.current;
        void search(term).then((items) => {
          if (mine === seq.current && items) setResults(items);
        });
      },
      term ? 300 : 0,
    );
    return () => clearTimeout(t);
  }, [search, term, wanted]);

  const form = label !== undefined;
  const labelCell = form ? <View className='form-label'>{label}</View> : null;
  return (
    <View>
      <View className='cells'>
        {chosen && (
          <View className={form ? 'cell form-cell' : 'cell'} id={`${id}-chosen`}>
            {labelCell}
            <View className='cell-bd'>
              <View className='cell-title'>{chosen.title}</View>
              {chosen.sub !== undefined && <View className='cell-sub'>{chosen.sub}</View>}
            </View>
            <View className={form ? 'cell-ft link form-clear' : 'cell-ft link'} id={`${id}-change`} onClick={() => onChoose(null)}>
              更换
            </View>
          </View>
        )}
        {/* kept mounted (hidden) when chosen: unmounting Taro's h5 input mid-update upsets it */}
        <View style={{ display: chosen ? 'none' : 'block' }}>
          <View className={form ? 'cell form-cell' : 'cell'}>
            {labelCell}
            <Input
              id={`${id}-search`}
              className={form ? 'input form-input' : 'input'}
              value={q}
              placeholder={kind.placeholder}
              confirmType='search'
              onInput={(e) => setQ(e.detail.value)}
            />
          </View>
          <View id={`${id}-list`}>
            {(shown ?? []).map((item) => {
              const r = kind.row(item);
              return (
                <View key={r.key} className='cell' hoverClass='cell-hover' id={`${id}-${r.key}`} onClick={() => onChoose(item)}>
                  <View className='cell-bd'>
                    <View className='cell-title'>{r.title}</View>
                    <View className='cell-sub'>{r.sub}</View>
                  </View>
                </View>
              );
            })}
            {shown?.length === 0 && <View className='empty'>{kind.empty}</View>}
          </View>
        </View>
      </View>
      <FieldError id={`${id}-error`} text={error} />
    </View>
  );
}

import { useEffect, useRef, useState } from 'react';
import { Input, View } from '@tarojs/components';
import type { PersonView } from '../../../../shared/members/contract';
import { call } from '../../common/call';
import { FieldError } from '../../common/form';

export interface Liaison {
  id: string;
  name: string;
}

/**
 * Choose an enterprise's 包联干部: search the roster by name or 工号 (members.people, a moment after the last key)
 * and tap a cadre; 更换 to choose again, 不指定 to leave it empty. Ids: `<id>-search`, `<id>-<memberId>`,
 * `<id>-chosen`, `<id>-change`, `<id>-clear`, `<id>-error`.
 */
export function LiaisonPicker({
  id,
  chosen,
  onChoose,
  error,
}: {
  id: string;
  chosen: Liaison | null;
  onChoose: (l: Liaison | null) => void;
  error?: string;
}) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<PersonView[] | null>(null);
  const seq = useRef(0);
  const term = chosen === null ? q.trim() : '';
  // what was found for what is typed now (nothing until something is typed)
  const shown = term ? results : null;

  useEffect(() => {
    if (!term) return undefined;
    const t = setTimeout(() => {
      const mine = ++seq.current;
      void call('members', 'people', { q: term }).then((r) => {
        if (mine !== seq.current) return;
        // members.people has every staff role: the liaison is a cadre
        if (r.code === 0) setResults(r.data.items.filter((p) => p.roles.includes('cadre')));
      });
    }, 300);
    return () => clearTimeout(t);
  }, [term]);

  return (
    <View>
      <View className='cells'>
        {chosen && (
          <View className='cell form-cell' id={`${id}-chosen`}>
            <View className='form-label'>包联干部</View>
            <View className='cell-bd'>{chosen.name}</View>
            <View className='cell-ft link form-clear' id={`${id}-change`} onClick={() => onChoose(null)}>
              更换
            </View>
          </View>
        )}
        {/* kept mounted (hidden) when chosen: unmounting Taro's h5 input mid-update upsets it */}
        <View style={{ display: chosen ? 'none' : 'block' }}>
          <View className='cell form-cell'>
            <View className='form-label'>包联干部</View>
            <Input
              id={`${id}-search`}
              className='input form-input'
              value={q}
              placeholder='选填：输入姓名或工号查找'
              confirmType='search'
              onInput={(e) => setQ(e.detail.value)}
            />
          </View>
          <View id={`${id}-list`}>
            {(shown ?? []).slice(0, 8).map((p) => (
              <View
                key={p.memberId}
                className='cell'
                hoverClass='cell-hover'
                id={`${id}-${p.memberId}`}
                onClick={() => onChoose({ id: p.memberId, name: p.name })}
              >
                <View className='cell-bd'>
                  <View className='cell-title'>{p.name}</View>
                  <View className='cell-sub'>{[p.staffNo, p.sectionName, p.post].filter(Boolean).join(' · ')}</View>
                </View>
              </View>
            ))}
            {shown?.length === 0 && <View className='empty'>没有找到相关干部</View>}
          </View>
        </View>
      </View>
      <FieldError id={`${id}-error`} text={error} />
    </View>
  );
}

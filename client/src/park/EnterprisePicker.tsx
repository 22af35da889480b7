import { Input, View } from '@tarojs/components';
import { useEffect, useRef, useState } from 'react';
import type { EnterpriseItem } from '../../../shared/park/contract';
import { call } from '../common/call';
import { FieldError } from '../common/form';

/**
 * Choose an enterprise of the park's directory: search by name (park.searchEnterprises, as typed, a moment after
 * the last key), tap one, 更换 to choose again. Ids: `<id>-search`, `<id>-list`, `<id>-<enterpriseId>`,
 * `<id>-chosen`, `<id>-change`, `<id>-error`. `active` false: it does not search (the form does not need it now).
 */
export function EnterprisePicker({
  id,
  chosen,
  onChoose,
  error,
  active = true,
}: {
  id: string;
  chosen: EnterpriseItem | null;
  onChoose: (e: EnterpriseItem | null) => void;
  error?: string;
  active?: boolean;
}) {
  const [q, setQ] = useState('');
  const [results, setResults] = useState<EnterpriseItem[]>([]);
  const seq = useRef(0);

  useEffect(() => {
    if (!active) return undefined;
    const t = setTimeout(
      () => {
        const mine = ++seq.current;
        void call('park', 'searchEnterprises', { q }).then((r) => {
          if (mine !== seq.current) return;
          if (r.code === 0) setResults(r.data.items);
        });
      },
      q ? 300 : 0,
    );
    return () => clearTimeout(t);
  }, [q, active]);

  return (
    <View>
      <View className='cells'>
        {chosen && (
          <View className='cell' id={`${id}-chosen`}>
            <View className='cell-bd'>
              <View className='cell-title'>{chosen.name}</View>
              <View className='cell-sub'>{chosen.industry}</View>
            </View>
            <View className='cell-ft link' id={`${id}-change`} onClick={() => onChoose(null)}>
              更换
            </View>
          </View>
        )}
        {/* kept mounted (hidden) when chosen: unmounting Taro's h5 input mid-update upsets it */}
        <View style={{ display: chosen ? 'none' : 'block' }}>
          <View className='cell'>
            <Input
              id={`${id}-search`}
              className='input'
              value={q}
              placeholder='搜索企业名称'
              confirmType='search'
              onInput={(e) => setQ(e.detail.value)}
            />
          </View>
          <View id={`${id}-list`}>
            {results.map((e) => (
              <View key={e.id} className='cell' hoverClass='cell-hover' id={`${id}-${e.id}`} onClick={() => onChoose(e)}>
                <View className='cell-bd'>
                  <View className='cell-title'>{e.name}</View>
                  <View className='cell-sub'>{e.industry}</View>
                </View>
              </View>
            ))}
            {results.length === 0 && <View className='empty'>没有找到相关企业</View>}
          </View>
        </View>
      </View>
      <FieldError id={`${id}-error`} text={error} />
    </View>
  );
}

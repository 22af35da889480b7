import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { PAGES } from '../../common/pages';
import { SearchCell, Segmented } from '../../common/cells';
import { BackLink, ErrorBox, Loading } from '../../common/ui';
import { useDebounced } from '../../common/use-debounced';
import { usePagedList } from '../../common/use-paged-list';
import { EnterpriseForm } from './EnterpriseForm';

type Enterprise = OutputOf<'park', 'enterprisesAdmin'>['items'][number];

const SEARCH_DELAY_MS = 400;

/**
 * The admin's enterprise directory (企业名录): search by name or credit code, those in use or retired, 加载更多; add
 * and edit (name, 统一社会信用代码 checked on the device, industry, 规上, 包联干部, 编号); retire or restore with a reason.
 */
export default function Enterprises() {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const [retired, setRetired] = useState(false);
  const [editing, setEditing] = useState<Enterprise | 'new' | null>(null);
  const list = usePagedList('park', 'enterprisesAdmin', { q: query, retired });

  return (
    <>
      {editing && (
        <EnterpriseForm
          key={editing === 'new' ? 'new' : editing.id}
          enterprise={editing === 'new' ? null : editing}
          onDone={(changed) => {
            setEditing(null);
            if (changed) list.reload();
          }}
        />
      )}
      {/* kept mounted while the form shows: the search and the list stay as they were */}
      <View className='page' id='enterprises-page' style={{ display: editing ? 'none' : 'block' }}>
        <View className='page-hd'>
          <View className='page-title'>企业名录</View>
          <View className='page-desc'>企业诉求、走访和企业评都从这里选择企业。搬离或注销的企业请停用（其诉求和评价仍保留）。</View>
        </View>
        <View className='btn-area btn-area-tight'>
          <Button id='enterprises-add' className='btn btn-primary' onClick={() => setEditing('new')}>
            新增企业
          </Button>
        </View>
        <View className='cells-title'>查找</View>
        <SearchCell id='enterprises-search' value={q} onChange={setQ} placeholder='输入企业名称或信用代码' maxlength={30} />
        <Segmented
          idPrefix='enterprises'
          options={[
            { key: 'active', label: '在用' },
            { key: 'retired', label: '已停用' },
          ]}
          value={retired ? 'retired' : 'active'}
          onChange={(k) => setRetired(k === 'retired')}
        />
        {list.error && <ErrorBox message={list.error.message} onRetry={list.reload} />}
        {!list.items && !list.error && <Loading />}
        {list.items && (
          <View className='cells' id='enterprises-list'>
            {list.items.length === 0 && (
              <View className='empty'>{query ? '没有找到相关企业' : retired ? '没有已停用的企业' : '名录中还没有企业'}</View>
            )}
            {list.items.map((e) => (
              <View key={e.id} className='cell cell-access' hoverClass='cell-hover' id={`enterprise-${e.id}`} onClick={() => setEditing(e)}>
                <View className='cell-bd'>
                  <View className='cell-title'>
                    {e.name}
                    {e.aboveScale && <Text className='tag tag-blue'> 规上</Text>}
                  </View>
                  <View className='cell-sub'>
                    {[
                      e.creditCode ?? '未填信用代码',
                      e.industry,
                      e.liaisonName ? `包联 ${e.liaisonName}` : '未指定包联干部',
                      e.contacts ? `联系人${e.contacts}名` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </View>
                </View>
              </View>
            ))}
          </View>
        )}
        {list.hasMore && (
          <View className='btn-area btn-area-tight'>
            <Button id='enterprises-more' className='btn btn-default' disabled={list.loadingMore || list.loading} onClick={() => void list.more()}>
              {list.loadingMore ? '正在加载…' : '加载更多'}
            </Button>
          </View>
        )}
        <BackLink id='enterprises-back' label='返回园区名录' url={PAGES.park.directory} />
      </View>
    </>
  );
}

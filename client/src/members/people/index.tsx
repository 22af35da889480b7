import { useState } from 'react';
import { Button, Text, View } from '@tarojs/components';
import type { PersonView } from '../../../../shared/members/contract';
import { PickerCell, SearchCell, Segmented } from '../../common/cells';
import { PAGES } from '../../common/pages';
import { BackLink, ErrorBox, Loading } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { useDebounced } from '../../common/use-debounced';
import { usePagedList } from '../../common/use-paged-list';
import { rolesText } from './lib';
import { NewPerson } from './NewPerson';
import { PersonSheet } from './PersonSheet';

/** A moment after the last key, the search goes out (not one request a keystroke). */
const SEARCH_DELAY_MS = 400;

type Screen = { kind: 'list' } | { kind: 'new' } | { kind: 'person'; person: PersonView };

/**
 * The admin's roster (人员): search by name or 工号, a section, those on the roster or those who left; tap a person
 * to correct them, record their leaving, unbind a lost phone or issue an invite; 新增人员.
 */
export default function People() {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), SEARCH_DELAY_MS);
  const [sectionId, setSectionId] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  const [view, setView] = useState<Screen>({ kind: 'list' });
  const sections = usePageData('park', 'sections', {}).data ?? [];
  const list = usePagedList('members', 'people', { q: query, left, ...(sectionId ? { sectionId } : {}) });

  const back = (changed: boolean) => {
    setView({ kind: 'list' });
    if (changed) list.reload();
  };
  const sectionIndex = sectionId ? sections.findIndex((s) => s.id === sectionId) + 1 : 0;

  return (
    <>
      {view.kind === 'new' && (
        <NewPerson sections={sections} sectionId={sectionId} onCancel={() => back(false)} onAdded={(p) => setView({ kind: 'person', person: p })} />
      )}
      {view.kind === 'person' && (
        <PersonSheet
          key={view.person.memberId}
          person={view.person}
          sections={sections}
          onChanged={(p) => setView({ kind: 'person', person: p })}
          onBack={() => back(true)}
        />
      )}
      {/* kept mounted while a form shows: the search box and the list stay as they were */}
      <View className='page' id='people-page' style={{ display: view.kind === 'list' ? 'block' : 'none' }}>
        <View className='page-hd'>
          <View className='page-title'>人员</View>
          <View className='page-desc'>点击人员更正登记信息、办理离开、解除微信绑定或发放邀请码。</View>
        </View>
        <View className='btn-area btn-area-tight'>
          <Button id='people-add' className='btn btn-primary' onClick={() => setView({ kind: 'new' })}>
            新增人员
          </Button>
        </View>
        <View className='cells-title'>查找</View>
        <SearchCell id='people-search' value={q} onChange={setQ} placeholder='输入姓名或工号' />
        <View className='cells' style={{ marginTop: '16px' }}>
          <PickerCell
            id='people-section'
            label='股室'
            options={['全部股室', ...sections.map((s) => s.name)]}
            index={sectionIndex}
            onChange={(i) => setSectionId(i === 0 ? null : (sections[i - 1]?.id ?? null))}
          />
        </View>
        <Segmented
          idPrefix='people'
          options={[
            { key: 'active', label: '在册' },
            { key: 'left', label: '已离开' },
          ]}
          value={left ? 'left' : 'active'}
          onChange={(k) => setLeft(k === 'left')}
        />
        {list.error && <ErrorBox message={list.error.message} onRetry={list.reload} />}
        {!list.items && !list.error && <Loading />}
        {list.items && (
          <View className='cells' id='people-list'>
            {list.items.length === 0 && <View className='empty'>{query ? '没有找到相关人员' : left ? '没有已离开的人员' : '暂无人员'}</View>}
            {list.items.map((p) => (
              <View
                key={p.memberId}
                className='cell cell-access'
                hoverClass='cell-hover'
                id={`person-${p.memberId}`}
                onClick={() => setView({ kind: 'person', person: p })}
              >
                <View className='cell-bd'>
                  <View className='cell-title'>
                    {p.name}
                    {p.staffNo && <Text className='small'> 工号 {p.staffNo}</Text>}
                  </View>
                  <View className='cell-sub'>
                    {[p.sectionName, p.post, rolesText(p), p.leftOn ? `${p.leftOn} 离开` : null].filter(Boolean).join(' · ')}
                  </View>
                </View>
                {p.active && (
                  <Text className={`tag ${p.bound ? 'tag-ok' : 'tag-no'}`} id={`person-${p.memberId}-bound`}>
                    {p.bound ? '已绑定微信' : '未绑定'}
                  </Text>
                )}
              </View>
            ))}
          </View>
        )}
        {list.hasMore && (
          <View className='btn-area btn-area-tight'>
            <Button id='people-more' className='btn btn-default' disabled={list.loadingMore || list.loading} onClick={() => void list.more()}>
              {list.loadingMore ? '正在加载…' : '加载更多'}
            </Button>
          </View>
        )}
        <BackLink id='people-back' label='返回园区名录' url={PAGES.park.directory} />
      </View>
    </>
  );
}

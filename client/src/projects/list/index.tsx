import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Input, Text, View } from '@tarojs/components';
import type { ProjectItem } from '../../../../shared/projects/contract';
import { call } from '../../common/call';
import { PAGES } from '../../common/pages';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { StatusTag } from '../lib';

type Filter = 'all' | 'mine' | 'lagging' | 'stopped';
const FILTERS: { f: Filter; label: string; cadre?: boolean }[] = [
  { f: 'all', label: '全部' },
  { f: 'mine', label: '我认领的', cadre: true },
  { f: 'lagging', label: '滞后' },
  { f: 'stopped', label: '已终止' },
];

/**
 * Key projects (重点项目): where each stands against its plan; cadres claim (认领) the ones they take on and see their
 * own; 滞后 shows the lagging ones in the person's view (their own, their section's, or all for leaders).
 */
export default function Projects() {
  const me = usePageData('members', 'me', {}).data;
  const isCadre = me?.roles.includes('cadre') ?? false;
  const isAdmin = me?.roles.includes('admin') ?? false;
  const [filter, setFilter] = useState<Filter>(Taro.getCurrentInstance().router?.params.filter === 'lagging' ? 'lagging' : 'all');
  const page = usePageData('projects', 'list', { filter }, { onShow: true, pullDown: true, reset: true });
  const [busy, setBusy] = useState<string | null>(null);
  const [baseline, setBaseline] = useState<string | null>(null);

  const toggle = async (p: ProjectItem) => {
    if (busy) return;
    setBusy(p.id);
    const r = await call('projects', 'claim', { projectId: p.id, claim: !p.claimedByMe });
    setBusy(null);
    if (r.code === 0) {
      void Taro.showToast({ title: r.data.claimed ? '已认领' : '已取消认领', icon: 'none' });
      void page.reload();
    } else void Taro.showModal({ title: '操作未成功', content: r.message, showCancel: false });
  };

  const saveBaseline = async () => {
    const r = await call('projects', 'saveSettings', { landingBaselineDays: Number(baseline) });
    if (r.code === 0) {
      setBaseline(null);
      void Taro.showToast({ title: '已保存', icon: 'success' });
      void page.reload();
    } else void Taro.showModal({ title: '未能保存', content: r.message, showCancel: false });
  };

  const list = page.data;
  return (
    <View className='page' id='projects-page'>
      <View className='page-hd'>
        <View className='page-title'>重点项目</View>
        <View className='page-desc'>认领项目后填报各节点的实际完成日期；按计划完成的节点自动计入认领人的“重点项目进展达速”。</View>
      </View>
      <View className='tabs' id='projects-filters'>
        {FILTERS.filter((x) => !x.cadre || isCadre).map((x) => (
          <View key={x.f} id={`projects-filter-${x.f}`} className={`tab${filter === x.f ? ' tab-on' : ''}`} onClick={() => setFilter(x.f)}>
            {x.label}
          </View>
        ))}
      </View>
      <LoadStatus page={page} />
      {list && (
        <View className='cells' id='projects-list'>
          {list.items.length === 0 && (
            <View className='empty'>{filter === 'lagging' ? '没有滞后的项目' : filter === 'stopped' ? '没有终止的项目' : '暂无项目'}</View>
          )}
          {list.items.map((p) => (
            <View className='cell' key={p.id} id={`project-${p.id}`}>
              <View className='cell-bd' hoverClass='cell-hover' onClick={() => void Taro.navigateTo({ url: PAGES.projects.detail(p.id) })}>
                <View className='cell-title'>
                  {p.name} <StatusTag status={p.status} stopped={p.stopped} id={`project-${p.id}-status`} />
                </View>
                <View className='cell-sub'>
                  {p.status.stage} · {p.status.reached}/{p.status.total} 个节点
                  {p.enterpriseName ? ` · ${p.enterpriseName}` : ''}
                  <Text id={`project-${p.id}-count`}> · {p.owners} 人认领</Text>
                </View>
                {p.status.lagging && <View className='cell-sub text-red'>「{p.status.laggingName}」超过计划日期</View>}
              </View>
              {isCadre && !p.stopped && (
                <Button
                  id={`project-${p.id}-claim`}
                  className={`btn btn-mini ${p.claimedByMe ? 'btn-default' : 'btn-primary'}`}
                  disabled={busy === p.id}
                  onClick={() => void toggle(p)}
                >
                  {p.claimedByMe ? '取消认领' : '认领'}
                </Button>
              )}
            </View>
          ))}
        </View>
      )}
      {list && isAdmin && (
        <View className='cells' id='projects-baseline'>
          <View className='cell'>
            <View className='cell-bd'>基准落地周期（签约至投产）</View>
            {baseline === null ? (
              <View className='cell-ft link' id='projects-baseline-edit' onClick={() => setBaseline(String(list.baselineDays))}>
                {list.baselineDays} 天 · 修改
              </View>
            ) : (
              <View className='cell-ft'>
                <Input
                  id='projects-baseline-input'
                  className='input input-small'
                  type='number'
                  value={baseline}
                  onInput={(e) => setBaseline(e.detail.value)}
                />
                <Text className='link' id='projects-baseline-save' onClick={() => void saveBaseline()}>
                  保存
                </Text>
              </View>
            )}
          </View>
        </View>
      )}
    </View>
  );
}

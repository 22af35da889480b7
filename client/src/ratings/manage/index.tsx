import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { canCall } from '../../../../shared/access';
import type { RatingCampaignView } from '../../../../shared/ratings/contract';
import { call } from '../../common/call';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { CampaignCard } from './CampaignCard';
import { CreateCampaign } from './CreateCampaign';

/**
 * The satisfaction campaigns (企业评). The admin creates one (its seed's fingerprint published at once), draws its
 * sample (the seed then published, the codes issued), prints the codes and closes it; leaders see the list and the
 * results. What each person may do follows the access table (shared/access.ts).
 */
export default function ManageRatings() {
  const me = usePageData('members', 'me', {});
  const list = usePageData('ratings', 'list', {}, { onShow: true, pullDown: true });
  const roles = me.data?.roles ?? [];
  const mayCreate = canCall(roles, 'ratings', 'create');
  const mayDraw = canCall(roles, 'ratings', 'draw');
  const [busy, setBusy] = useState<string | null>(null);
  // the campaigns whose sample is shown: the one just drawn opens by itself
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());

  const replace = (c: RatingCampaignView) =>
    list.setData((old) => (old?.some((x) => x.id === c.id) ? old.map((x) => (x.id === c.id ? c : x)) : [c, ...(old ?? [])]));
  const toggle = (id: string) =>
    setExpanded((old) => {
      const next = new Set(old);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const act = async (action: 'draw' | 'close', c: RatingCampaignView) => {
    if (busy) return;
    const ok = await Taro.showModal(
      action === 'draw'
        ? { title: '抽样', content: '将按已公布指纹的种子随机抽取企业并生成评价码，抽样后不能重抽。确定抽样？', confirmText: '抽样' }
        : { title: '结束评价', content: '结束后评价码全部失效，不能重新开启。确定结束？', confirmText: '结束', confirmColor: '#fa5151' },
    );
    if (!ok.confirm) return;
    setBusy(c.id);
    const r = await call('ratings', action, { campaignId: c.id });
    setBusy(null);
    if (r.code !== 0) {
      void Taro.showModal({ title: action === 'draw' ? '无法抽样' : '无法结束', content: r.message, showCancel: false });
      return;
    }
    void Taro.showToast({ title: action === 'draw' ? '已抽样' : '已结束', icon: 'success' });
    replace(r.data);
    if (action === 'draw') setExpanded((old) => new Set(old).add(c.id));
  };

  const campaigns = list.data ?? [];
  return (
    <View className='page' id='ratings-manage-page'>
      <View className='page-hd'>
        <View className='page-title'>企业满意度评价</View>
        <View className='page-desc'>从规上工业企业中分行业随机抽样、重点项目企业全部参评，企业扫码匿名评价园区服务。</View>
      </View>
      {me.data && mayCreate && <CreateCampaign onCreated={replace} />}

      <View className='cells-title'>评价活动</View>
      <LoadStatus page={list} />
      <View id='campaigns'>
        {list.data && campaigns.length === 0 && (
          <View className='empty' id='campaigns-empty'>
            暂无评价活动
          </View>
        )}
        {campaigns.map((c) => (
          <CampaignCard
            key={c.id}
            c={c}
            admin={mayDraw}
            busy={busy === c.id}
            expanded={expanded.has(c.id)}
            onDraw={() => void act('draw', c)}
            onClose={() => void act('close', c)}
            onToggle={() => toggle(c.id)}
          />
        ))}
      </View>
      <View className='tips'>结果只按汇总公布：评价不足3份的干部、股室不公布分数；任何人（包括管理员）都看不到某家企业的评价。</View>
    </View>
  );
}

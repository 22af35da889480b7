import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { call } from '../../common/call';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

type Project = OutputOf<'park', 'projects'>[number];

/** Key projects (重点产业项目): claim (认领) the ones to follow, or give one up. */
export default function Projects() {
  const page = usePageData('park', 'projects', {});
  const list = page.data;
  const [busy, setBusy] = useState<string | null>(null);

  const toggle = async (p: Project) => {
    if (busy) return;
    setBusy(p.id);
    const r = await call('park', 'claim', { projectId: p.id, claim: !p.claimedByMe });
    setBusy(null);
    if (r.code === 0) {
      page.setData((old) =>
        (old ?? []).map((x) =>
          x.id === p.id
            ? { ...x, claimedByMe: r.data.claimed, claimedBy: x.claimedBy + (r.data.claimed === x.claimedByMe ? 0 : r.data.claimed ? 1 : -1) }
            : x,
        ),
      );
      void Taro.showToast({ title: r.data.claimed ? '已认领' : '已取消认领', icon: 'none' });
    } else void Taro.showModal({ title: '操作未成功', content: r.message, showCancel: false });
  };

  return (
    <View className='page' id='projects-page'>
      <View className='page-hd'>
        <View className='page-title'>重点产业项目</View>
        <View className='page-desc'>认领后，记录项目进展时该项目排在前面。</View>
      </View>
      <LoadStatus page={page} />
      {list && (
        <View className='cells' id='projects-list'>
          {list.length === 0 && <View className='empty'>暂无项目</View>}
          {list.map((p) => (
            <View className='cell' key={p.id} id={`project-${p.id}`}>
              <View className='cell-bd'>
                <View className='cell-title'>{p.name}</View>
                <View className='cell-sub'>
                  {p.stage}
                  {p.enterpriseName ? ` · ${p.enterpriseName}` : ''}
                  <Text id={`project-${p.id}-count`}> · {p.claimedBy} 人认领</Text>
                </View>
              </View>
              <Button
                id={`project-${p.id}-claim`}
                className={`btn btn-mini ${p.claimedByMe ? 'btn-default' : 'btn-primary'}`}
                disabled={busy === p.id}
                onClick={() => void toggle(p)}
              >
                {p.claimedByMe ? '取消认领' : '认领'}
              </Button>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

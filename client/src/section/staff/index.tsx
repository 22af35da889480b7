import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/api/contracts';
import { call } from '../../api/call';
import { ErrorBox, Loading, ProgressBar } from '../../lib/ui';
import { SwitchIdentity } from '../../lib/SwitchIdentity';

type Staff = OutputOf<'dossier', 'sectionStaff'>;

/**
 * A section's staff and their dossier progress, sorted by the server. Section heads see their own section
 * (`own=1`: with a tab to their own dossier); leaders and admins may pass `sectionId`.
 */
export default function SectionStaff() {
  const { params } = useRouter();
  const own = params.own === '1';
  const [s, setS] = useState<Staff | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const r = await call('dossier', 'sectionStaff', params.sectionId ? { sectionId: params.sectionId } : {});
    if (r.code === 0) {
      setS(r.data);
      setError(null);
    } else if (r.code === 'FORBIDDEN' && !own && !params.sectionId) {
      // a leader without a section of their own, opened without one: there is no section list to pick from yet
      setError('尚未选择股室。班子成员的股室列表将在后续版本提供，可通过带股室参数的链接查看。');
    } else setError(r.message);
  }, [params.sectionId, own]);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh());
  });

  return (
    <View className='page' id='staff-page'>
      {own && (
        <View className='tabs' id='staff-tabs'>
          <View className='tab tab-on' id='tab-staff'>
            股室人员
          </View>
          <View className='tab' id='tab-my-dossier' onClick={() => void Taro.navigateTo({ url: '/cadre/dossier/index' })}>
            我的档案
          </View>
        </View>
      )}
      <View className='page-hd'>
        <View className='page-title' id='staff-title'>
          股室人员绩效进度
        </View>
        {s && (
          <View className='page-desc' id='staff-section'>
            {s.sectionName} · {s.periodLabel}
          </View>
        )}
      </View>
      {error && <ErrorBox message={error} onRetry={() => void load()} />}
      {!s && !error && <Loading />}
      {s && (
        <View className='cells' id='staff-list'>
          {s.staff.length === 0 && <View className='empty'>本股室暂无人员</View>}
          {s.staff.map((p) => (
            <View className='cell' key={p.memberId} id={`staff-${p.memberId}`}>
              <View className='cell-bd'>
                <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                  <Text className='cell-title'>{p.name}</Text>
                  <Text className='cell-ft'>{p.post ?? ''}</Text>
                </View>
                <ProgressBar percent={p.overallPercent} id={`staff-${p.memberId}-bar`} />
                <View className='cell-sub' id={`staff-${p.memberId}-targets`}>
                  {p.targets.map((t) => `${t.label} ${t.done}/${t.target}`).join('　')}
                </View>
              </View>
            </View>
          ))}
        </View>
      )}
      <SwitchIdentity />
    </View>
  );
}

import { useCallback, useEffect, useState } from 'react';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { call } from '../../api/call';
import { ErrorBox, Loading, ProgressBar } from '../../lib/ui';
import { SwitchIdentity } from '../../lib/SwitchIdentity';
import { ENTRIES, HomeEntries } from '../../lib/entries';

type Staff = OutputOf<'dossier', 'sectionStaff'>;
type Sections = OutputOf<'park', 'sections'>;

/**
 * A section's staff and their dossier progress, sorted by the server. Section heads see their own section
 * (`own=1`: with a tab to their own dossier); leaders and admins may pass `sectionId`.
 */
export default function SectionStaff() {
  const { params } = useRouter();
  const own = params.own === '1';
  const [s, setS] = useState<Staff | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Leaders and admins pick any section; a section head sees only their own (own=1) and gets no picker.
  const [sections, setSections] = useState<Sections>([]);
  const [sectionId, setSectionId] = useState<string | undefined>(params.sectionId);

  useEffect(() => {
    if (own) return;
    void call('park', 'sections', {}).then((r) => {
      if (r.code === 0) setSections(r.data);
    });
  }, [own]);

  const load = useCallback(async () => {
    const r = await call('dossier', 'sectionStaff', sectionId ? { sectionId } : {});
    if (r.code === 0) {
      setS(r.data);
      setError(null);
    } else setError(r.message);
  }, [sectionId]);

  // Loads on opening and again whenever another section is picked.
  useEffect(() => {
    void load();
  }, [load]);
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
      {sections.length > 0 && (
        <Picker
          mode='selector'
          range={sections.map((x) => x.name)}
          value={Math.max(0, sections.findIndex((x) => x.id === (s?.sectionId ?? sectionId)))}
          onChange={(e) => {
            const picked = sections[Number(e.detail.value)];
            if (picked) setSectionId(picked.id);
          }}
        >
          <View className='cells'>
            <View className='cell cell-access' id='staff-picker'>
              <View className='cell-bd'>股室</View>
              <View className='cell-ft'>{s?.sectionName ?? '请选择'}</View>
            </View>
          </View>
        </Picker>
      )}
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
      <HomeEntries links={own ? ENTRIES.sectionHead : ENTRIES.leader} />
      <SwitchIdentity />
    </View>
  );
}

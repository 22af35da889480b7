import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import { LoadStatus, ProgressBar } from '../../common/ui';
import { SignOut } from '../../common/SignOut';
import { SwitchIdentity } from '../../common/SwitchIdentity';
import { ENTRIES, HomeEntries } from '../../common/entries';
import { LaggingNotice } from '../../projects/LaggingNotice';
import { PAGES } from '../../common/pages';
import { usePageData } from '../../common/use-page-data';

/**
 * A section's staff and their dossier progress, sorted by the server. Section heads see their own section
 * (`own=1`: with a tab to their own dossier); leaders and admins may pass `sectionId`.
 */
export default function SectionStaff() {
  const { params } = useRouter();
  const own = params.own === '1';
  // Leaders and admins pick any section; a section head sees only their own (own=1) and gets no picker.
  const [sectionId, setSectionId] = useState<string | undefined>(params.sectionId);
  const sections = usePageData('park', 'sections', own ? null : {}).data ?? [];
  // Loads on opening and again whenever another section is picked.
  const page = usePageData('dossier', 'sectionStaff', sectionId ? { sectionId } : {}, { pullDown: true });
  const me = usePageData('members', 'me', {});
  const s = page.data;

  return (
    <View className='page' id='staff-page'>
      {own && (
        <View className='tabs' id='staff-tabs'>
          <View className='tab tab-on' id='tab-staff'>
            股室人员
          </View>
          <View className='tab' id='tab-my-dossier' onClick={() => void Taro.navigateTo({ url: PAGES.dossier.mine })}>
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
          value={Math.max(
            0,
            sections.findIndex((x) => x.id === (s?.sectionId ?? sectionId)),
          )}
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
      <LoadStatus page={page} />
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
      <LaggingNotice />
      <HomeEntries links={own ? ENTRIES.sectionHead : ENTRIES.leader} roles={me.data?.roles} />
      <SignOut />
      <SwitchIdentity />
    </View>
  );
}

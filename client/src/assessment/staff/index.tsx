import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { MeView } from '../../../../shared/members/contract';
import { PAGES } from '../../common/pages';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

interface Evaluator {
  id: string;
  /** A leader evaluates the section heads of a section they pick; a section head their own section's staff. */
  leader: boolean;
}

function evaluator(me: MeView | null): Evaluator | null {
  return me && { id: me.memberId, leader: me.roles.includes('leader') };
}

/** Whose staff to list: a section head's own section; a leader's pick, once the sections are there. */
function staffInput(me: Evaluator | null, sectionId: string | undefined): { sectionId?: string } | null {
  if (!me || (me.leader && !sectionId)) return null;
  return sectionId ? { sectionId } : {};
}

/**
 * 考人评分: a section head's staff, each linking to their evaluation; leaders (who evaluate section heads) pick a
 * section and see its head(s). Only those the caller may evaluate are listed: a section head sees the section's
 * staff who are not heads (never themself), a leader only the section heads. Each row says 已评 / 未评.
 */
export default function StaffList() {
  const [sectionId, setSectionId] = useState<string | undefined>(undefined);
  const me = evaluator(usePageData('members', 'me', {}).data);
  const sections = usePageData('park', 'sections', me?.leader ? {} : null, { onData: (x) => setSectionId((old) => old ?? x[0]?.id) }).data ?? [];
  // Back from an evaluation: loaded again, to mark it 已评.
  const page = usePageData('dossier', 'sectionStaff', staffInput(me, sectionId), { onShow: true });
  const s = page.data;

  // a head evaluates non-head staff; a leader evaluates heads; nobody evaluates themself
  const staff = (s?.staff ?? []).filter((p) => p.memberId !== me?.id && p.isHead === Boolean(me?.leader));
  const done = staff.filter((p) => p.evaluated).length;
  const idx = sections.findIndex((x) => x.id === sectionId);
  return (
    <View className='page' id='assess-staff-page'>
      <View className='page-hd'>
        <View className='page-title'>考人评分</View>
        <View className='page-desc'>
          {me?.leader ? '班子成员评价各股室负责人。' : '股室负责人评价本股室工作人员。'}
          {s ? ` ${s.sectionName} · ${s.periodLabel}` : ''}
        </View>
      </View>
      {sections.length > 0 && (
        <Picker
          mode='selector'
          range={sections.map((x) => x.name)}
          value={Math.max(0, idx)}
          onChange={(e) => setSectionId(sections[Number(e.detail.value)]?.id)}
        >
          <View className='cells'>
            <View className='cell cell-access' id='assess-staff-picker'>
              <View className='cell-bd'>股室</View>
              <View className='cell-ft'>{sections[idx]?.name ?? '请选择'}</View>
            </View>
          </View>
        </Picker>
      )}
      <LoadStatus page={page} />
      {s && staff.length > 0 && (
        <View className='cells-title' id='assess-staff-count'>
          已评 {done} / {staff.length}
        </View>
      )}
      {s && (
        <View className='cells' id='assess-staff-list' style={staff.length > 0 ? undefined : { marginTop: '16px' }}>
          {staff.length === 0 && <View className='empty'>{me?.leader ? '该股室没有股室负责人' : '没有可评价的人员'}</View>}
          {staff.map((p) => (
            <View
              className='cell cell-access'
              hoverClass='cell-hover'
              key={p.memberId}
              id={`ev-staff-${p.memberId}`}
              onClick={() => void Taro.navigateTo({ url: PAGES.assessment.evaluateStaff(p.memberId) })}
            >
              <View className='cell-bd'>
                <View className='cell-title'>{p.name}</View>
                <View className='cell-sub'>
                  {p.post ?? ''} · 档案进度 {p.overallPercent}%
                </View>
              </View>
              <Text className={`tag ${p.evaluated ? 'tag-ok' : 'tag-no'}`} id={`ev-staff-${p.memberId}-mark`}>
                {p.evaluated ? '已评' : '未评'}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

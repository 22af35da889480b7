import { Picker, View } from '@tarojs/components';
import { useState } from 'react';
import type { StaffRow } from '../../../../shared/dossier/contract';
import { usePageData } from '../../common/use-page-data';

/** How a cadre reads in the picker: the name, then the section head mark or the post. */
export const cadreLabel = (p: Pick<StaffRow, 'name' | 'post' | 'isHead'>): string =>
  `${p.name}${p.isHead ? '（股室负责人）' : p.post ? `（${p.post}）` : ''}`;

/**
 * Whom the admin reassigns an appeal to: a section (股室, park.sections), then one of its cadres by name
 * (dossier.sectionStaff: the section's active cadres — exactly whom appeals.reassign accepts). The section's
 * people load when it is chosen, one request; the head first, then by name.
 */
export function AssigneePicker({ memberId, onPick }: { memberId: string; onPick: (memberId: string) => void }) {
  const sections = usePageData('park', 'sections', {}).data ?? [];
  const [sectionId, setSectionId] = useState<string | null>(null);
  const staff = usePageData('dossier', 'sectionStaff', sectionId ? { sectionId } : null, { reset: true });
  const people = [...(staff.data?.staff ?? [])].sort((a, b) => Number(b.isHead) - Number(a.isHead) || a.name.localeCompare(b.name, 'zh-CN'));
  const sectionIdx = sections.findIndex((s) => s.id === sectionId);
  const chosenIdx = people.findIndex((p) => p.memberId === memberId);
  const chosen = people[chosenIdx];
  const staffText = staff.error ? staff.error.message : !staff.data ? '加载中…' : people.length === 0 ? '本股室暂无干部' : '请选择';

  return (
    <>
      <Picker
        mode='selector'
        range={sections.map((s) => s.name)}
        value={Math.max(0, sectionIdx)}
        onChange={(e) => {
          const s = sections[Number(e.detail.value)];
          if (!s || s.id === sectionId) return;
          setSectionId(s.id);
          onPick('');
        }}
      >
        <View className='cell cell-access' id='reassign-section'>
          <View className='cell-bd'>股室</View>
          <View className='cell-ft' id='reassign-section-name'>
            {sections[sectionIdx]?.name ?? (sections.length ? '请选择' : '加载中…')}
          </View>
        </View>
      </Picker>
      {sectionId && (
        <Picker
          mode='selector'
          range={people.map(cadreLabel)}
          value={Math.max(0, chosenIdx)}
          disabled={people.length === 0}
          onChange={(e) => {
            const p = people[Number(e.detail.value)];
            if (p) onPick(p.memberId);
          }}
        >
          <View className='cell cell-access' id='reassign-member'>
            <View className='cell-bd'>改派给</View>
            <View className='cell-ft' id='reassign-member-name'>
              {chosen ? cadreLabel(chosen) : staffText}
            </View>
          </View>
        </Picker>
      )}
    </>
  );
}

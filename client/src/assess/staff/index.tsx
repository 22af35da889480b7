import { useCallback, useEffect, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { Picker, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { call } from '../../api/call';
import { ErrorBox, Loading } from '../../lib/ui';
import { ASSESS_PAGES } from '../lib';

type Staff = OutputOf<'dossier', 'sectionStaff'>;
type Section = OutputOf<'park', 'sections'>[number];

/**
 * 考人评分: a section head's staff, each linking to their evaluation; leaders (who evaluate section heads) pick a
 * section and see its head(s). Only those the caller may evaluate are listed: a section head sees the section's
 * staff who are not heads (never themself), a leader only the section heads. Each row says 已评 / 未评.
 */
export default function StaffList() {
  const [me, setMe] = useState<{ id: string; leader: boolean } | null>(null);
  const [sections, setSections] = useState<Section[]>([]);
  const [sectionId, setSectionId] = useState<string | undefined>(undefined);
  const [s, setS] = useState<Staff | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void call('members', 'me', {}).then((r) => {
      if (r.code !== 0) return;
      const leader = r.data.roles.includes('leader');
      setMe({ id: r.data.memberId, leader });
      if (leader) {
        void call('park', 'sections', {}).then((x) => {
          if (x.code === 0) {
            setSections(x.data);
            setSectionId((old) => old ?? x.data[0]?.id);
          }
        });
      }
    });
  }, []);

  const load = useCallback(async () => {
    if (!me || (me.leader && !sectionId)) return;
    const r = await call('dossier', 'sectionStaff', sectionId ? { sectionId } : {});
    if (r.code === 0) {
      setS(r.data);
      setError(null);
    } else setError(r.message);
  }, [me, sectionId]);
  useEffect(() => {
    void load();
  }, [load]);
  useDidShow(() => {
    void load();
  });

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
        <Picker mode='selector' range={sections.map((x) => x.name)} value={Math.max(0, idx)} onChange={(e) => setSectionId(sections[Number(e.detail.value)]?.id)}>
          <View className='cells'>
            <View className='cell cell-access' id='assess-staff-picker'>
              <View className='cell-bd'>股室</View>
              <View className='cell-ft'>{sections[idx]?.name ?? '请选择'}</View>
            </View>
          </View>
        </Picker>
      )}
      {error && <ErrorBox message={error} onRetry={() => void load()} />}
      {!s && !error && <Loading />}
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
              onClick={() => void Taro.navigateTo({ url: ASSESS_PAGES.evaluateStaff(p.memberId) })}
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

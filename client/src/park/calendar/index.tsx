import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { canCall } from '../../../../shared/access';
import type { CalendarView } from '../../../../shared/park/contract';
import { call } from '../../common/call';
import { parkToday } from '../../common/today';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { useRequest, RetryNote } from '../../common/use-request';

const SOURCE: Record<CalendarView['source'], string> = {
  admin: '组织员已录入',
  library: '国务院办公厅通知（内置节假日表）',
  statutory: '尚未录入国务院办公厅通知：暂按法定节假日推算（不含调休和补班），据此计算的期限标为“暂按法定节假日推算”；录入后自动重新计算',
};

/** Dates typed one a line (or separated by spaces, commas, 、), as `YYYY-MM-DD`. */
const parseDays = (text: string) =>
  text
    .split(/[\s,，、]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/**
 * The working-day calendar appeal deadlines count with (节假日设置): each year's public holidays and make-up working
 * days. The years the built-in table has show as they are; the admin enters a year it lacks (the State Council
 * publishes the next year's each November) — staff see it read-only.
 */
export default function CalendarPage() {
  const thisYear = Number(parkToday().slice(0, 4));
  const [year, setYear] = useState(thisYear + 1);
  const me = usePageData('members', 'me', {});
  const page = usePageData('park', 'calendar', { year }, { reset: true });
  const admin = me.data ? canCall(me.data.roles, 'park', 'saveCalendar') : false;

  return (
    <View className='page' id='calendar-page'>
      <View className='page-hd'>
        <View className='page-title'>节假日设置</View>
        <View className='page-desc'>企业诉求的受理、办结和差评整改时限按工作日计算：法定节假日不计，调休上班日计入。</View>
      </View>
      <View className='cells'>
        <View className='cell'>
          <View className='seg'>
            {[thisYear, thisYear + 1].map((y) => (
              <View key={y} id={`calendar-year-${y}`} className={`seg-item${y === year ? ' seg-on' : ''}`} onClick={() => setYear(y)}>
                {y}年
              </View>
            ))}
          </View>
        </View>
      </View>
      <LoadStatus page={page} />
      {page.data && <YearForm key={`${year}-${page.data.source}`} view={page.data} admin={admin} onSaved={(v) => page.setData(() => v)} />}
    </View>
  );
}

/** One year's table: read-only for staff, a form for the admin (its state starts from what is stored). */
function YearForm({ view, admin, onSaved }: { view: CalendarView; admin: boolean; onSaved: (v: CalendarView) => void }) {
  const [off, setOff] = useState(view.offDays.join('\n'));
  const [on, setOn] = useState(view.makeUpDays.join('\n'));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const request = useRequest();

  const save = async () => {
    if (saving) return;
    setSaving(true);
    const r = await call('park', 'saveCalendar', { year: view.year, offDays: parseDays(off), makeUpDays: parseDays(on) }, request.options);
    request.settle(r.code === 0);
    setSaving(false);
    if (r.code === 0) {
      onSaved(r.data);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } else setError(r.details?.[0]?.message ?? r.message);
  };

  return (
    <View>
      <View className='tips' id='calendar-source'>
        {SOURCE[view.source]}
      </View>
      <View className='cells-title'>放假日期（每行一个，如 {view.year}-10-01）</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          {admin ? (
            <Textarea id='calendar-off' className='textarea textarea-tall' value={off} maxlength={1200} onInput={(e) => setOff(e.detail.value)} />
          ) : (
            <Text id='calendar-off'>{off || '（无）'}</Text>
          )}
        </View>
      </View>
      <View className='cells-title'>调休上班日期（周末上班）</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          {admin ? (
            <Textarea id='calendar-on' className='textarea' value={on} maxlength={400} onInput={(e) => setOn(e.detail.value)} />
          ) : (
            <Text id='calendar-on'>{on || '（无）'}</Text>
          )}
        </View>
      </View>
      {error && (
        <View className='error-box' id='calendar-error'>
          {error}
        </View>
      )}
      <RetryNote retrying={request.retrying} id='calendar-retrying' />
      {admin && (
        <View className='btn-area'>
          <Button id='calendar-save' className='btn btn-primary' loading={saving} onClick={() => void save()}>
            保存{view.year}年节假日
          </Button>
        </View>
      )}
    </View>
  );
}

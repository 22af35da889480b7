import Taro from '@tarojs/taro';
import { REMINDERS } from '../../../../shared/reminders/rules';
import { EntryCell } from '../../common/cells';
import { PAGES } from '../../common/pages';
import { parkToday } from '../../common/today';
import { usePageData } from '../../common/use-page-data';

/**
 * From December, on the 组织员's home: next year's holiday arrangement is not entered yet (the reminders send the
 * same once). Deadlines running into that year are counted on the law's holidays alone until it is.
 */
export function CalendarNotice() {
  const today = parkToday();
  const month = Number(today.slice(5, 7));
  const next = Number(today.slice(0, 4)) + 1;
  const cal = usePageData('park', 'calendar', month >= REMINDERS.calendarFromMonth ? { year: next } : null);
  if (cal.data?.source !== 'statutory') return null;
  return (
    <EntryCell
      id='calendar-notice'
      title={`请录入${next}年节假日安排`}
      sub='国务院办公厅通知公布后录入；录入前，跨年的诉求等期限暂按法定节假日推算'
      onClick={() => void Taro.navigateTo({ url: PAGES.park.calendar })}
    />
  );
}

import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { parkTimeText } from '../../../../shared/common/time';
import type { RunView } from '../../../../shared/reminders/contract';
import { inSendingHours } from '../../../../shared/reminders/rules';
import { call } from '../../common/call';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

const STATUS: Record<RunView['status'], string> = { running: '发送中', done: '已完成', partial: '未发完', failed: '失败' };

/** The admin's view of the timed reminders: each day's run, what it sent and why anything waited; run today's now. */
export default function ReminderRuns() {
  const page = usePageData('reminders', 'runs', {});
  const [busy, setBusy] = useState(false);
  const runNow = async () => {
    if (busy) return;
    const late = !inSendingHours(Date.now());
    const ok = await Taro.showModal({
      title: '立即发送提醒',
      content: `${late ? '现在不是办公时间，提醒会立刻出现在大家的微信里。' : ''}已提醒过的事项不会重复发送，每人只收到已订阅的提醒。`,
      confirmText: '发送',
    });
    if (!ok.confirm) return;
    setBusy(true);
    const r = await call('reminders', 'run', {});
    setBusy(false);
    if (r.code === 0) {
      void Taro.showToast({ title: `已发送 ${r.data.sent} 条`, icon: 'none' });
      void page.reload();
    } else void Taro.showModal({ title: '未能发送', content: r.message, showCancel: false });
  };
  const runs = page.data?.runs ?? [];
  return (
    <View className='page' id='reminder-runs-page'>
      <LoadStatus page={page} />
      {page.data && (
        <>
          <View className='tips'>
            每天 9:00–20:00 每刻钟检查一次，当天发完即止；失败或未发完的在下一次继续，已发过的不再重发。已订阅提醒的人数：{page.data.subscribers}
          </View>
          {runs.length === 0 && <View className='empty'>还没有发送记录</View>}
          {runs.map((r) => (
            <View className='cells' key={r.day} id={`run-${r.day}`}>
              <View className='cell'>
                <View className='cell-bd'>
                  {r.day} · {r.trigger === 'timer' ? '定时' : '手动'}
                </View>
                <View className='cell-ft' id={`run-${r.day}-status`}>
                  {STATUS[r.status]}
                </View>
              </View>
              <View className='cell'>
                <View className='cell-bd tips'>
                  今日已发送 {r.sent} · 失败 {r.failed} · 最近一次：待提醒 {r.due}，未订阅 {r.waiting}，已提醒过 {r.alreadySent}，改日 {r.deferred}
                </View>
              </View>
              <View className='cell'>
                <View className='cell-bd tips'>
                  第 {r.attempts} 次运行，开始于 {parkTimeText(r.startedAt)}
                  {r.finishedAt ? `，结束于 ${parkTimeText(r.finishedAt)}` : ''}
                </View>
              </View>
              {r.error && (
                <View className='cell'>
                  <View className='cell-bd' style={{ color: '#fa5151' }}>
                    {r.error}
                  </View>
                </View>
              )}
            </View>
          ))}
          <View className='btn-area'>
            <Button className='btn btn-primary' id='reminders-run' disabled={busy} onClick={() => void runNow()}>
              立即发送今天的提醒
            </Button>
          </View>
        </>
      )}
    </View>
  );
}

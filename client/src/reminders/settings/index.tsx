import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { parkTimeText } from '../../../../shared/common/time';
import type { MineView } from '../../../../shared/reminders/contract';
import { call } from '../../common/call';
import { PAGES } from '../../common/pages';
import { isH5 } from '../../common/session';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { askSubscription } from '../lib';

const STATUS: Record<MineView['recent'][number]['status'], string> = { sent: '已送达', failed: '未送达', unknown: '送达情况不明' };

function standing(t: MineView['templates'][number]): string {
  if (t.longTerm) return t.accepted ? '已开启' : '未开启';
  return t.credits > 0 ? `可收 ${t.credits} 条` : '未订阅';
}

/**
 * 消息提醒: the reminders one can get in WeChat's 服务通知, how many each subscription may still carry, and the
 * button that asks for them (WeChat asks from a tap only; each 允许 of a one-time template allows one message).
 */
export default function ReminderSettings() {
  const page = usePageData('reminders', 'mine', {}, { onShow: true });
  const [view, setView] = useState<MineView | null>(null);
  const [busy, setBusy] = useState(false);
  const shown = view ?? page.data;
  const subscribe = async () => {
    if (!shown || busy) return;
    setBusy(true);
    const answers = await askSubscription(shown.templates.map(({ key, id, title }) => ({ key, id, title })));
    if (!answers) {
      setBusy(false);
      void Taro.showModal({ title: '无法订阅', content: '请在微信「设置 → 通知」中允许接收小程序的订阅消息后重试', showCancel: false });
      return;
    }
    if (Object.keys(answers).length === 0) {
      setBusy(false);
      return;
    }
    const r = await call('reminders', 'subscribe', { answers });
    setBusy(false);
    if (r.code === 0) {
      setView(r.data);
      const accepted = Object.values(answers).filter((a) => a === 'accept').length;
      void Taro.showToast({ title: accepted ? '已订阅' : '未订阅', icon: accepted ? 'success' : 'none' });
    } else void Taro.showModal({ title: '未能订阅', content: r.message, showCancel: false });
  };
  return (
    <View className='page' id='reminders-page'>
      <LoadStatus page={page} />
      {shown && (
        <>
          <View className='tips'>标尺通过微信「服务通知」提醒你待办的事。每订阅一次，每类提醒可以收到一条；收到后如需继续提醒，请再订阅。</View>
          <View className='cells'>
            {shown.templates.map((t) => (
              <View className='cell' key={t.key} id={`reminder-${t.key}`}>
                <View className='cell-bd'>
                  <View>{t.title}</View>
                  <View className='tips'>{t.about}</View>
                </View>
                <View className='cell-ft' id={`reminder-${t.key}-standing`}>
                  {standing(t)}
                </View>
              </View>
            ))}
          </View>
          <View className='btn-area'>
            <Button className='btn btn-primary' id='reminders-subscribe' disabled={busy} onClick={() => void subscribe()}>
              订阅提醒
            </Button>
          </View>
          <View className='cells-title'>最近的提醒</View>
          {shown.recent.length === 0 ? (
            <View className='empty'>还没有发给你的提醒</View>
          ) : (
            <View className='cells' id='reminders-recent'>
              {shown.recent.map((s) => (
                <View className='cell' key={`${s.kind}-${s.at}-${s.title}`}>
                  <View className='cell-bd'>
                    <View>{s.title}</View>
                    <View className='tips'>
                      {s.label} · {s.kind === 'ballot' ? parkTimeText(s.at).slice(0, 10) : parkTimeText(s.at)}
                    </View>
                  </View>
                  <View className='cell-ft'>{STATUS[s.status]}</View>
                </View>
              ))}
            </View>
          )}
          {isH5 && (
            <View className='cells'>
              <View
                className='cell cell-access'
                hoverClass='cell-hover'
                id='reminders-outbox'
                onClick={() => void Taro.navigateTo({ url: PAGES.reminders.outbox })}
              >
                <View className='cell-bd'>服务通知（本地演示：微信里提醒出现在这里）</View>
              </View>
            </View>
          )}
        </>
      )}
    </View>
  );
}

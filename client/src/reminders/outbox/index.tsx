import { View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useState } from 'react';
import { parkTimeText } from '../../../../shared/common/time';
import { isH5 } from '../../common/session';
import { ErrorBox, Loading } from '../../common/ui';
import { loadOutbox, type OutboxMessage } from '../lib';

/**
 * 服务通知 as the local cloud delivered them: on a phone, WeChat shows subscribe messages in its own 服务通知 list
 * and this page has nothing to show; in the H5 demo it is that list — the signed-in person's own messages only.
 */
export default function Outbox() {
  const [messages, setMessages] = useState<OutboxMessage[] | null | undefined>(undefined);
  useDidShow(() => {
    if (isH5) void loadOutbox().then(setMessages);
  });
  if (!isH5) return <View className='page empty'>提醒在微信「服务通知」中查看</View>;
  return (
    <View className='page' id='outbox-page'>
      {messages === undefined && <Loading />}
      {messages === null && <ErrorBox message='服务通知加载失败' onRetry={() => void loadOutbox().then(setMessages)} />}
      {messages && messages.length === 0 && <View className='empty'>还没有服务通知</View>}
      {messages?.map((m) => (
        <View className='cells' key={m.id} id={`outbox-${m.id}`}>
          <View className='cell'>
            <View className='cell-bd'>
              <View>{m.title}</View>
              <View className='tips'>{parkTimeText(m.at)}</View>
            </View>
          </View>
          {m.fields.map((f) => (
            <View className='cell' key={f.keyword}>
              <View className='cell-bd tips'>{f.label}</View>
              <View className='cell-ft'>{f.value}</View>
            </View>
          ))}
          {m.page && (
            <View className='cell cell-access' hoverClass='cell-hover' onClick={() => void Taro.navigateTo({ url: `/${m.page}` })}>
              <View className='cell-bd'>进入小程序查看</View>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

import { Button, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { parkTimeText } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { ReportBody } from '../lib';

/** A cadre's feedback reports (反馈报告), newest first: each to read and acknowledge, with the talks about it. */
export default function MyFeedback() {
  const page = usePageData('feedback', 'reports', {}, { onShow: true });
  const [busy, setBusy] = useState(false);
  const reports = page.data?.reports ?? [];
  const acknowledge = async (reportId: string) => {
    if (busy) return;
    setBusy(true);
    const r = await call('feedback', 'acknowledge', { reportId });
    setBusy(false);
    if (r.code === 0) {
      void Taro.showToast({ title: '已确认', icon: 'success' });
      void page.reload();
    } else void Taro.showModal({ title: '未能确认', content: r.message, showCancel: false });
  };
  return (
    <View className='page' id='feedback-mine-page'>
      <LoadStatus page={page} />
      {page.data && reports.length === 0 && <View className='empty'>还没有反馈报告</View>}
      {reports.map((r) => (
        <View key={r.id}>
          <ReportBody r={r} />
          {r.acknowledgedAt ? (
            <View className='tips' id={`report-${r.id}-acknowledged`}>
              已于 {parkTimeText(r.acknowledgedAt)} 确认收到
            </View>
          ) : (
            <View className='btn-area'>
              <Button className='btn btn-primary' id={`report-${r.id}-acknowledge`} disabled={busy} onClick={() => void acknowledge(r.id)}>
                确认收到
              </Button>
            </View>
          )}
        </View>
      ))}
    </View>
  );
}

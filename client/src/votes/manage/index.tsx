import { useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Button, Image, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { call } from '../../common/call';
import { PAGES } from '../../common/pages';
import { ErrorBox, Loading } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { CampaignHeader } from './CampaignHeader';
import { TurnoutCells } from './TurnoutCells';

type Qr = OutputOf<'votes', 'qrcode'>;

const REFRESH_MS = 5000;

/** Admin: open and close a campaign, watch the turnout live, show the meeting's mini-program code. */
export default function Manage() {
  const { params } = useRouter();
  const campaignId = params.campaignId ? decodeURIComponent(params.campaignId) : '';
  // The campaign and its live turnout, both read again each time the page shows.
  const campaign = usePageData('votes', 'get', { campaignId }, { onShow: true });
  const turnout = usePageData('votes', 'turnout', { campaignId }, { onShow: true });
  const info = campaign.data;
  const t = turnout.data;
  const error = turnout.error ?? campaign.error;
  const [busy, setBusy] = useState(false);
  const [qr, setQr] = useState<Qr | null>(null);
  const [visible, setVisible] = useState(true);
  const { reload: loadInfo } = campaign;
  const { reload: loadTurnout } = turnout;
  const load = async () => {
    await Promise.all([loadInfo(), loadTurnout()]);
  };

  // A scheduled opening or closing passes while the page is shown: the turnout says so first, then re-read the campaign.
  // Once per change of the turnout's status, so that two answers that disagree cannot loop.
  const turnoutStatus = t?.status;
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!info || !turnoutStatus || turnoutStatus === seen.current) return;
    seen.current = turnoutStatus;
    if (turnoutStatus !== info.status) void loadInfo();
  }, [info, turnoutStatus, loadInfo]);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  // Live turnout every 5 s while open and on screen; the timer goes with the page (unload) or when hidden.
  const open = t?.status === 'open';
  useEffect(() => {
    if (!open || !visible) return undefined;
    const timer = setInterval(() => void loadTurnout(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [open, visible, loadTurnout]);

  const act = async (action: 'open' | 'close') => {
    if (busy) return;
    if (action === 'close') {
      const ok = await Taro.showModal({
        title: '结束测评',
        content: '结束后不能再投票，也不能重新开启。确定结束？',
        confirmText: '结束',
        confirmColor: '#fa5151',
      });
      if (!ok.confirm) return;
    }
    setBusy(true);
    const r = await call('votes', action, { campaignId });
    setBusy(false);
    if (r.code !== 0) {
      void Taro.showModal({ title: action === 'open' ? '无法开启' : '无法结束', content: r.message, showCancel: false });
      return;
    }
    void Taro.showToast({ title: action === 'open' ? '已开启' : '已结束', icon: 'success' });
    await load();
  };

  const showQr = async () => {
    void Taro.showLoading({ title: '正在生成' });
    const r = await call('votes', 'qrcode', { campaignId });
    void Taro.hideLoading();
    if (r.code === 0) setQr(r.data);
    else void Taro.showModal({ title: '无法生成二维码', content: r.message, showCancel: false });
  };

  if (qr) {
    return (
      <View className='page' id='manage-qr-page'>
        <View className='page-hd' style={{ textAlign: 'center' }}>
          <View className='page-title'>{info?.title ?? '民主测评'}</View>
          <View className='page-desc'>请用微信扫一扫，进入测评</View>
        </View>
        <View className='cells' style={{ padding: '24px 0' }}>
          <Image id='manage-qr' className='qr-big' src={qr.qrUrl} mode='aspectFit' showMenuByLongpress />
        </View>
        <View className='btn-area'>
          <Button id='manage-qr-back' className='btn btn-default' onClick={() => setQr(null)}>
            返回
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className='page' id='manage-page'>
      <CampaignHeader info={info} />
      {error && <ErrorBox message={error.message} onRetry={() => void load()} />}
      {!t && !error && <Loading />}
      {t && (
        <>
          <View className='cells-title'>参评情况{open ? '（每5秒刷新）' : ''}</View>
          <TurnoutCells turnout={t} />
          <View className='btn-area'>
            {t.status === 'draft' && (
              <Button id='manage-open' className='btn btn-primary' disabled={busy} onClick={() => void act('open')}>
                开启测评
              </Button>
            )}
            {t.status === 'open' && (
              <>
                <Button id='manage-qrcode' className='btn btn-primary' onClick={() => void showQr()}>
                  会场二维码
                </Button>
                <View style={{ height: '12px' }} />
                <Button id='manage-close' className='btn btn-warn' disabled={busy} onClick={() => void act('close')}>
                  结束测评
                </Button>
              </>
            )}
            {t.status === 'closed' && (
              <Button id='manage-results' className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: PAGES.votes.results(campaignId) })}>
                查看结果
              </Button>
            )}
          </View>
          <View className='tips'>只显示人数，不显示任何人的投票内容。结束后可查看计票结果。</View>
        </>
      )}
    </View>
  );
}

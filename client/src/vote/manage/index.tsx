import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, useRouter } from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { CAMPAIGN_KIND_LABELS } from '../../../../shared/votes/contract';
import { call } from '../../api/call';
import { ErrorBox, Loading, ProgressBar } from '../../lib/ui';
import { STATUS_LABELS, STATUS_TAG, VOTE_PAGES, parkTimeText } from '../lib';

type Turnout = OutputOf<'votes', 'turnout'>;
type Info = OutputOf<'votes', 'get'>;
type Qr = OutputOf<'votes', 'qrcode'>;

const REFRESH_MS = 5000;
const percent = (voted: number, roll: number) => (roll > 0 ? Math.floor((voted * 100) / roll) : 0);

/** Admin: open and close a campaign, watch the turnout live, show the meeting's mini-program code. */
export default function Manage() {
  const { params } = useRouter();
  const campaignId = params.campaignId ? decodeURIComponent(params.campaignId) : '';
  const [info, setInfo] = useState<Info | null>(null);
  const [t, setT] = useState<Turnout | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [qr, setQr] = useState<Qr | null>(null);
  const [visible, setVisible] = useState(true);

  const loadInfo = useCallback(async () => {
    const r = await call('votes', 'get', { campaignId });
    if (r.code === 0) setInfo(r.data);
    else setError(r.message);
  }, [campaignId]);

  const loadTurnout = useCallback(async () => {
    const r = await call('votes', 'turnout', { campaignId });
    if (r.code === 0) {
      setT(r.data);
      setError(null);
    } else setError(r.message);
  }, [campaignId]);

  const load = useCallback(async () => {
    await Promise.all([loadInfo(), loadTurnout()]);
  }, [loadInfo, loadTurnout]);

  // A scheduled opening or closing passes while the page is shown: the turnout says so first, then re-read the campaign.
  // Once per change of the turnout's status, so that two answers that disagree cannot loop.
  const turnoutStatus = t?.status;
  const seen = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!info || !turnoutStatus || turnoutStatus === seen.current) return;
    seen.current = turnoutStatus;
    if (turnoutStatus !== info.status) void loadInfo();
  }, [info, turnoutStatus, loadInfo]);

  useDidShow(() => {
    setVisible(true);
    void load();
  });
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

  const status = info?.status;
  return (
    <View className='page' id='manage-page'>
      <View className='page-hd'>
        <View className='page-title' id='manage-title'>
          {info?.title ?? '测评管理'}
        </View>
        {info && (
          <View className='page-desc'>
            {CAMPAIGN_KIND_LABELS[info.kind]} · {info.year}年度{' '}
            {status && (
              <Text className={`tag ${STATUS_TAG[status]}`} id='manage-status'>
                {STATUS_LABELS[status]}
              </Text>
            )}
          </View>
        )}
      </View>
      {info && (info.opensAt !== null || info.closesAt !== null) && (
        <View className='cells' id='manage-schedule'>
          {info.opensAt !== null && (
            <View className='cell' id='manage-opens-at'>
              <View className='cell-bd'>计划开始</View>
              <View className='cell-ft'>{parkTimeText(info.opensAt)}</View>
            </View>
          )}
          {info.closesAt !== null && (
            <View className='cell' id='manage-closes-at'>
              <View className='cell-bd'>计划结束</View>
              <View className='cell-ft'>{parkTimeText(info.closesAt)}</View>
            </View>
          )}
        </View>
      )}
      {error && <ErrorBox message={error} onRetry={() => void load()} />}
      {!t && !error && <Loading />}
      {t && (
        <>
          <View className='cells-title'>参评情况{open ? '（每5秒刷新）' : ''}</View>
          <View className='cells' id='turnout'>
            <View className='cell'>
              <View className='cell-bd'>
                <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                  <Text className='cell-title'>合计</Text>
                  <Text className='cell-ft' id='turnout-voted'>
                    已投 {t.voted} / {t.roll} 人
                  </Text>
                </View>
                <ProgressBar percent={percent(t.voted, t.roll)} id='turnout-bar' />
              </View>
            </View>
            {t.byCategory.map((k) => (
              <View className='cell' key={k.category} id={`turnout-${k.category}`}>
                <View className='cell-bd'>
                  <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                    <Text>{k.label}</Text>
                    <Text className='cell-ft'>
                      {k.voted} / {k.roll}
                    </Text>
                  </View>
                  <ProgressBar percent={percent(k.voted, k.roll)} />
                </View>
              </View>
            ))}
          </View>
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
              <Button id='manage-results' className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: VOTE_PAGES.results(campaignId) })}>
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

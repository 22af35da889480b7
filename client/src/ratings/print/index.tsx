import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { Fail } from '../../../../shared/common/errors';
import { call } from '../../common/call';
import { ErrorBox, Loading } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { CodeCard, PrintFoot, type Item } from './CodeCard';

const NO_CAMPAIGN: Fail = { code: 'NOT_FOUND', message: '缺少评价活动编号，请从企业评页面进入' };

/**
 * Admin: the printable sheet of a drawn campaign — a card per sampled enterprise with its name, its mini-program
 * code and the code in letters — a page at a time (each mini-program code is rendered by the platform).
 */
export default function PrintCodes() {
  const { params } = useRouter();
  const campaignId = params.campaignId ? decodeURIComponent(params.campaignId) : '';
  const campaign = usePageData('ratings', 'get', campaignId ? { campaignId } : null);
  const [more, setMore] = useState<{ items: Item[]; nextCursor: number | null } | null>(null);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const first = usePageData('ratings', 'codes', campaignId ? { campaignId } : null, { onData: () => setMore(null) });

  const items = [...(first.data?.items ?? []), ...(more?.items ?? [])];
  const nextCursor = more ? more.nextCursor : (first.data?.nextCursor ?? null);
  const error = campaignId ? first.error : NO_CAMPAIGN;

  const loadMore = async () => {
    if (loadingMore || nextCursor === null) return;
    setLoadingMore(true);
    setMoreError(null);
    const r = await call('ratings', 'codes', { campaignId, cursor: nextCursor });
    setLoadingMore(false);
    if (r.code === 0) setMore((old) => ({ items: [...(old?.items ?? []), ...r.data.items], nextCursor: r.data.nextCursor }));
    else setMoreError(r.message);
  };

  return (
    <View className='page' id='print-page'>
      <View className='page-hd'>
        <View className='page-title' id='print-title'>
          {campaign.data?.title ?? '评价码'}
        </View>
        <View className='page-desc' id='print-instruction'>
          每家企业一张，裁开后交企业负责人：微信扫码即可匿名评价，每个评价码只能提交一次，请勿交给其他企业。
        </View>
      </View>
      {error && <ErrorBox message={error.message} onRetry={campaignId ? () => void first.reload() : undefined} />}
      {!error && !first.data && <Loading text='正在生成评价码…' />}
      <View id='print-codes' style={{ display: 'flex', flexWrap: 'wrap', padding: '0 16px' }}>
        {items.map((x) => (
          <CodeCard key={x.code} item={x} />
        ))}
      </View>
      <PrintFoot
        loaded={first.data !== null}
        count={items.length}
        more={nextCursor !== null}
        loadingMore={loadingMore}
        error={moreError}
        onMore={() => void loadMore()}
      />
    </View>
  );
}

import { Button, Image, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';

export type Item = OutputOf<'ratings', 'codes'>['items'][number];

/** One enterprise's card on the sheet: its name, its mini-program code, the code in letters. */
export function CodeCard({ item: x }: { item: Item }) {
  return (
    <View
      id={`code-${x.code}`}
      className='card'
      style={{ width: '50%', boxSizing: 'border-box', margin: 0, padding: '16px', border: '1px dashed rgba(0, 0, 0, 0.2)', textAlign: 'center' }}
    >
      <View className='cell-title' id={`code-${x.code}-name`}>
        {x.enterpriseName}
      </View>
      <Image
        id={`code-${x.code}-qr`}
        src={x.qrUrl}
        mode='aspectFit'
        style={{ width: '280px', height: '280px', maxWidth: '100%', margin: '8px auto' }}
      />
      <View className='mono' id={`code-${x.code}-text`} style={{ fontSize: '28px', letterSpacing: '2px' }}>
        {x.code}
      </View>
      <Text className='small'>微信扫码评价园区服务</Text>
    </View>
  );
}

/** The sheet's foot: 加载更多 while there are more pages, or how many cards there are. */
export function PrintFoot({
  loaded,
  count,
  more,
  loadingMore,
  error,
  onMore,
}: {
  loaded: boolean;
  count: number;
  more: boolean;
  loadingMore: boolean;
  error: string | null;
  onMore: () => void;
}) {
  return (
    <>
      {loaded && count === 0 && <View className='empty'>没有评价码</View>}
      {error && (
        <View className='field-error' id='print-more-error'>
          {error}
        </View>
      )}
      {more && (
        <View className='btn-area'>
          <Button id='print-more' className='btn btn-default' disabled={loadingMore} onClick={onMore}>
            {loadingMore ? '正在生成…' : '加载更多'}
          </Button>
        </View>
      )}
      {loaded && !more && count > 0 && (
        <View className='tips' id='print-all'>
          共 {count} 张，已全部显示。
        </View>
      )}
    </>
  );
}

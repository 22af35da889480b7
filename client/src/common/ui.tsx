import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { PageData } from './use-page-data';

export function Loading({ text = '加载中…' }: { text?: string }) {
  return (
    <View className='loading' id='loading'>
      {text}
    </View>
  );
}

export function ErrorBox({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='error-box' id='error'>
      <Text id='error-text'>{message}</Text>
      {onRetry && (
        <View style={{ marginTop: '12px' }}>
          <Button className='btn btn-default btn-mini' id='retry' onClick={onRetry}>
            重试
          </Button>
        </View>
      )}
    </View>
  );
}

/** A page's data as usePageData has it: its error with 重试 (also over data already shown), or 加载中… until the first answer. */
export function LoadStatus({ page, text }: { page: Pick<PageData<unknown>, 'data' | 'error' | 'reload'>; text?: string }) {
  if (page.error) return <ErrorBox message={page.error.message} onRetry={() => void page.reload()} />;
  return page.data === null ? <Loading text={text} /> : null;
}

export function ProgressBar({ percent, id }: { percent: number; id?: string }) {
  const p = Math.max(0, Math.min(100, percent));
  return (
    <View className='progress' id={id}>
      <View className='progress-bar'>
        <View className='progress-inner' style={{ width: `${p}%` }} />
      </View>
      <Text className='progress-pct'>{p}%</Text>
    </View>
  );
}

/**
 * The way back at a page's foot (the H5 build has no navigation bar): the page it came from, or `url` when it was
 * opened by its address.
 */
export function BackLink({ id, label, url }: { id: string; label: string; url: string }) {
  return (
    <View
      className='footer-link'
      id={id}
      onClick={() => {
        if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
        else void Taro.redirectTo({ url });
      }}
    >
      {label}
    </View>
  );
}

import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import { PAGES } from '../../common/pages';
import { ErrorBox, Loading } from '../../common/ui';

/**
 * No ballot to show yet: loading, or why not — with 重试, except when the page was opened without a campaign; a
 * WeChat identity not bound yet is offered the invite code page.
 */
export function BallotUnavailable({ error, onRetry }: { error: { code: string; message: string } | null; onRetry: () => void }) {
  return (
    <View className='page' id='ballot-page'>
      {error ? <ErrorBox message={error.message} onRetry={error.code === 'NOT_FOUND' ? undefined : onRetry} /> : <Loading />}
      {error?.code === 'UNBOUND' && (
        <View className='btn-area'>
          <Button id='ballot-bind' className='btn btn-primary' onClick={() => void Taro.reLaunch({ url: PAGES.bind })}>
            输入邀请码
          </Button>
        </View>
      )}
    </View>
  );
}

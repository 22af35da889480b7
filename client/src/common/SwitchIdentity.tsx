import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { clearSession, isH5 } from './session';
import { PAGES } from './pages';

/** h5 only: leave the demo identity and pick another. On weapp the identity is WeChat's. */
export function SwitchIdentity() {
  if (!isH5) return null;
  return (
    <View
      className='tips'
      id='switch-identity'
      style={{ textAlign: 'center', color: '#576b95' }}
      onClick={() => {
        clearSession();
        void Taro.reLaunch({ url: PAGES.login });
      }}
    >
      切换演示身份
    </View>
  );
}

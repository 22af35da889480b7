import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { CLOUD_ENV_ID } from './cloud-env';
import './app.css';

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
    }
  });
  return children;
}

export default App;

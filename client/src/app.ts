import { type PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { CLOUD_ENV_ID } from './cloud-env';
import { installPrivacyHandler } from './common/privacy';
import './app.css';

// Fixes to Taro's H5 components only; the weapp build drops this branch.
// A static import would land in the weapp too; webpack drops a require in a branch its DefinePlugin makes false.
// eslint-disable-next-line @typescript-eslint/no-require-imports
if (process.env.TARO_ENV === 'h5') require('./h5.css');

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    if (process.env.TARO_ENV === 'weapp') {
      Taro.cloud.init({ env: CLOUD_ENV_ID, traceUser: true });
      installPrivacyHandler();
    }
  });
  return children;
}

export default App;

import { useCallback, useState } from 'react';
import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { call } from '../../api/call';
import { getSession, isH5 } from '../../api/session';
import { ErrorBox, Loading } from '../../lib/ui';
import { BIND_PAGE_URL, HOME_OF, LOGIN_PAGE, primaryRole } from '../../lib/roles';
import { SwitchIdentity } from '../../lib/SwitchIdentity';

/** Entry: who am I? Then to the bind page, the demo login (h5), or the role's home. */
export default function Index() {
  const [error, setError] = useState<string | null>(null);

  const route = useCallback(async () => {
    setError(null);
    if (isH5 && !getSession()) {
      void Taro.redirectTo({ url: LOGIN_PAGE });
      return;
    }
    const r = await call('members', 'me', {});
    if (r.code === 'UNBOUND') {
      void Taro.redirectTo({ url: BIND_PAGE_URL });
      return;
    }
    if (r.code !== 0) {
      setError(r.message);
      return;
    }
    const role = primaryRole(r.data.roles);
    if (!role) {
      setError('您的账号尚未分配角色，请联系组织员');
      return;
    }
    void Taro.redirectTo({ url: HOME_OF[role] });
  }, []);

  useDidShow(() => {
    void route();
  });

  return (
    <View className='page' id='index-page'>
      {error ? <ErrorBox message={error} onRetry={() => void route()} /> : <Loading text='正在确认身份…' />}
      {error && <SwitchIdentity />}
    </View>
  );
}

import Taro, { useDidShow } from '@tarojs/taro';
import { View } from '@tarojs/components';
import { getSession, isH5 } from '../../common/session';
import { ErrorBox, Loading } from '../../common/ui';
import { PAGES } from '../../common/pages';
import { HOME_OF, primaryRole } from '../../common/roles';
import { SwitchIdentity } from '../../common/SwitchIdentity';
import { usePageData } from '../../common/use-page-data';

const signedOut = () => isH5 && !getSession();

/** Entry: who am I? Then to the bind page, the demo login (h5), or the role's home. */
export default function Index() {
  const me = usePageData('members', 'me', signedOut() ? null : {}, {
    onShow: true,
    reset: true,
    onData: (d) => {
      const role = primaryRole(d.roles);
      if (role) void Taro.redirectTo({ url: HOME_OF[role] });
    },
    onFail: (r) => {
      if (r.code !== 'UNBOUND') return false;
      void Taro.redirectTo({ url: PAGES.bind });
      return true;
    },
  });
  useDidShow(() => {
    if (signedOut()) void Taro.redirectTo({ url: PAGES.login });
  });

  const error = me.error?.message ?? (me.data && !primaryRole(me.data.roles) ? '您的账号尚未分配角色，请联系组织员' : null);
  return (
    <View className='page' id='index-page'>
      {error ? <ErrorBox message={error} onRetry={() => void me.reload()} /> : <Loading text='正在确认身份…' />}
      {error && <SwitchIdentity />}
    </View>
  );
}

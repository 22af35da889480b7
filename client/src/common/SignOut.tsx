import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { useState } from 'react';
import { call } from './call';
import { PAGES } from './pages';
import { clearSession, isH5 } from './session';

/**
 * 退出登录, at the foot of every role's home: after a confirmation, this WeChat identity is unbound from the person
 * (members.signOut); the 组织员's invite binds it again. On h5 the demo session goes too.
 */
export function SignOut() {
  const [busy, setBusy] = useState(false);
  const signOut = async () => {
    if (busy) return;
    const ok = await Taro.showModal({
      title: '退出登录',
      content: '退出后，本微信将不再关联您的身份；再次使用需向组织员重新领取邀请码。确定退出吗？',
      confirmText: '退出',
      confirmColor: '#fa5151',
    });
    if (!ok.confirm) return;
    setBusy(true);
    const r = await call('members', 'signOut', {});
    setBusy(false);
    // already unbound (someone else signed this identity out) is as good as done
    if (r.code !== 0 && r.code !== 'UNBOUND') {
      void Taro.showModal({ title: '未能退出', content: r.message, showCancel: false });
      return;
    }
    if (isH5) clearSession();
    void Taro.showToast({ title: '已退出', icon: 'success' });
    void Taro.reLaunch({ url: PAGES.index });
  };
  return (
    <View className='footer-link footer-link-grey' id='sign-out' onClick={() => void signOut()}>
      {busy ? '正在退出…' : '退出登录'}
    </View>
  );
}

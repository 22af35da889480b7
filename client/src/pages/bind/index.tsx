import { Button, Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { INVITE } from '../../../../shared/members/config';
import { call } from '../../common/call';
import { PAGES } from '../../common/pages';
import { getSession, isH5 } from '../../common/session';
import { SwitchIdentity } from '../../common/SwitchIdentity';
import { usePageData } from '../../common/use-page-data';
import { SetupForm, keepSetupCode } from './SetupForm';

/** The code as the person types it: uppercase letters and digits, at most INVITE.length. */
function normalize(s: string): string {
  return s
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, INVITE.length);
}

function sceneOf(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return normalize(decodeURIComponent(raw));
  } catch {
    return normalize(raw);
  }
}

/**
 * Bind this WeChat identity with an invite code. The invite's mini-program code opens this page with `scene`. A park
 * not set up yet (park.status) shows the first set-up above it: the deployer's code makes its giver the first 组织员.
 */
export default function Bind() {
  const router = useRouter();
  const [code, setCode] = useState(() => sceneOf(router.params.scene));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // h5 with nobody signed in (the set-up address opened as is): the demo sign-in first, the set-up code kept
  const signedOut = isH5 && !getSession();
  useDidShow(() => {
    if (!signedOut) return;
    keepSetupCode(router.params.setup);
    void Taro.redirectTo({ url: PAGES.login });
  });
  const status = usePageData('park', 'status', signedOut ? null : {}).data;
  const setUp = status ? status.setUp : true;

  const submit = async () => {
    if (busy) return;
    setError(null);
    setBusy(true);
    const r = await call('members', 'bind', { code });
    setBusy(false);
    if (r.code === 0) {
      void Taro.showToast({ title: `已绑定：${r.data.name}`, icon: 'success' });
      void Taro.reLaunch({ url: PAGES.index });
      return;
    }
    setError(r.code === 'INVALID_INPUT' && r.details?.[0] ? r.details[0].message : r.message);
  };

  return (
    <View className='page' id='bind-page'>
      {!setUp && <SetupForm setupParam={router.params.setup} />}
      <View className='page-hd'>
        <View className='page-title'>{setUp ? '绑定身份' : '已有邀请码？'}</View>
        <View className='page-desc' id='bind-desc'>
          {status?.name ? `欢迎使用${status.name}的标尺。` : ''}请输入组织员发放的{INVITE.length}位邀请码，绑定后即可使用标尺。
        </View>
      </View>
      <View className='cells-title'>邀请码</View>
      <View className='cells'>
        <View className='cell'>
          <Input
            id='bind-code'
            className='input input-code'
            value={code}
            maxlength={INVITE.length}
            placeholder='例如 ABCD2345'
            onInput={(e) => {
              const v = normalize(e.detail.value);
              setCode(v);
              return v;
            }}
          />
        </View>
      </View>
      {error && (
        <View className='field-error' id='bind-error'>
          <Text>{error}</Text>
        </View>
      )}
      <View className='btn-area'>
        <Button
          id='bind-submit'
          className={`btn ${setUp ? 'btn-primary' : 'btn-default'}${busy || code.length === 0 ? ' btn-disabled' : ''}`}
          disabled={busy || code.length === 0}
          onClick={() => void submit()}
        >
          {busy ? '正在绑定…' : '绑定'}
        </Button>
      </View>
      <View className='tips'>邀请码有效期{INVITE.ttlDays}天，仅可使用一次。如已过期或丢失，请联系组织员重新发放。</View>
      <SwitchIdentity />
    </View>
  );
}

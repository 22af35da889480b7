import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { ROLE_LABELS, type DemoPerson, type Role } from '../../../../shared/members/contract';
import { platformFail } from '../../common/call';
import { setSession } from '../../common/session';
import { PAGES } from '../../common/pages';
import { primaryRole } from '../../common/roles';
import { ErrorBox, Loading } from '../../common/ui';

/** Group order on this page: the everyday roles first. */
const GROUPS: Role[] = ['cadre', 'sectionHead', 'leader', 'enterprise', 'admin'];

async function login(data: { openid: string } | { newUser: true }): Promise<string | null> {
  try {
    const res = await Taro.request<{ token?: string; errMsg?: string }>({
      url: '/api/dev/login',
      method: 'POST',
      header: { 'content-type': 'application/json' },
      data,
    });
    if (typeof res.data?.token === 'string') {
      setSession(res.data.token);
      return null;
    }
    return `登录失败：${res.data?.errMsg ?? res.statusCode}`;
  } catch (e) {
    return platformFail(e).message;
  }
}

async function fetchPeople(): Promise<{ people: DemoPerson[] } | { error: string }> {
  try {
    const res = await Taro.request<{ people?: DemoPerson[] }>({ url: '/api/dev/people', method: 'GET' });
    return Array.isArray(res.data?.people) ? { people: res.data.people } : { error: '没有可用的演示身份（本地云未配置演示数据）' };
  } catch (e) {
    return { error: platformFail(e).message };
  }
}

/** h5 only: the local stand-in for WeChat sign-in. Pick a demo person. */
export default function Login() {
  const [people, setPeople] = useState<DemoPerson[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const show = (r: { people: DemoPerson[] } | { error: string }) => {
    if ('people' in r) {
      setPeople(r.people);
      setError(null);
    } else setError(r.error);
  };
  const load = () => fetchPeople().then(show);

  useEffect(() => {
    void fetchPeople().then(show);
  }, []);

  const pick = async (data: { openid: string } | { newUser: true }) => {
    if (busy) return;
    setBusy(true);
    const problem = await login(data);
    setBusy(false);
    if (problem) {
      void Taro.showToast({ title: problem, icon: 'none' });
      return;
    }
    void Taro.reLaunch({ url: PAGES.index });
  };

  const groups = GROUPS.map((role) => ({
    role,
    list: (people ?? []).filter((p) => (primaryRole(p.roles) ?? 'cadre') === role),
  })).filter((g) => g.list.length > 0);

  return (
    <View className='page' id='login-page'>
      <View className='page-hd'>
        <View className='page-title'>选择演示身份</View>
        <View className='page-desc'>本地演示环境：选择一位人员登录。正式小程序中身份来自微信，无需此步。</View>
      </View>
      {error && <ErrorBox message={error} onRetry={() => void load()} />}
      {!error && people === null && <Loading />}
      {groups.map((g) => (
        <View key={g.role} id={`login-group-${g.role}`}>
          <View className='cells-title'>{ROLE_LABELS[g.role]}</View>
          <View className='cells'>
            {g.list.map((p) => (
              <View
                key={p.openid}
                className='cell cell-access'
                hoverClass='cell-hover'
                id={`login-${p.openid}`}
                onClick={() => void pick({ openid: p.openid })}
              >
                <View className='cell-bd'>
                  <View className='cell-title'>{p.name}</View>
                  <View className='cell-sub'>
                    {[p.sectionName ?? p.enterpriseName, p.post, p.roles.map((r) => ROLE_LABELS[r]).join('、')].filter(Boolean).join(' · ')}
                  </View>
                </View>
              </View>
            ))}
          </View>
        </View>
      ))}
      {people !== null && (
        <View>
          <View className='cells-title'>尝试邀请码绑定</View>
          <View className='cells'>
            <View className='cell cell-access' hoverClass='cell-hover' id='login-new-user' onClick={() => void pick({ newUser: true })}>
              <View className='cell-bd'>
                <View className='cell-title'>新微信用户（未绑定）</View>
                <View className='cell-sub'>
                  <Text>进入后需输入组织员发放的邀请码</Text>
                </View>
              </View>
            </View>
          </View>
        </View>
      )}
    </View>
  );
}

import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { FormButtons, InputCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { PAGES } from '../../common/pages';
import { isH5 } from '../../common/session';
import { useForm } from '../../common/use-submit';

/**
 * h5 only: the set-up code kept while the deployer signs in on the demo page as a new WeChat user (the local cloud's
 * stand-in for WeChat's identity, which set-up binds); the form takes it back from here.
 */
const SETUP_KEY = 'ys.setup';

function decoded(raw: string | undefined): string {
  if (!raw) return '';
  try {
    return decodeURIComponent(raw).trim();
  } catch {
    return raw.trim();
  }
}

/** h5, not signed in yet: keep the page's `setup` code for when the bind page opens again after the demo sign-in. */
export function keepSetupCode(raw: string | undefined): void {
  const code = decoded(raw);
  if (code) Taro.setStorageSync(SETUP_KEY, code);
}

function keptCode(): string {
  if (!isH5) return '';
  try {
    const v: unknown = Taro.getStorageSync(SETUP_KEY);
    return typeof v === 'string' ? v : '';
  } catch {
    return '';
  }
}

/**
 * 首次设置: the deployer's one-time code (the page's `setup` parameter fills it in), the park's name, the first 组织员's
 * name and 工号. Whoever gives the right code becomes the park's first 组织员, bound to this WeChat identity.
 */
export function SetupForm({ setupParam }: { setupParam: string | undefined }) {
  const form = useForm('park', 'setup', () => ({ code: decoded(setupParam) || keptCode(), parkName: '', adminName: '', staffNo: '' }));
  const { fields, bind } = form;

  const submit = () => {
    // what is missing in the form's own words, before the contract's (设置码至少12位 for an empty code)
    const missing: Record<string, string> = {};
    if (!fields.code.trim()) missing.code = '请输入设置码';
    if (!fields.parkName.trim()) missing.parkName = '请填写园区名称';
    if (!fields.adminName.trim()) missing.adminName = '请填写您的姓名';
    if (Object.keys(missing).length > 0) {
      form.setErrors(missing);
      return;
    }
    return form.submit({ ...fields, code: fields.code.trim() }, () => {
      if (isH5) Taro.removeStorageSync(SETUP_KEY);
      void Taro.showToast({ title: '设置完成', icon: 'success' });
      void Taro.reLaunch({ url: PAGES.index });
    });
  };

  return (
    <View id='setup'>
      <View className='page-hd'>
        <View className='page-title'>首次设置</View>
        <View className='page-desc'>本园区尚未设置。请输入部署者提供的设置码，填写园区名称和您的姓名，您将成为本园区第一位组织员。</View>
      </View>
      <View className='cells'>
        <InputCell id='setup-code' label='设置码' placeholder='部署者提供，至少12位' maxlength={128} {...bind('code')} />
        <InputCell id='setup-park' label='园区名称' placeholder='如 吉州工业园区' maxlength={30} {...bind('parkName')} />
        <InputCell id='setup-name' label='您的姓名' placeholder='如 李玥' maxlength={20} {...bind('adminName')} />
        <InputCell id='setup-staffno' label='工号（选填）' placeholder='办公室的工号' maxlength={32} {...bind('staffNo')} />
      </View>
      <FieldError id='setup-error' text={form.errors.form} />
      <FormButtons id='setup-submit' text='完成设置，成为组织员' busy={form.busy} busyText='正在设置…' onClick={submit} />
      <View className='tips'>设置码只能使用一次：设置完成后，其他人员由您在“园区名录”中添加，并发放邀请码绑定。</View>
    </View>
  );
}

import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import '../../../../shared/common/zod-locale';
import type { OutputOf } from '../../../../shared/contracts';
import type { PersonView } from '../../../../shared/members/contract';
import { CreditCode } from '../../../../shared/park/contract';
import { call } from '../../common/call';
import { FormButtons, InputCell, SwitchCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { SearchPicker, type SearchKind } from '../../common/SearchPicker';
import { RetryNote } from '../../common/use-request';
import { useForm } from '../../common/use-submit';
import { Retire } from '../Retire';

type Enterprise = OutputOf<'park', 'enterprisesAdmin'>['items'][number];

/** An enterprise's 包联干部, as the form keeps it. */
interface Liaison {
  id: string;
  name: string;
}

/**
 * The 包联干部 to choose: the roster searched by name or 工号 (members.people), nothing before anything is typed;
 * its cadres only (members.people has every staff role), the first 8.
 */
const CADRES: SearchKind<PersonView> = {
  search: (q) =>
    call('members', 'people', { q }).then((r) => (r.code === 0 ? r.data.items.filter((p) => p.roles.includes('cadre')).slice(0, 8) : null)),
  row: (p) => ({ key: p.memberId, title: p.name, sub: [p.staffNo, p.sectionName, p.post].filter(Boolean).join(' · ') }),
  placeholder: '选填：输入姓名或工号查找',
  empty: '没有找到相关干部',
};

/** A credit code's problem once it is worth saying: when it has its 18 characters (or more), not while typing. */
function creditProblem(code: string): string | undefined {
  const typed = code.replace(/[\s-]/g, '');
  if (typed.length < 18) return undefined;
  const r = CreditCode.safeParse(code);
  return r.success ? undefined : r.error.issues[0]?.message;
}

/** The form's fields as the enterprise has them (empty for a new one). */
function fieldsOf(e: Enterprise | null) {
  if (!e) return { name: '', creditCode: '', industry: '', aboveScale: false, liaison: null as Liaison | null, code: '' };
  return {
    name: e.name,
    creditCode: e.creditCode ?? '',
    industry: e.industry,
    aboveScale: e.aboveScale,
    liaison: e.liaisonId ? { id: e.liaisonId, name: e.liaisonName ?? e.liaisonId } : null,
    code: e.code ?? '',
  };
}

/** Add an enterprise (`enterprise` null) or edit one; retire or restore it with a reason. */
export function EnterpriseForm({ enterprise, onDone }: { enterprise: Enterprise | null; onDone: (changed: boolean) => void }) {
  // the whole form is checked on the device (the credit code's check character included) before anything is sent
  const form = useForm('park', 'saveEnterprise', () => fieldsOf(enterprise));
  const { fields, set, bind, errors } = form;
  const { creditCode, aboveScale, liaison } = fields;

  const save = () => {
    const { liaison: _chosen, ...rest } = fields;
    return form.submit({ ...(enterprise ? { id: enterprise.id } : {}), ...rest, liaisonId: liaison?.id ?? null }, () => {
      void Taro.showToast({ title: enterprise ? '已保存' : '已新增', icon: 'success' });
      onDone(true);
    });
  };

  return (
    <View className='page' id='enterprise-form'>
      <View className='page-hd'>
        <View className='page-title'>{enterprise ? `修改企业：${enterprise.name}` : '新增企业'}</View>
        <View className='page-desc'>
          {enterprise && !enterprise.active ? '该企业已停用。' : ''}统一社会信用代码填写后即核对校验位，抄错一位也能发现。
        </View>
      </View>
      <View className='cells'>
        <InputCell id='enterprise-name' label='企业名称' placeholder='营业执照上的名称' maxlength={40} {...bind('name')} />
        <InputCell
          id='enterprise-credit'
          label='统一社会信用代码'
          value={creditCode}
          onChange={(v) => set({ creditCode: v.toUpperCase() })}
          placeholder='18位，见营业执照'
          maxlength={20}
          error={errors.creditCode ?? creditProblem(creditCode)}
        />
        <InputCell id='enterprise-industry' label='所属行业' placeholder='如 电子信息' maxlength={20} {...bind('industry')} />
        <SwitchCell id='enterprise-above' label='是否规上（规模以上工业企业）' checked={aboveScale} onChange={(v) => set({ aboveScale: v })} />
        <InputCell id='enterprise-code' label='编号' placeholder='选填，办公室自己的编号' maxlength={32} {...bind('code')} />
      </View>
      <View className='cells-title'>包联干部（企业诉求默认由其办理）</View>
      <SearchPicker
        id='enterprise-liaison'
        kind={CADRES}
        label='包联干部'
        chosen={liaison && { title: liaison.name }}
        onChoose={(p) => set({ liaison: p && { id: p.memberId, name: p.name } })}
        error={errors.liaisonId}
      />
      <FieldError id='enterprise-error' text={errors.form ?? errors.aboveScale ?? errors.id} />
      <RetryNote retrying={form.retrying} id='enterprise-retrying' />
      <FormButtons
        id='enterprise-save'
        text={enterprise ? '保存' : '新增企业'}
        busy={form.busy}
        onClick={save}
        back={{ id: 'enterprise-cancel', text: '返回企业名录', onClick: () => onDone(false) }}
      />
      {enterprise && (
        <Retire
          id='enterprise-retire'
          action='retireEnterprise'
          record={enterprise}
          verb='停用'
          what='企业'
          example='已迁出园区、已注销'
          note='停用后不再出现在选择企业的列表中；已有的诉求、走访和评价仍保留。'
          onDone={() => onDone(true)}
        />
      )}
    </View>
  );
}

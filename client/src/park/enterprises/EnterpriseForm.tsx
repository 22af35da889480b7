import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import '../../../../shared/common/zod-locale';
import { contracts, type OutputOf } from '../../../../shared/contracts';
import { CreditCode } from '../../../../shared/park/contract';
import { call } from '../../common/call';
import { InputCell, ReasonForm, SwitchCell } from '../../common/cells';
import { FieldError, detailsOrForm, issuesByField } from '../../common/form';
import { useFieldErrors } from '../../common/use-field-errors';
import { RetryNote, useRequest } from '../../common/use-request';
import { LiaisonPicker, type Liaison } from './LiaisonPicker';

type Enterprise = OutputOf<'park', 'enterprisesAdmin'>['items'][number];

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
  const [fields, setFields] = useState(() => fieldsOf(enterprise));
  const { name, creditCode, industry, aboveScale, liaison, code } = fields;
  const set = (patch: Partial<typeof fields>) => setFields({ ...fields, ...patch });
  const [errors, setErrors] = useFieldErrors([fields]);
  const [busy, setBusy] = useState(false);
  const request = useRequest();

  const save = async () => {
    if (busy) return;
    const input = { ...(enterprise ? { id: enterprise.id } : {}), name, creditCode, industry, aboveScale, liaisonId: liaison?.id ?? null, code };
    // the whole form on the device (the credit code's check character included), before anything is sent
    const parsed = contracts.park.saveEnterprise.input.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    setBusy(true);
    const r = await call('park', 'saveEnterprise', input, request.options);
    request.settle(r.code === 0);
    setBusy(false);
    if (r.code !== 0) {
      setErrors(detailsOrForm(r));
      return;
    }
    void Taro.showToast({ title: enterprise ? '已保存' : '已新增', icon: 'success' });
    onDone(true);
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
        <InputCell
          id='enterprise-name'
          label='企业名称'
          value={name}
          onChange={(v) => set({ name: v })}
          placeholder='营业执照上的名称'
          maxlength={40}
          error={errors.name}
        />
        <InputCell
          id='enterprise-credit'
          label='统一社会信用代码'
          value={creditCode}
          onChange={(v) => set({ creditCode: v.toUpperCase() })}
          placeholder='18位，见营业执照'
          maxlength={20}
          error={errors.creditCode ?? creditProblem(creditCode)}
        />
        <InputCell
          id='enterprise-industry'
          label='所属行业'
          value={industry}
          onChange={(v) => set({ industry: v })}
          placeholder='如 电子信息'
          maxlength={20}
          error={errors.industry}
        />
        <SwitchCell id='enterprise-above' label='是否规上（规模以上工业企业）' checked={aboveScale} onChange={(v) => set({ aboveScale: v })} />
        <InputCell
          id='enterprise-code'
          label='编号'
          value={code}
          onChange={(v) => set({ code: v })}
          placeholder='选填，办公室自己的编号'
          maxlength={32}
          error={errors.code}
        />
      </View>
      <View className='cells-title'>包联干部（企业诉求默认由其办理）</View>
      <LiaisonPicker id='enterprise-liaison' chosen={liaison} onChoose={(l) => set({ liaison: l })} error={errors.liaisonId} />
      <FieldError id='enterprise-error' text={errors.form ?? errors.aboveScale ?? errors.id} />
      <RetryNote retrying={request.retrying} id='enterprise-retrying' />
      <View className='btn-area'>
        <Button id='enterprise-save' className='btn btn-primary' disabled={busy} onClick={() => void save()}>
          {enterprise ? '保存' : '新增企业'}
        </Button>
        <View style={{ height: '12px' }} />
        <Button id='enterprise-cancel' className='btn btn-default' onClick={() => onDone(false)}>
          返回企业名录
        </Button>
      </View>
      {enterprise && <RetireEnterprise enterprise={enterprise} onDone={() => onDone(true)} />}
    </View>
  );
}

/** 停用 an enterprise (moved away, closed) or 恢复 it, with a reason; its appeals and ratings stay. */
function RetireEnterprise({ enterprise, onDone }: { enterprise: Enterprise; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const retiring = enterprise.active;

  const retire = async (reason: string) => {
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const r = await call('park', 'retireEnterprise', { id: enterprise.id, reason, restore: !retiring });
    setBusy(false);
    if (r.code !== 0) {
      setError(r.details?.[0]?.message ?? r.message);
      return;
    }
    void Taro.showToast({ title: retiring ? '已停用' : '已恢复', icon: 'success' });
    onDone();
  };

  return (
    <ReasonForm
      id='enterprise-retire'
      title={retiring ? '停用企业' : '恢复企业'}
      placeholder={retiring ? '停用原因（必填），如 已迁出园区、已注销' : '恢复原因（必填）'}
      button={retiring ? '停用企业' : '恢复企业'}
      warn={retiring}
      busy={busy}
      error={error}
      note={retiring ? '停用后不再出现在选择企业的列表中；已有的诉求、走访和评价仍保留。' : undefined}
      onSubmit={(reason) => void retire(reason)}
    />
  );
}

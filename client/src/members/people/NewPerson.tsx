import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import '../../../../shared/common/zod-locale';
import { contracts } from '../../../../shared/contracts';
import { ROLE_LABELS, StaffRole, type PersonView } from '../../../../shared/members/contract';
import { call } from '../../common/call';
import { CheckCell, DateCell, InputCell, PickerCell } from '../../common/cells';
import { FieldError, detailsOrForm, issuesByField } from '../../common/form';
import { parkToday } from '../../common/today';
import { useFieldErrors } from '../../common/use-field-errors';
import { RetryNote, useRequest } from '../../common/use-request';

/** The roles the roster gives, in the order they show. */
const ROSTER_ROLES = StaffRole.options;
type Staff = (typeof ROSTER_ROLES)[number];

const ROLE_NOTES: Partial<Record<Staff, string>> = {
  sectionHead: '同时是干部；每个股室一名',
  leader: '分管股室、考事评分',
  admin: '维护名录和考核设置',
};

/**
 * 新增人员: name, 工号, section, post, roles, joining date (members.savePerson without a memberId). `sectionId`: the
 * section the list was filtered to, chosen at first.
 */
export function NewPerson({
  sections,
  sectionId: initialSection,
  onCancel,
  onAdded,
}: {
  sections: { id: string; name: string }[];
  sectionId: string | null;
  onCancel: () => void;
  onAdded: (p: PersonView) => void;
}) {
  const today = parkToday();
  const [name, setName] = useState('');
  const [staffNo, setStaffNo] = useState('');
  const [sectionId, setSectionId] = useState<string | null>(initialSection);
  const [post, setPost] = useState('');
  const [roles, setRoles] = useState<Staff[]>(['cadre']);
  const [joinedOn, setJoinedOn] = useState<string | null>(null);
  const [errors, setErrors] = useFieldErrors([name, staffNo, sectionId, post, roles, joinedOn]);
  const [busy, setBusy] = useState(false);
  const request = useRequest();

  const toggle = (r: Staff, on: boolean) => setRoles(ROSTER_ROLES.filter((x) => (x === r ? on : roles.includes(x))));
  const sectionIndex = sectionId ? sections.findIndex((s) => s.id === sectionId) + 1 : 0;

  const submit = async () => {
    if (busy) return;
    const input = { name, staffNo, post, joinedOn, sectionId, roles };
    const parsed = contracts.members.savePerson.input.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    if (roles.length === 0) {
      setErrors({ roles: '请选择角色' });
      return;
    }
    setBusy(true);
    const r = await call('members', 'savePerson', input, request.options);
    request.settle(r.code === 0);
    setBusy(false);
    if (r.code !== 0) {
      setErrors(detailsOrForm(r));
      return;
    }
    void Taro.showToast({ title: '已新增', icon: 'success' });
    onAdded(r.data);
  };

  return (
    <View className='page' id='new-person-page'>
      <View className='page-hd'>
        <View className='page-title'>新增人员</View>
        <View className='page-desc'>新增后可为其发放邀请码，本人用微信绑定后即可使用标尺。</View>
      </View>
      <View className='cells'>
        <InputCell id='new-name' label='姓名' value={name} onChange={setName} placeholder='如 张建华' maxlength={20} error={errors.name} />
        <InputCell
          id='new-staffno'
          label='工号'
          value={staffNo}
          onChange={setStaffNo}
          placeholder='选填，如 M101'
          maxlength={32}
          error={errors.staffNo}
        />
        <PickerCell
          id='new-section'
          label='股室'
          options={['不属于股室（班子成员、组织员）', ...sections.map((s) => s.name)]}
          index={sectionIndex}
          onChange={(i) => setSectionId(i === 0 ? null : (sections[i - 1]?.id ?? null))}
          error={errors.sectionId}
        />
        <InputCell id='new-post' label='岗位' value={post} onChange={setPost} placeholder='选填，如 一级主办' maxlength={20} error={errors.post} />
        <DateCell
          id='new-joined'
          label='入职日期'
          value={joinedOn}
          end={today}
          placeholder='选填'
          onChange={setJoinedOn}
          onClear={() => setJoinedOn(null)}
        />
      </View>
      <View className='cells-title'>角色（可多选）</View>
      <View className='cells' id='new-roles'>
        {ROSTER_ROLES.map((r) => (
          <CheckCell
            key={r}
            id={`new-role-${r}`}
            label={ROLE_LABELS[r]}
            sub={ROLE_NOTES[r]}
            checked={roles.includes(r)}
            onChange={(on) => toggle(r, on)}
          />
        ))}
      </View>
      <FieldError id='new-error' text={errors.roles ?? errors.joinedOn ?? errors.form} />
      <RetryNote retrying={request.retrying} id='new-retrying' />
      <View className='btn-area'>
        <Button id='new-submit' className='btn btn-primary' disabled={busy} onClick={() => void submit()}>
          新增人员
        </Button>
        <View style={{ height: '12px' }} />
        <Button id='new-cancel' className='btn btn-default' onClick={onCancel}>
          取消
        </Button>
      </View>
    </View>
  );
}

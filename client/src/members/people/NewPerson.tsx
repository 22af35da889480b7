import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { ROLE_LABELS, StaffRole, type PersonView } from '../../../../shared/members/contract';
import { CheckCell, DateCell, FormButtons, InputCell, PickerCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { parkToday } from '../../common/today';
import { RetryNote } from '../../common/use-request';
import { useForm } from '../../common/use-submit';

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
  const form = useForm('members', 'savePerson', {
    name: '',
    staffNo: '',
    sectionId: initialSection,
    post: '',
    roles: ['cadre'] as Staff[],
    joinedOn: null as string | null,
  });
  const { fields, set, bind, errors } = form;
  const { sectionId, roles, joinedOn } = fields;

  const toggle = (r: Staff, on: boolean) => set({ roles: ROSTER_ROLES.filter((x) => (x === r ? on : roles.includes(x))) });
  const sectionIndex = sectionId ? sections.findIndex((s) => s.id === sectionId) + 1 : 0;

  const submit = () =>
    form.submit(
      fields,
      (p) => {
        void Taro.showToast({ title: '已新增', icon: 'success' });
        onAdded(p);
      },
      {
        // the contract asks no roles (a correction sends none); a new person has at least one
        prepare: (input) => {
          if (roles.length === 0) form.setErrors({ roles: '请选择角色' });
          return Promise.resolve(roles.length === 0 ? null : input);
        },
      },
    );

  return (
    <View className='page' id='new-person-page'>
      <View className='page-hd'>
        <View className='page-title'>新增人员</View>
        <View className='page-desc'>新增后可为其发放邀请码，本人用微信绑定后即可使用标尺。</View>
      </View>
      <View className='cells'>
        <InputCell id='new-name' label='姓名' placeholder='如 张建华' maxlength={20} {...bind('name')} />
        <InputCell id='new-staffno' label='工号' placeholder='选填，如 M101' maxlength={32} {...bind('staffNo')} />
        <PickerCell
          id='new-section'
          label='股室'
          options={['不属于股室（班子成员、组织员）', ...sections.map((s) => s.name)]}
          index={sectionIndex}
          onChange={(i) => set({ sectionId: i === 0 ? null : (sections[i - 1]?.id ?? null) })}
          error={errors.sectionId}
        />
        <InputCell id='new-post' label='岗位' placeholder='选填，如 一级主办' maxlength={20} {...bind('post')} />
        <DateCell
          id='new-joined'
          label='入职日期'
          value={joinedOn}
          end={today}
          placeholder='选填'
          onChange={(day) => set({ joinedOn: day })}
          onClear={() => set({ joinedOn: null })}
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
      <RetryNote retrying={form.retrying} id='new-retrying' />
      <FormButtons id='new-submit' text='新增人员' busy={form.busy} onClick={submit} back={{ id: 'new-cancel', text: '取消', onClick: onCancel }} />
    </View>
  );
}

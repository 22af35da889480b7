import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import '../../../../shared/common/zod-locale';
import { ROLE_LABELS, StaffRole, type PersonView } from '../../../../shared/members/contract';
import { CheckCell, DateCell, FormButtons, InputCell, PickerCell, TextareaCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { parkToday } from '../../common/today';
import { useForm } from '../../common/use-submit';

type Staff = (typeof StaffRole.options)[number];

/**
 * 人员变动 (members.change): a move to another section or post, new roles — from a day (today or earlier, in a
 * quarter not yet closed), with the reason. Only what differs from the person's record is sent; making someone head
 * of a section that has one makes the sitting head its cadre, and the page says so.
 */
export function Change({
  person,
  sections,
  onChanged,
}: {
  person: PersonView;
  sections: { id: string; name: string }[];
  onChanged: (p: PersonView) => void;
}) {
  const today = parkToday();
  const form = useForm('members', 'change', () => ({
    on: today,
    sectionId: null as string | null,
    post: person.post ?? '',
    roles: StaffRole.options.filter((r) => person.roles.includes(r)),
    reason: '',
  }));
  const { fields, set, bind, errors } = form;
  const { on, sectionId, post, roles, reason } = fields;
  const others = sections.filter((s) => s.id !== person.sectionId);
  const toggle = (r: Staff, checked: boolean) => set({ roles: StaffRole.options.filter((x) => (x === r ? checked : roles.includes(x))) });

  const submit = () => {
    const sameRoles =
      [...roles].sort().join() ===
      StaffRole.options
        .filter((r) => person.roles.includes(r))
        .sort()
        .join();
    const input = {
      memberId: person.memberId,
      on,
      reason,
      ...(sectionId ? { sectionId } : {}),
      ...(post !== (person.post ?? '') ? { post } : {}),
      ...(sameRoles ? {} : { roles }),
    };
    return form.submit(input, (r) => {
      if (r.displaced) void Taro.showModal({ title: '已办理变动', content: `原负责人${r.displaced.name}改任该股室干部。`, showCancel: false });
      else void Taro.showToast({ title: '已办理变动', icon: 'success' });
      onChanged(r.person);
    });
  };

  return (
    <View id='person-change'>
      <View className='cells-title'>人员变动（调动、岗位、角色）</View>
      <View className='cells'>
        <DateCell id='person-change-on' label='生效日期' end={today} {...bind('on')} />
        <PickerCell
          id='person-change-section'
          label='调往股室'
          options={['不调动', ...others.map((s) => s.name)]}
          index={sectionId ? others.findIndex((s) => s.id === sectionId) + 1 : 0}
          onChange={(i) => set({ sectionId: i === 0 ? null : (others[i - 1]?.id ?? null) })}
          error={errors.sectionId}
        />
        <InputCell id='person-change-post' label='岗位' placeholder='如 二级主办' maxlength={20} {...bind('post')} />
      </View>
      <View className='cells' id='person-change-roles'>
        {StaffRole.options.map((r) => (
          <CheckCell key={r} id={`person-change-role-${r}`} label={ROLE_LABELS[r]} checked={roles.includes(r)} onChange={(c) => toggle(r, c)} />
        ))}
      </View>
      <View className='cells'>
        <TextareaCell
          id='person-change-reason'
          value={reason}
          onChange={(v) => set({ reason: v })}
          placeholder='原因（必填），如 工作需要调整'
          maxlength={300}
        />
      </View>
      <FieldError id='person-change-error' text={errors.reason ?? errors.roles ?? errors.form ?? errors.memberId} />
      <View className='tips'>调动当季：按季末所在股室考核，本季考核清单不变，下季起按新股室、岗位的指标考核。</View>
      <FormButtons id='person-change-submit' text='办理变动' busy={form.busy} tight onClick={submit} />
    </View>
  );
}

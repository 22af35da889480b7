import { PrivacySheet } from '../../common/PrivacySheet';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import { inPark } from '../../../../shared/common/time';
import '../../../../shared/common/zod-locale';
import type { OutputOf } from '../../../../shared/contracts';
import type { PersonView } from '../../../../shared/members/contract';
import { DateCell, FormButtons, InputCell, ReasonForm, TextareaCell } from '../../common/cells';
import { FieldError, firstError } from '../../common/form';
import { parkToday } from '../../common/today';
import { useForm, useSubmit } from '../../common/use-submit';
import { RetryNote } from '../../common/use-request';
import { rolesText } from './lib';
import { Change } from './Change';
import { YearStatus } from './YearStatus';

type Invite = OutputOf<'members', 'issueInvite'>;

/**
 * One person of the roster: correct the name, 工号, post and joining date (members.savePerson with the memberId —
 * never a section or roles: a move or a new role is a 人员变动 with a date and a reason); issue an invite to one not
 * bound; unbind a lost phone; record their leaving.
 */
export function PersonSheet({
  person,
  sections,
  onChanged,
  onBack,
}: {
  person: PersonView;
  sections: { id: string; name: string }[];
  onChanged: (p: PersonView) => void;
  onBack: () => void;
}) {
  const [invite, setInvite] = useState<Invite | null>(null);
  const issuing = useSubmit('members', 'issueInvite', [person.memberId]);
  const unbinding = useSubmit('members', 'unbind', [person.memberId]);

  const issue = () => issuing.submit({ memberId: person.memberId }, setInvite);
  const unbind = (reason: string) =>
    unbinding.submit({ memberId: person.memberId, reason }, (p) => {
      void Taro.showToast({ title: '已解除绑定', icon: 'success' });
      onChanged(p);
    });

  return (
    <View className='page' id='person-page'>
      <View className='page-hd'>
        <View className='page-title' id='person-title'>
          {person.name}{' '}
          {person.active ? (
            <Text className={`tag ${person.bound ? 'tag-ok' : 'tag-no'}`} id='person-bound'>
              {person.bound ? '已绑定微信' : '未绑定'}
            </Text>
          ) : (
            <Text className='tag tag-grey'>已离开</Text>
          )}
        </View>
        <View className='page-desc' id='person-desc'>
          {[person.sectionName ?? '不属于股室', person.post, rolesText(person)].filter(Boolean).join(' · ')}
        </View>
      </View>

      {person.active ? (
        <Correction person={person} onSaved={onChanged} />
      ) : (
        <View className='cells' id='person-left'>
          <View className='cell'>
            <View className='cell-bd'>
              <View className='cell-title'>{person.leftOn} 离开园区</View>
              <View className='cell-sub'>{person.leftReason}</View>
            </View>
          </View>
        </View>
      )}

      {person.active && !person.bound && (
        <View id='person-invite-box'>
          <View className='cells-title'>微信绑定</View>
          {invite ? (
            <View className='cells' style={{ paddingBottom: '16px' }}>
              <View className='invite-code' id='person-invite-code'>
                {invite.code}
              </View>
              <View className='small' style={{ textAlign: 'center' }}>
                有效期至 {inPark(invite.expiresAt).format('YYYY-MM-DD HH:mm')}，仅可使用一次
              </View>
              {invite.qrUrl && <Image className='qr' src={invite.qrUrl} mode='aspectFit' showMenuByLongpress />}
              <View className='btn-area btn-area-tight'>
                <PrivacySheet />
                <Button className='btn btn-default' id='person-invite-copy' onClick={() => void Taro.setClipboardData({ data: invite.code })}>
                  复制邀请码
                </Button>
              </View>
            </View>
          ) : (
            <>
              <View className='tips'>本人用微信扫描邀请码对应的小程序码，或打开标尺后输入邀请码，即可绑定。</View>
              <FieldError id='person-invite-error' text={firstError(issuing.errors)} />
              <FormButtons id='person-invite' text='发放邀请码' look='default' busy={issuing.busy} tight onClick={issue} />
            </>
          )}
        </View>
      )}

      {person.active && person.bound && (
        <ReasonForm
          id='person-unbind'
          title='解除微信绑定'
          placeholder='原因（必填），如 手机丢失、更换微信号'
          button='解除微信绑定'
          warn
          busy={unbinding.busy}
          error={firstError(unbinding.errors)}
          note='解除后原微信不能再使用标尺；发放新的邀请码，本人即可用新微信绑定。'
          onSubmit={(reason) => void unbind(reason)}
        />
      )}

      {person.active && (
        <Change key={`${person.sectionId}-${person.roles.join()}-${person.post ?? ''}`} person={person} sections={sections} onChanged={onChanged} />
      )}

      {person.active && person.roles.includes('cadre') && (
        <YearStatus key={person.yearStatus?.kind ?? 'none'} person={person} onChanged={onChanged} />
      )}

      {person.active && <Leave person={person} onLeft={onChanged} />}

      <View className='btn-area'>
        <Button className='btn btn-default' id='person-back' onClick={onBack}>
          返回人员名单
        </Button>
      </View>
    </View>
  );
}

/** 更正登记信息: the name, 工号, post and joining date as entered wrongly. */
function Correction({ person, onSaved }: { person: PersonView; onSaved: (p: PersonView) => void }) {
  const today = parkToday();
  const form = useForm('members', 'savePerson', {
    name: person.name,
    staffNo: person.staffNo ?? '',
    post: person.post ?? '',
    joinedOn: person.joinedOn,
  });
  const { errors, bind } = form;

  // no section, no roles: the server keeps them as they are
  const save = () =>
    form.submit({ memberId: person.memberId, ...form.fields }, (p) => {
      void Taro.showToast({ title: '已保存', icon: 'success' });
      onSaved(p);
    });

  return (
    <View id='person-correct'>
      <View className='cells-title'>更正登记信息</View>
      <View className='cells'>
        <InputCell id='person-name' label='姓名' maxlength={20} {...bind('name')} />
        <InputCell id='person-staffno' label='工号' placeholder='选填' maxlength={32} {...bind('staffNo')} />
        <InputCell id='person-post' label='岗位' placeholder='选填，如 一级主办' maxlength={20} {...bind('post')} />
        <DateCell
          id='person-joined'
          label='入职日期'
          end={today}
          placeholder='选填'
          onClear={() => form.set({ joinedOn: null })}
          {...bind('joinedOn')}
        />
      </View>
      <FieldError id='person-error' text={errors.form ?? errors.memberId ?? errors.sectionId ?? errors.roles} />
      <View className='tips'>股室和角色不在此修改：调动股室、变更角色须有生效日期和原因，请在下方“人员变动”中办理。</View>
      <RetryNote retrying={form.retrying} id='person-retrying' />
      <FormButtons id='person-save' text='保存更正' busy={form.busy} tight onClick={save} />
    </View>
  );
}

/** 办理离开: the day and the reason (离职、调离、退休); they keep their place in past results. */
function Leave({ person, onLeft }: { person: PersonView; onLeft: (p: PersonView) => void }) {
  const [on, setOn] = useState(parkToday());
  const [reason, setReason] = useState('');
  const form = useSubmit('members', 'leave', [on, reason]);
  const { errors } = form;

  const ask = async () =>
    (
      await Taro.showModal({
        title: '办理离开',
        content: `${person.name}于${on}离开园区：此后不再参加考核、测评，微信绑定随之解除。确定吗？`,
        confirmText: '确定离开',
        confirmColor: '#fa5151',
      })
    ).confirm;
  const submit = () =>
    form.submit(
      { memberId: person.memberId, on, reason },
      (p) => {
        void Taro.showToast({ title: '已办理离开', icon: 'success' });
        onLeft(p);
      },
      { ask },
    );

  return (
    <View id='person-leave'>
      <View className='cells-title'>办理离开（离职、调离、退休）</View>
      <View className='cells'>
        <DateCell id='person-leave-on' label='离开日期' value={on} onChange={setOn} error={errors.on} />
        <TextareaCell id='person-leave-reason' value={reason} onChange={setReason} placeholder='原因（必填），如 调往市商务局' maxlength={300} />
      </View>
      <FieldError id='person-leave-error' text={errors.reason ?? errors.form ?? errors.memberId} />
      <View className='tips'>离开后仍保留其历史考核结果；不再发放邀请码、提醒和测评票。</View>
      <FormButtons id='person-leave-submit' text='办理离开' look='warn' busy={form.busy} tight onClick={submit} />
    </View>
  );
}

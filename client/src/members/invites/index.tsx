import { PrivacySheet } from '../../common/PrivacySheet';
import { CalendarNotice } from '../../park/calendar/Notice';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Image, Text, View } from '@tarojs/components';
import type { Fail } from '../../../../shared/common/errors';
import type { OutputOf } from '../../../../shared/contracts';
import { inPark } from '../../../../shared/common/time';
import type { EnterpriseItem } from '../../../../shared/park/contract';
import { call } from '../../common/call';
import { EntryCell, FormButtons, TextCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { PAGES } from '../../common/pages';
import { SearchPicker } from '../../common/SearchPicker';
import { useSubmit } from '../../common/use-submit';
import { ENTERPRISES } from '../../park/enterprise-search';
import { ErrorBox, Loading } from '../../common/ui';
import { SignOut } from '../../common/SignOut';
import { SwitchIdentity } from '../../common/SwitchIdentity';
import { ENTRIES, HomeEntries } from '../../common/entries';
import { LaggingNotice } from '../../projects/LaggingNotice';
import { usePageData } from '../../common/use-page-data';

type Person = OutputOf<'members', 'roster'>['items'][number];
type Invite = OutputOf<'members', 'issueInvite'>;

function when(ms: number): string {
  try {
    return inPark(ms).format('YYYY-MM-DD HH:mm');
  } catch {
    return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
  }
}

/** Admin: the park's people with bound / unbound state; issue an invite code to an unbound person. */
export default function Invites() {
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Fail | null>(null);
  // The roster so far: its first page on each show, more appended by 加载更多.
  const roster = usePageData('members', 'roster', {}, { onShow: true, onData: () => setMoreError(null) });
  const me = usePageData('members', 'me', {});
  const [invite, setInvite] = useState<Invite | null>(null);
  const [issuing, setIssuing] = useState<string | null>(null);
  // the 添加企业联系人 form, while open
  const [adding, setAdding] = useState(false);
  const people = roster.data?.items ?? null;
  const next = roster.data?.nextCursor ?? null;
  const error = roster.error ?? moreError;

  const more = async (cursor: number) => {
    setLoadingMore(true);
    const r = await call('members', 'roster', { cursor });
    setLoadingMore(false);
    if (r.code !== 0) {
      setMoreError(r);
      return;
    }
    setMoreError(null);
    roster.setData((old) => ({ items: [...(old?.items ?? []), ...r.data.items], nextCursor: r.data.nextCursor }));
  };
  const reload = () => {
    setMoreError(null);
    void roster.reload();
  };

  const issue = async (p: Person) => {
    if (p.bound || issuing) return;
    setIssuing(p.memberId);
    void Taro.showLoading({ title: '正在生成' });
    const r = await call('members', 'issueInvite', { memberId: p.memberId });
    void Taro.hideLoading();
    setIssuing(null);
    if (r.code === 0) setInvite(r.data);
    else void Taro.showModal({ title: '无法生成邀请码', content: r.message, showCancel: false });
  };

  if (adding) {
    return (
      <NewContact
        onDone={(inv) => {
          setAdding(false);
          if (inv) setInvite(inv);
        }}
      />
    );
  }

  if (invite) {
    return (
      <View className='page' id='invite-page'>
        <View className='page-hd'>
          <View className='page-title'>{invite.memberName} 的邀请码</View>
          <View className='page-desc'>请本人用微信扫描小程序码，或打开标尺后输入邀请码。仅可使用一次。</View>
        </View>
        <View className='cells' style={{ paddingBottom: '16px' }}>
          <View className='invite-code' id='invite-code'>
            {invite.code}
          </View>
          <View className='small' style={{ textAlign: 'center' }} id='invite-expires'>
            有效期至 {when(invite.expiresAt)}
          </View>
          {invite.qrUrl && <Image id='invite-qr' className='qr' src={invite.qrUrl} mode='aspectFit' showMenuByLongpress />}
        </View>
        <PrivacySheet />
        <View className='btn-area'>
          <Button id='invite-copy' className='btn btn-primary' onClick={() => void Taro.setClipboardData({ data: invite.code })}>
            复制邀请码
          </Button>
          <View style={{ height: '12px' }} />
          <Button
            id='invite-back'
            className='btn btn-default'
            onClick={() => {
              setInvite(null);
              reload();
            }}
          >
            返回人员列表
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className='page' id='roster-page'>
      <View className='page-hd'>
        <View className='page-title'>人员与邀请码</View>
        <View className='page-desc'>点击未绑定的人员，为其生成邀请码。</View>
      </View>
      <View className='cells cells-gap'>
        <EntryCell
          id='directory-entry'
          title='园区名录'
          sub='股室、人员、企业名录，Excel 导入导出，园区设置'
          onClick={() => void Taro.navigateTo({ url: PAGES.park.directory })}
        />
        <CalendarNotice />
      </View>
      <View className='cell cell-link' id='contact-add' onClick={() => setAdding(true)}>
        添加企业联系人
      </View>
      {error && <ErrorBox message={error.message} onRetry={reload} />}
      {!people && !error && <Loading />}
      {people && (
        <View className='cells' id='roster-list'>
          {people.length === 0 && <View className='empty'>暂无人员</View>}
          {people.map((p) => (
            <View
              key={p.memberId}
              className={`cell${p.bound ? '' : ' cell-access'}`}
              hoverClass={p.bound ? 'none' : 'cell-hover'}
              id={`member-${p.memberId}`}
              onClick={() => void issue(p)}
            >
              <View className='cell-bd'>
                <View className='cell-title'>{p.name}</View>
                <View className='cell-sub'>{[p.sectionName ?? p.enterpriseName, p.post].filter(Boolean).join(' · ')}</View>
              </View>
              <Text className={`tag ${p.bound ? 'tag-ok' : 'tag-no'}`} id={`member-${p.memberId}-tag`}>
                {p.bound ? '已绑定' : '未绑定'}
              </Text>
            </View>
          ))}
        </View>
      )}
      {next !== null && (
        <View className='btn-area'>
          <Button id='roster-more' className='btn btn-default' disabled={loadingMore || roster.loading} onClick={() => void more(next)}>
            加载更多
          </Button>
        </View>
      )}
      <LaggingNotice />
      <HomeEntries links={ENTRIES.admin} roles={me.data?.roles} />
      <SignOut />
      <SwitchIdentity />
    </View>
  );
}

/**
 * 添加企业联系人: the enterprise, the contact's name and post (members.addContact), then their invite code at once.
 * `onDone`: the invite, or null when cancelled or when the code could not be made (said then).
 */
function NewContact({ onDone }: { onDone: (invite: Invite | null) => void }) {
  const [contact, setContact] = useState<{ enterprise: EnterpriseItem | null; name: string; post: string }>({ enterprise: null, name: '', post: '' });
  const form = useSubmit('members', 'addContact', [contact]);
  const { errors } = form;
  const [issuing, setIssuing] = useState(false);

  const issue = async (memberId: string) => {
    setIssuing(true);
    const inv = await call('members', 'issueInvite', { memberId });
    setIssuing(false);
    if (inv.code !== 0) void Taro.showModal({ title: '已添加，但未能生成邀请码', content: inv.message, showCancel: false });
    onDone(inv.code === 0 ? inv.data : null);
  };
  const add = () => {
    if (issuing) return;
    if (!contact.enterprise) {
      form.setErrors({ enterpriseId: '请选择企业' });
      return;
    }
    return form.submit({ enterpriseId: contact.enterprise.id, name: contact.name, post: contact.post }, (added) => void issue(added.memberId));
  };

  return (
    <View className='page' id='contact-page'>
      <View className='page-hd'>
        <View className='page-title'>添加企业联系人</View>
        <View className='page-desc'>添加后生成邀请码，联系人用微信绑定后只能看到本企业的诉求和走访。</View>
      </View>
      <View className='cells-title'>企业</View>
      <SearchPicker
        id='contact-enterprise'
        kind={ENTERPRISES}
        chosen={contact.enterprise && ENTERPRISES.row(contact.enterprise)}
        onChoose={(e) => setContact({ ...contact, enterprise: e })}
        error={errors.enterpriseId}
      />
      <View className='cells-title'>联系人</View>
      <View className='cells'>
        {(
          [
            ['name', '姓名'],
            ['post', '职务（选填）'],
          ] as const
        ).map(([field, placeholder]) => (
          <TextCell
            key={field}
            id={`contact-${field}`}
            value={contact[field]}
            placeholder={placeholder}
            onChange={(v) => setContact({ ...contact, [field]: v })}
          />
        ))}
      </View>
      <FieldError id='contact-error' text={errors.name ?? errors.post ?? errors.form} />
      <FormButtons
        id='contact-submit'
        text='添加并生成邀请码'
        busy={form.busy || issuing}
        onClick={add}
        back={{ id: 'contact-cancel', text: '取消', onClick: () => onDone(null) }}
      />
    </View>
  );
}

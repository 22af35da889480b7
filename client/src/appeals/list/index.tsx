import { Button, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { AppealItem } from '../../../../shared/appeals/contract';
import type { Fail } from '../../../../shared/common/errors';
import { parkTimeText } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { PAGES } from '../../common/pages';
import { ErrorBox, LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { MINE_TABS, inboxTabs, overdueText, type InboxState, type MineState } from '../lib';

const HEAD = {
  inbox: { title: '企业诉求', desc: '企业反映的困难和需求，按时受理、办结，差评及时回访整改。' },
  mine: { title: '我的诉求', desc: '本企业提交的诉求及办理进度。' },
};

/** The next page of either list. */
const loadPage = (inbox: boolean, state: InboxState, cursor: number) =>
  inbox ? call('appeals', 'inbox', { state, cursor }) : call('appeals', 'mine', { state: state as MineState, cursor });

/** One appeal: who and what (the park side sees the enterprise first), its state, who has it, what is late. */
function Row({ a, inbox }: { a: AppealItem; inbox: boolean }) {
  return (
    <View
      className='cell cell-access'
      hoverClass='cell-hover'
      id={`appeal-${a.id}`}
      onClick={() => void Taro.navigateTo({ url: PAGES.appeals.detail(a.id) })}
    >
      <View className='cell-bd'>
        <View className='row-between'>
          <Text className='cell-title'>{inbox ? a.enterpriseName : a.categoryLabel}</Text>
          <Text className={`tag ${a.status === 'confirmed' ? 'tag-ok' : 'tag-no'}`} id={`appeal-${a.id}-status`}>
            {a.statusLabel}
          </Text>
        </View>
        <View className='cell-sub'>{a.summary}</View>
        <View className='cell-sub'>
          {inbox ? `${a.categoryLabel} · ` : `${a.enterpriseName} · `}
          {a.assigneeName ? `经办：${a.assigneeName}` : '待分派'} · {parkTimeText(a.filedAt)}
        </View>
        {(a.overdue.length > 0 || a.followUpOpen) && (
          <View className='cell-sub text-red' id={`appeal-${a.id}-overdue`}>
            {[overdueText(a), a.followUpOpen ? '差评跟进中' : ''].filter(Boolean).join('、')}
          </View>
        )}
      </View>
    </View>
  );
}

/**
 * Appeals (企业诉求) as a list, newest first: `?who=mine` an enterprise contact's own (appeals.mine), `?who=inbox`
 * the park side's (appeals.inbox: a cadre's assigned ones, a section head's section's, leaders' and the admin's all).
 * 20 at a time, more on 加载更多; a row opens the appeal.
 */
export default function AppealList() {
  const { params } = useRouter();
  const inbox = params.who === 'inbox';
  const who = inbox ? 'inbox' : 'mine';
  const me = usePageData('members', 'me', inbox ? {} : null).data;
  const tabs = inbox ? inboxTabs(Boolean(me?.roles.includes('admin'))) : MINE_TABS;
  const [state, setState] = useState<InboxState>('open');
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Fail | null>(null);
  // One of the two loads, by `who` (the other has no input, so it never runs).
  const options = { onShow: true, pullDown: true, onData: () => setMoreError(null) };
  const minePage = usePageData('appeals', 'mine', inbox ? null : { state: state as MineState }, options);
  const inboxPage = usePageData('appeals', 'inbox', inbox ? { state } : null, options);
  const page = inbox ? inboxPage : minePage;
  const items = page.data?.items ?? null;
  const next = page.data?.nextCursor ?? null;

  const more = async (cursor: number) => {
    setLoadingMore(true);
    const r = await loadPage(inbox, state, cursor);
    setLoadingMore(false);
    if (r.code !== 0) {
      setMoreError(r);
      return;
    }
    setMoreError(null);
    page.setData((old) => ({ items: [...(old?.items ?? []), ...r.data.items], nextCursor: r.data.nextCursor }));
  };

  return (
    <View className='page' id='appeals-page'>
      <View className='page-hd'>
        <View className='page-title'>{HEAD[who].title}</View>
        <View className='page-desc'>{HEAD[who].desc}</View>
      </View>
      <View className='tabs' id='appeals-tabs'>
        {tabs.map((t) => (
          <View
            key={t.state}
            className={`tab${state === t.state ? ' tab-on' : ''}`}
            id={`appeals-tab-${t.state}`}
            onClick={() => {
              if (t.state === state) return;
              // nothing of the last tab shows while this one loads
              setMoreError(null);
              page.setData(null);
              setState(t.state);
            }}
          >
            {t.label}
          </View>
        ))}
      </View>
      <LoadStatus page={page} />
      {items && items.length === 0 && (
        <View className='empty' id='appeals-empty'>
          暂无诉求
        </View>
      )}
      {items && items.length > 0 && (
        <View className='cells' id='appeals-list'>
          {items.map((a) => (
            <Row key={a.id} a={a} inbox={inbox} />
          ))}
        </View>
      )}
      {/* 加载更多 tries again */}
      {moreError && <ErrorBox message={moreError.message} />}
      {next !== null && (
        <View className='btn-area'>
          <Button id='list-more' className='btn btn-default' disabled={loadingMore || page.loading} onClick={() => void more(next)}>
            加载更多
          </Button>
        </View>
      )}
      {!inbox && (
        <View className='btn-area'>
          <Button id='list-file' className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: PAGES.appeals.file })}>
            提交诉求
          </Button>
        </View>
      )}
    </View>
  );
}

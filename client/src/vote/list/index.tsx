import { useCallback, useState } from 'react';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { CAMPAIGN_KIND_LABELS } from '../../../../shared/votes/contract';
import { call } from '../../api/call';
import { ErrorBox, Loading } from '../../lib/ui';
import { STATUS_LABELS, STATUS_TAG, VOTE_PAGES } from '../lib';

type Item = OutputOf<'votes', 'list'>[number];

const go = (url: string) => void Taro.navigateTo({ url });

/** 年度测评: the campaigns the caller votes in (leaders and the admin see all), with what the caller can do in each. */
export default function VoteList() {
  const [items, setItems] = useState<Item[] | null>(null);
  const [roles, setRoles] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async () => {
    const [r, me] = await Promise.all([call('votes', 'list', {}), call('members', 'me', {})]);
    if (me.code === 0) setRoles(me.data.roles);
    if (r.code === 0) {
      setItems(r.data);
      setError(null);
    } else setError(r.message);
  }, []);

  useDidShow(() => {
    void load();
  });
  usePullDownRefresh(() => {
    void load().finally(() => void Taro.stopPullDownRefresh());
  });

  const isAdmin = roles.includes('admin');
  const seesResults = isAdmin || roles.includes('leader');

  return (
    <View className='page' id='vote-list-page'>
      <View className='page-hd'>
        <View className='page-title'>年度测评</View>
        <View className='page-desc'>民主测评无记名投票，每人限投一次，提交后不能修改。</View>
      </View>
      {isAdmin && (
        <View className='btn-area' style={{ paddingTop: '0' }}>
          <Button id='vote-create' className='btn btn-primary' onClick={() => go(VOTE_PAGES.create)}>
            新建测评
          </Button>
        </View>
      )}
      {error && <ErrorBox message={error} onRetry={() => void load()} />}
      {!items && !error && <Loading />}
      {items && (
        <View className='cells' id='vote-list'>
          {items.length === 0 && <View className='empty'>暂无测评</View>}
          {items.map((c) => (
            <View className='cell' key={c.id} id={`campaign-${c.id}`}>
              <View className='cell-bd'>
                <View className='cell-title'>{c.title}</View>
                <View className='cell-sub'>
                  {CAMPAIGN_KIND_LABELS[c.kind]} · {c.year}年度{' '}
                  <Text className={`tag ${STATUS_TAG[c.status]}`} id={`campaign-${c.id}-status`}>
                    {STATUS_LABELS[c.status]}
                  </Text>
                </View>
                <View className='vote-actions'>
                  {c.status === 'open' && c.onRoll && !c.voted && (
                    <Button className='btn btn-primary btn-mini' id={`vote-${c.id}`} onClick={() => go(VOTE_PAGES.ballot(c.id))}>
                      去投票
                    </Button>
                  )}
                  {c.onRoll && c.voted && (
                    <Text className='tag tag-ok' id={`voted-${c.id}`}>
                      已投票
                    </Text>
                  )}
                  {c.status === 'closed' && seesResults && (
                    <Button className='btn btn-default btn-mini' id={`results-${c.id}`} onClick={() => go(VOTE_PAGES.results(c.id))}>
                      查看结果
                    </Button>
                  )}
                  {c.status === 'closed' && c.onRoll && (
                    <Button className='btn btn-default btn-mini' id={`receipt-${c.id}`} onClick={() => go(VOTE_PAGES.receipt(c.id))}>
                      核对回执
                    </Button>
                  )}
                  {isAdmin && (
                    <Button className='btn btn-default btn-mini' id={`manage-${c.id}`} onClick={() => go(VOTE_PAGES.manage(c.id))}>
                      管理
                    </Button>
                  )}
                </View>
              </View>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

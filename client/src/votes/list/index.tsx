import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { canCall } from '../../../../shared/access';
import { CAMPAIGN_KIND_LABELS } from '../../../../shared/votes/contract';
import { PAGES } from '../../common/pages';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { STATUS_LABELS, STATUS_TAG } from '../lib';

const go = (url: string) => void Taro.navigateTo({ url });

/** 年度测评: the campaigns the caller votes in (leaders and the admin see all), with what the caller can do in each. */
export default function VoteList() {
  const page = usePageData('votes', 'list', {}, { onShow: true, pullDown: true });
  const me = usePageData('members', 'me', {}, { onShow: true, pullDown: true });
  const items = page.data;
  // What the caller may do, as the access table has it: set campaigns up and run them (the admin), read results.
  const roles = me.data?.roles ?? [];
  const creates = canCall(roles, 'votes', 'create');
  const manages = canCall(roles, 'votes', 'turnout');
  const seesResults = canCall(roles, 'votes', 'results');

  return (
    <View className='page' id='vote-list-page'>
      <View className='page-hd'>
        <View className='page-title'>年度测评</View>
        <View className='page-desc'>民主测评无记名投票，每人限投一次，提交后不能修改。</View>
      </View>
      {creates && (
        <View className='btn-area' style={{ paddingTop: '0' }}>
          <Button id='vote-create' className='btn btn-primary' onClick={() => go(PAGES.votes.create)}>
            新建测评
          </Button>
        </View>
      )}
      <LoadStatus page={page} />
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
                    <Button className='btn btn-primary btn-mini' id={`vote-${c.id}`} onClick={() => go(PAGES.votes.ballot(c.id))}>
                      去投票
                    </Button>
                  )}
                  {c.onRoll && c.voted && (
                    <Text className='tag tag-ok' id={`voted-${c.id}`}>
                      已投票
                    </Text>
                  )}
                  {c.status === 'closed' && seesResults && (
                    <Button className='btn btn-default btn-mini' id={`results-${c.id}`} onClick={() => go(PAGES.votes.results(c.id))}>
                      查看结果
                    </Button>
                  )}
                  {c.status === 'closed' && c.onRoll && (
                    <Button className='btn btn-default btn-mini' id={`receipt-${c.id}`} onClick={() => go(PAGES.votes.receipt(c.id))}>
                      核对回执
                    </Button>
                  )}
                  {manages && (
                    <Button className='btn btn-default btn-mini' id={`manage-${c.id}`} onClick={() => go(PAGES.votes.manage(c.id))}>
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

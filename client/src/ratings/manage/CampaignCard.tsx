import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { parkTimeText } from '../../../../shared/common/time';
import type { RatingCampaignView } from '../../../../shared/ratings/contract';
import { PAGES } from '../../common/pages';
import { STATUS_LABELS, STATUS_TAG, percent } from '../lib';

/**
 * One campaign: its figures, the seed's fingerprint (and the seed once drawn), and what the person may do with it.
 * `admin`: 抽样 / 结束 / 打印评价码; everyone who sees the list: 查看结果.
 */
export function CampaignCard({
  c,
  admin,
  busy,
  expanded,
  onDraw,
  onClose,
  onToggle,
}: {
  c: RatingCampaignView;
  admin: boolean;
  busy: boolean;
  expanded: boolean;
  onDraw: () => void;
  onClose: () => void;
  onToggle: () => void;
}) {
  const id = c.id;
  const drawn = c.status !== 'draft';
  return (
    <View className='card' id={`campaign-${id}`}>
      <View className='row-between'>
        <Text className='cell-title' id={`campaign-${id}-title`}>
          {c.title}
        </Text>
        <Text className={`tag ${STATUS_TAG[c.status]}`} id={`campaign-${id}-status`}>
          {STATUS_LABELS[c.status]}
        </Text>
      </View>
      <View className='detail-line cell-sub'>
        <Text id={`campaign-${id}-share`}>抽样比例 {percent(c.share)}</Text>
        <Text id={`campaign-${id}-responses`}>
          已评 {c.responses}
          {drawn ? ` / ${c.sampled.length} 家` : ' 家'}
        </Text>
        <Text id={`campaign-${id}-closes`}>截止 {parkTimeText(c.closesAt)}</Text>
      </View>
      <View className='history'>
        <View className='history-line'>
          种子指纹（SHA-256）：
          <Text className='mono' id={`campaign-${id}-hash`} userSelect>
            {c.seedHash}
          </Text>
        </View>
        {c.seed !== null && (
          <View className='history-line'>
            种子：
            <Text className='mono' id={`campaign-${id}-seed`} userSelect>
              {c.seed}
            </Text>
          </View>
        )}
      </View>

      {drawn && (
        <View style={{ marginTop: '12px' }}>
          <Text className='link' id={`sample-toggle-${id}`} onClick={onToggle}>
            {expanded ? '收起抽样结果' : `查看抽样结果（${c.sampled.length} 家）`}
          </Text>
        </View>
      )}
      {drawn && expanded && (
        <View className='result-detail' id={`sample-${id}`} style={{ marginLeft: 0 }}>
          <View className='detail-line' id={`strata-${id}`}>
            {c.strata.map((s, i) => (
              <Text key={s.key} id={`stratum-${id}-${i}`}>
                {s.key}：{s.take}/{s.size}
              </Text>
            ))}
            {c.census.length > 0 && <Text id={`census-${id}`}>重点项目企业：全部 {c.census.length}</Text>}
          </View>
          <View style={{ marginTop: '8px' }} id={`sampled-${id}`}>
            {c.sampled.map((e, i) => (
              <View key={e.id} className='history-line' id={`sampled-${id}-${e.id}`}>
                {i + 1}. {e.name}
              </View>
            ))}
          </View>
        </View>
      )}

      <View className='vote-actions'>
        {admin && c.status === 'draft' && (
          <Button id={`draw-${id}`} className='btn btn-primary btn-mini' disabled={busy} onClick={onDraw}>
            抽样
          </Button>
        )}
        {admin && c.status === 'open' && (
          <Button id={`close-${id}`} className='btn btn-warn btn-mini' disabled={busy} onClick={onClose}>
            结束
          </Button>
        )}
        {admin && drawn && (
          <Button id={`print-${id}`} className='btn btn-default btn-mini' onClick={() => void Taro.navigateTo({ url: PAGES.ratings.print(id) })}>
            打印评价码
          </Button>
        )}
        {drawn && (
          <Button id={`results-${id}`} className='btn btn-default btn-mini' onClick={() => void Taro.navigateTo({ url: PAGES.ratings.results(id) })}>
            查看结果
          </Button>
        )}
      </View>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import type { Fail } from '../../../../shared/common/errors';
import { MIN_RATERS } from '../../../../shared/ratings/rating';
import { ErrorBox, LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { SHORT_WITHHELD, STATUS_LABELS, WITHHELD, percent } from '../lib';

const NO_CAMPAIGN: Fail = { code: 'NOT_FOUND', message: '缺少评价活动编号，请从企业评页面进入' };

const score = (x: number | null): string => (x === null ? SHORT_WITHHELD : `${x} 分`);

/**
 * Leaders and the admin, once a campaign is over: the published figures (企业评结果) — the response count, the
 * satisfaction rate, each dimension, and each cadre's and section's score from at least MIN_RATERS ratings.
 */
/** Scores of cadres or of sections: rows `#<id>-row-<row id>`, a score or 不足3份 where too few rated. */
function ScoreList({
  title,
  id,
  empty,
  rows,
}: {
  title: string;
  id: 'cadre' | 'section';
  empty: string;
  rows: { id: string; name: string; raters: number | null; score: number | null }[];
}) {
  return (
    <>
      <View className='cells-title'>{title}</View>
      <View className='cells' id={`results-${id}s`}>
        {rows.length === 0 && <View className='empty'>{empty}</View>}
        {rows.map((c) => (
          <View key={c.id} className='cell' id={`${id}-row-${c.id}`}>
            <View className='cell-bd'>
              <View className='cell-title'>{c.name}</View>
              <View className='cell-sub'>{c.raters === null ? '评价份数不足或可被推算，不公布' : `${c.raters} 份评价`}</View>
            </View>
            <View className='cell-ft' id={`${id}-row-${c.id}-score`}>
              {score(c.score)}
            </View>
          </View>
        ))}
      </View>
    </>
  );
}

export default function RatingResults() {
  const { params } = useRouter();
  const campaignId = params.campaignId ? decodeURIComponent(params.campaignId) : '';
  const page = usePageData('ratings', 'results', campaignId ? { campaignId } : null, { pullDown: true });
  const r = page.data;

  return (
    <View className='page' id='ratings-results-page'>
      <View className='page-hd'>
        <View className='page-title' id='results-title'>
          {r?.campaign.title ?? '企业评结果'}
        </View>
        {r && (
          <View className='page-desc'>
            {r.campaign.year}年度 · {STATUS_LABELS[r.campaign.status]}
          </View>
        )}
      </View>
      {campaignId ? <LoadStatus page={page} /> : <ErrorBox message={NO_CAMPAIGN.message} />}
      {r && (
        <>
          <View className='score-card' id='results-summary'>
            <View className='score-who'>总体满意率</View>
            <View className='score-big' id='results-satisfaction' style={r.satisfaction === null ? { fontSize: '40px' } : undefined}>
              {r.satisfaction === null ? WITHHELD : percent(r.satisfaction)}
            </View>
            <View className='score-line' id='results-responses'>
              回收 {r.responses} / {r.sampleSize} 份
            </View>
          </View>

          <View className='cells-title'>营商环境各项</View>
          <View className='cells' id='results-dimensions'>
            {r.dimensions.map((d) => (
              <View key={d.key} className='cell' id={`dim-row-${d.key}`}>
                <View className='cell-bd'>{d.label}</View>
                <View className='cell-ft'>{d.satisfaction === null ? SHORT_WITHHELD : `满意率 ${percent(d.satisfaction)} · ${score(d.score)}`}</View>
              </View>
            ))}
          </View>

          <ScoreList title='干部得分' id='cadre' empty='没有企业评价干部' rows={r.cadres} />
          <ScoreList title='股室得分' id='section' empty='没有企业评价股室' rows={r.sections} />

          <View className='tips'>
            <Text>
              计分：非常满意100分、满意75分、基本满意50分、不满意25分、非常不满意0分，干部得分为评价该干部各份评价的平均分，股室得分为其干部所获全部评价的平均分；满意率为“基本满意”及以上的比例。不足
              {MIN_RATERS}份评价的不公布，以保护评价企业。
            </Text>
          </View>
        </>
      )}
    </View>
  );
}

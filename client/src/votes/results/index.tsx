import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import type { OutputOf } from '../../../../shared/contracts';
import { CAMPAIGN_KIND_LABELS } from '../../../../shared/votes/contract';
import { ErrorBox, Loading } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { pct, shareText } from '../lib';

type Results = OutputOf<'votes', 'results'>;
type Row = Results['candidates'][number];

const num = (x: number) => (Math.round(x * 100) / 100).toFixed(2);

function ResultRow({ r, res, top, open, onToggle }: { r: Row; res: Results; top: number; open: boolean; onToggle: () => void }) {
  const c = res.campaign;
  return (
    <View className='cell result-row' id={`result-${r.id}`} onClick={onToggle}>
      <View className='cell-bd'>
        <View className='result-hd'>
          <Text className='result-rank'>{r.rank}</Text>
          <Text className='cell-title'>{r.name}</Text>
          {r.sectionName && <Text className='cand-sub'>{r.sectionName}</Text>}
          <Text className='result-overall' id={`result-${r.id}-overall`}>
            {num(r.overall)}
          </Text>
        </View>
        <View className='hbar'>
          <View className='hbar-inner' style={{ width: `${top > 0 ? Math.max(0, Math.min(100, (r.overall / top) * 100)) : 0}%` }} />
        </View>
        <View className='cell-sub'>
          优秀+称职 {pct(r.shareExcellentCompetent)} · 不称职 {pct(r.shareIncompetent)}{' '}
          {r.admonish && (
            <Text className='tag tag-no' id={`result-${r.id}-admonish`}>
              诫勉谈话
            </Text>
          )}{' '}
          {r.adjust && (
            <Text className='tag tag-red' id={`result-${r.id}-adjust`}>
              组织调整
            </Text>
          )}
        </View>
        {open && (
          <View className='result-detail' id={`result-${r.id}-detail`}>
            <View className='detail-line'>
              {c.dimensions.map((d) => (
                <Text key={d.key} className='detail-item'>
                  {d.label} {r.dimensions[d.key] === undefined ? '—' : num(r.dimensions[d.key] ?? 0)}
                </Text>
              ))}
            </View>
            <View className='detail-line'>
              {r.byCategory.map((k) => (
                <Text key={k.category} className='detail-item' id={`result-${r.id}-cat-${k.category}`}>
                  {k.label}（{k.raters}人） {k.overall === null ? `不足${c.rules.minGroupSize}人，不显示` : num(k.overall)}
                </Text>
              ))}
            </View>
            <View className='detail-line small'>
              优秀 {r.grades.excellent ?? 0} · 称职 {r.grades.competent ?? 0} · 基本称职 {r.grades.basic ?? 0} · 不称职 {r.grades.incompetent ?? 0}
              （票）
            </View>
          </View>
        )}
      </View>
    </View>
  );
}

/** Leaders and the admin, after close: turnout, the ranking with bars, the flags for people to judge. */
export default function ResultsPage() {
  const { params } = useRouter();
  const campaignId = params.campaignId ? decodeURIComponent(params.campaignId) : '';
  const {
    data: res,
    error,
    loading,
    reload,
  } = usePageData(
    'votes',
    'results',
    { campaignId },
    {
      onData: (x) => void Taro.setNavigationBarTitle({ title: `${x.campaign.title} · 结果` }),
    },
  );
  const [openId, setOpenId] = useState<string | null>(null);

  if (!res) {
    return (
      <View className='page' id='results-page'>
        {error?.code === 'NOT_READY' ? (
          <View className='error-box' id='results-not-ready' style={{ color: 'rgba(0,0,0,0.7)' }}>
            <Text>{error.message || '正在计票，请稍后刷新'}</Text>
            <View style={{ marginTop: '12px' }}>
              <Button className='btn btn-default btn-mini' id='results-refresh' disabled={loading} onClick={() => void reload()}>
                刷新
              </Button>
            </View>
          </View>
        ) : error ? (
          <ErrorBox message={error.message} onRetry={() => void reload()} />
        ) : (
          <Loading />
        )}
      </View>
    );
  }

  const c = res.campaign;
  const top = c.scale.type === 'grades' ? Math.max(...Object.values(c.scale.points)) : c.scale.max;
  const f = res.flags;
  const anyFlag = f.leniency.length + f.identical.length + f.blocs.length > 0;
  // the categories as counted: small ones are merged so that no group under the minimum is published
  const catLabel = new Map(res.countedCategories.map((k) => [k.key, k.label]));

  return (
    <View className='page' id='results-page'>
      <View className='page-hd'>
        <View className='page-title' id='results-title'>
          {c.title}
        </View>
        <View className='page-desc'>
          {CAMPAIGN_KIND_LABELS[c.kind]} · {c.year}年度 · 计票结果
        </View>
      </View>
      <View className='cells' id='results-turnout'>
        <View className='cell'>
          <View className='cell-bd'>参评率</View>
          <View className='cell-ft' id='results-turnout-value'>
            {res.ballots} / {res.roll} 人（{pct(res.turnout)}）
          </View>
        </View>
        <View className='cell'>
          <View className='cell-bd'>有效票 / 废票</View>
          <View className='cell-ft' id='results-valid'>
            {res.valid} / {res.void}
          </View>
        </View>
      </View>
      {res.belowTurnoutFloor && (
        <View className='flag-red' id='results-invalid'>
          参评率低于{shareText(c.rules.turnoutFloor)}，结果无效
        </View>
      )}
      <View className='cells-title'>排名（点击查看分项得分）</View>
      <View className='cells' id='results-list'>
        {res.withheld && (
          <View className='empty' id='results-withheld'>
            有效票不足{c.rules.minGroupSize + 1}张：为保护投票人，不公布计票结果
          </View>
        )}
        {!res.withheld && res.candidates.length === 0 && <View className='empty'>暂无结果</View>}
        {res.candidates.map((r) => (
          <ResultRow key={r.id} r={r} res={res} top={top} open={openId === r.id} onToggle={() => setOpenId(openId === r.id ? null : r.id)} />
        ))}
      </View>
      <View className='cells-title'>需要关注的投票</View>
      <View className='cells' id='results-flags'>
        {!anyFlag && <View className='empty'>未发现异常</View>}
        {f.leniency.map((x) => (
          <View className='cell' key={`l-${x.receipt}`} id={`flag-leniency-${x.receipt}`}>
            <View className='cell-bd'>
              <Text className='mono'>{x.receipt}</Text>
              <View className='cell-sub'>
                {catLabel.get(x.category) ?? x.category} · 平均 {num(x.mean)} 分 · z = {num(x.z)}
              </View>
            </View>
            <Text className={`tag ${x.kind === 'lenient' ? 'tag-no' : 'tag-red'}`}>{x.kind === 'lenient' ? '偏宽' : '偏严'}</Text>
          </View>
        ))}
        {f.identical.map((g, i) => (
          <View className='cell' key={`i-${i}`} id={`flag-identical-${i}`}>
            <View className='cell-bd'>
              <View>完全相同的选票（{g.receipts.length}张）</View>
              <View className='cell-sub mono'>{g.receipts.join('  ')}</View>
            </View>
          </View>
        ))}
        {f.blocs.map((b) => (
          <View className='cell' key={`b-${b.sectionId}`} id={`flag-bloc-${b.sectionId}`}>
            <View className='cell-bd'>
              <View>
                {b.sectionName ?? '某股室'}：本股室投票人评本股室对象高出 {num(b.gap)} 分
              </View>
              <View className='cell-sub'>涉及 {b.ballots} 张选票</View>
            </View>
          </View>
        ))}
      </View>
      <View className='tips'>仅供研判，不影响计票。</View>
    </View>
  );
}

import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { shiftQuarter } from '../../../../shared/common/time';
import type { OutputOf } from '../../../../shared/contracts';
import { call } from '../../common/call';
import { PAGES } from '../../common/pages';
import { QuarterChips } from '../../common/QuarterChips';
import { currentQuarter } from '../../common/today';
import { LoadStatus, ProgressBar } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

type Status = OutputOf<'assessment', 'status'>;
const STATUS_LABELS: Record<Status['status'], string> = { open: '进行中', closing: '正在结束', closed: '已结束' };
const STATUS_TAG: Record<Status['status'], string> = { open: 'tag-ok', closing: 'tag-no', closed: 'tag-grey' };

/**
 * Admin: a quarter's assessment — who is still missing an evaluation, opening the quarter (fixing every checklist
 * from the tree), closing it (scores, grades, rankings), then the ranking.
 */
export default function Period() {
  const cur = currentQuarter();
  const options = [cur, shiftQuarter(cur, -1), shiftQuarter(cur, 1)];
  const [periodId, setPeriodId] = useState(cur);
  const [actionError, setActionError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const page = usePageData('assessment', 'status', { periodId }, { reset: true, onData: () => setActionError(null) });
  const s = page.data;
  const setS = page.setData;

  const openPeriod = async () => {
    if (busy) return;
    setBusy(true);
    setActionError(null);
    // Each call fixes a batch of checklists; call again until none is missing (a large park takes a few calls).
    let r = await call('assessment', 'openPeriod', { periodId });
    for (let i = 0; i < 100 && r.code === 0 && r.data.checklistsMissing > 0; i += 1) {
      setS(r.data);
      r = await call('assessment', 'openPeriod', { periodId });
    }
    setBusy(false);
    if (r.code === 0) {
      setS(r.data);
      void Taro.showToast({ title: '已开启，清单已生成', icon: 'none' });
    } else setActionError(r.message);
  };

  const close = async () => {
    if (busy || !s) return;
    const ok = await Taro.showModal({
      title: `结束${s.periodLabel}考核`,
      content: '结束后将计算得分、等次和排名，干部不能再记录本季度实绩，评分只能通过更正修改。确定结束？',
      confirmText: '结束',
      confirmColor: '#fa5151',
    });
    if (!ok.confirm) return;
    setBusy(true);
    setActionError(null);
    void Taro.showLoading({ title: '正在计算' });
    const r = await call('assessment', 'close', { periodId });
    void Taro.hideLoading();
    setBusy(false);
    if (r.code === 0) {
      setS(r.data);
      void Taro.showToast({ title: '已结束', icon: 'success' });
    } else setActionError(r.message);
  };

  const pct = (a: number, b: number) => (b > 0 ? Math.floor((a / b) * 100) : 100);
  return (
    <View className='page' id='period-page'>
      <QuarterChips value={periodId} options={options} onChange={setPeriodId} idPrefix='period-quarter' />
      <LoadStatus page={page} />
      {s && (
        <View>
          <View className='page-hd'>
            <View className='page-title'>
              {s.periodLabel}
              <Text className={`tag ${s.opened ? STATUS_TAG[s.status] : 'tag-grey'}`} id='period-status' style={{ marginLeft: '16px' }}>
                {s.opened ? STATUS_LABELS[s.status] : '未开启'}
              </Text>
            </View>
          </View>
          {!s.opened && (
            <View className='cells' id='period-not-opened'>
              <View className='cell'>
                <View className='cell-bd'>
                  <View className='cell-title'>本季度尚未开启</View>
                  <View className='cell-sub'>
                    {periodId >= cur ? `开启后为 ${s.cadres} 名干部生成考核清单，方可评分。` : '已过去的季度不能再开启。'}
                  </View>
                </View>
              </View>
            </View>
          )}
          {s.opened && (
            <View className='cells'>
              <View className='cell' id='period-staff'>
                <View className='cell-bd'>
                  <View className='row-between'>
                    <Text className='cell-title'>考人评分</Text>
                    <Text className='cell-ft' id='period-staff-count'>
                      {s.staffEvaluated} / {s.cadres} 人
                    </Text>
                  </View>
                  <ProgressBar percent={pct(s.staffEvaluated, s.cadres)} />
                  {s.missingStaff.length > 0 && (
                    <View className='cell-sub' id='period-missing-staff'>
                      未评：{s.missingStaff.join('、')}
                      {s.cadres - s.staffEvaluated > s.missingStaff.length ? ' 等' : ''}
                    </View>
                  )}
                </View>
              </View>
              <View className='cell' id='period-sections'>
                <View className='cell-bd'>
                  <View className='row-between'>
                    <Text className='cell-title'>考事评分</Text>
                    <Text className='cell-ft' id='period-section-count'>
                      {s.sectionsEvaluated} / {s.sections} 个股室
                    </Text>
                  </View>
                  <ProgressBar percent={pct(s.sectionsEvaluated, s.sections)} />
                  {s.missingSections.length > 0 && (
                    <View className='cell-sub' id='period-missing-sections'>
                      未评：{s.missingSections.join('、')}
                    </View>
                  )}
                </View>
              </View>
            </View>
          )}
          {actionError && (
            <View className='error-box' id='period-error'>
              {actionError}
            </View>
          )}
          <View className='btn-area'>
            {!s.opened && s.status === 'open' && periodId >= cur && (
              <Button id='period-open' className='btn btn-default' disabled={busy} onClick={() => void openPeriod()}>
                开启季度（生成考核清单）
              </Button>
            )}
            {s.opened && s.status !== 'closed' && periodId <= cur && (
              <View>
                <Button id='period-close' className='btn btn-warn' disabled={busy} onClick={() => void close()}>
                  结束季度
                </Button>
              </View>
            )}
            {s.status === 'closed' && (
              <Button
                id='period-ranking'
                className='btn btn-primary'
                onClick={() => void Taro.navigateTo({ url: PAGES.assessment.ranking(periodId) })}
              >
                查看季度排名
              </Button>
            )}
          </View>
          <View className='tips'>
            <Text>开启季度时按当前指标分解为每位干部固定本季度清单（已有清单的保持不变）。所有考人、考事评分完成后才能结束。</Text>
          </View>
        </View>
      )}
    </View>
  );
}

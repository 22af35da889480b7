import { Button, Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { SignOut } from '../../common/SignOut';
import { SwitchIdentity } from '../../common/SwitchIdentity';
import { ENTRIES, HomeEntries } from '../../common/entries';
import { LaggingNotice } from '../../projects/LaggingNotice';
import { CONFIRMATION_LABELS } from '../../../../shared/dossier/contract';
import { PAGES } from '../../common/pages';
import { LoadStatus, ProgressBar } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

const CONFIRMATION_TAG = { pending: 'tag-grey', confirmed: 'tag-ok', denied: 'tag-red' } as const;

/** A cadre's dossier for the current quarter: targets with progress, visits, recent reports. */
export default function Dossier() {
  // refresh on show: after recording a visit the progress moves at once
  const page = usePageData(
    'dossier',
    'mine',
    {},
    {
      onShow: true,
      pullDown: true,
      onData: (x) => void Taro.setNavigationBarTitle({ title: `我的绩效档案 · ${x.periodLabel}` }),
    },
  );
  const me = usePageData('members', 'me', {});
  const d = page.data;

  if (!d) {
    return (
      <View className='page' id='dossier-page'>
        <LoadStatus page={page} />
        {page.error && <SwitchIdentity />}
      </View>
    );
  }

  const visits = d.targets.find((t) => t.metric === 'enterprise_visit');
  const goVisit = () => void Taro.navigateTo({ url: PAGES.dossier.record('enterprise_visit') });

  return (
    <View className='page' id='dossier-page'>
      <View className='page-hd'>
        <View className='page-title' id='dossier-title'>
          我的绩效档案 · {d.periodLabel}
        </View>
        <View className='page-desc'>
          {d.memberName}
          {d.sectionName ? ` · ${d.sectionName}` : ''}
          {d.open ? '' : ' · 本季度已关闭'}
        </View>
      </View>
      <LoadStatus page={page} />
      <View className='cells-title'>季度目标</View>
      <View className='cells' id='targets'>
        {d.targets.map((t) => (
          <View className='cell' key={t.metric} id={`target-${t.metric}`}>
            <View className='cell-bd'>
              <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                <Text className='cell-title'>{t.label}</Text>
                <Text className='cell-ft' id={`target-${t.metric}-count`}>
                  {t.done} / {t.target} {t.unit}
                </Text>
              </View>
              <ProgressBar percent={t.percent} id={`target-${t.metric}-bar`} />
            </View>
          </View>
        ))}
      </View>
      <View className='tips' id='visit-count'>
        共走访 {d.visitCount} 次，计入 {visits?.done ?? 0} 家企业
      </View>
      <View className='tips' id='visit-confirmations'>
        企业已确认 {d.visits.confirmed} 次 · 待确认 {d.visits.unconfirmed} 次{d.visits.denied > 0 ? ` · 企业称不属实 ${d.visits.denied} 次` : ''}
        {d.visits.countsUnconfirmed ? '' : '（只有企业确认的走访计入目标）'}
      </View>
      {d.open && (
        <View className='btn-area' style={{ paddingTop: '8px' }}>
          <Button id='record-visit' className='btn btn-primary' onClick={goVisit}>
            记录走访
          </Button>
        </View>
      )}
      <View className='cells-title'>最近记录</View>
      <View className='cells' id='recent'>
        {d.recent.length === 0 && <View className='empty'>本季度还没有记录</View>}
        {d.recent.map((r) => (
          <View className='cell' key={r.id} id={`report-${r.id}`}>
            <View className='cell-bd'>
              <View style={{ display: 'flex', justifyContent: 'space-between' }}>
                <Text className='cell-title'>{r.enterpriseName ?? '—'}</Text>
                <Text className='cell-ft'>{r.date}</Text>
              </View>
              <View className='cell-sub'>{r.note}</View>
              {r.confirmation && (
                <View className='cell-sub'>
                  <Text className={`tag ${CONFIRMATION_TAG[r.confirmation]}`} id={`report-${r.id}-confirmation`}>
                    {CONFIRMATION_LABELS[r.confirmation]}
                  </Text>
                  {r.confirmation === 'pending' && d.open && (
                    <Text className='link' id={`report-${r.id}-code`} onClick={() => void Taro.navigateTo({ url: PAGES.dossier.visitCode(r.id) })}>
                      {' '}
                      出示确认码
                    </Text>
                  )}
                </View>
              )}
              {r.photoUrls.length > 0 && (
                <View className='thumbs'>
                  {r.photoUrls.map((u) => (
                    <Image
                      key={u}
                      className='thumb-img'
                      style={{ marginRight: '8px' }}
                      src={u}
                      mode='aspectFill'
                      onClick={() => void Taro.previewImage({ current: u, urls: r.photoUrls })}
                    />
                  ))}
                </View>
              )}
            </View>
          </View>
        ))}
      </View>
      <LaggingNotice />
      <HomeEntries links={ENTRIES.cadre} roles={me.data?.roles} />
      <SignOut />
      <SwitchIdentity />
    </View>
  );
}

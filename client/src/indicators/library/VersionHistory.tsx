import { Text, View } from '@tarojs/components';
import { INDICATOR_CLASS_LABELS, INDICATOR_KIND_LABELS } from '../../../../shared/indicators/indicator';
import { Loading } from '../../common/ui';
import { ruleText, type Draft, type Indicator } from './draft';

/** An indicator's versions, the one being edited marked 当前. */
export function VersionHistory({ draft, history }: { draft: Draft; history: Indicator[] | null }) {
  return (
    <View>
      <View className='cells-title'>版本记录</View>
      <View className='cells' id='history-list'>
        {!history && <Loading />}
        {history?.map((h) => (
          <View className='cell' key={h.version} id={`history-v${h.version}`}>
            <View className='cell-bd'>
              <View className='row-between'>
                <Text className='cell-title'>
                  第{h.version}版 · {h.name}
                </Text>
                {h.version === draft.version && <Text className='tag tag-ok'>当前</Text>}
              </View>
              <View className='cell-sub'>
                {INDICATOR_CLASS_LABELS[h.class]} · {INDICATOR_KIND_LABELS[h.kind]}
                {h.target !== null ? ` · 目标 ${h.target}${h.unit ?? ''}` : ''} · {ruleText(h.rule, h.unit)}
              </View>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

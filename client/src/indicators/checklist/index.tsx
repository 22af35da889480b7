import Taro, { useRouter } from '@tarojs/taro';
import { Button, Text, View } from '@tarojs/components';
import { PAGES } from '../../common/pages';
import { LoadStatus, ProgressBar } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { ClassTag, KindTag } from '../lib';

/**
 * A cadre's checklist (个人绩效考核清单) for the current quarter: class, kind, weight, target and, for items counted
 * from the dossier, progress. Section heads and leaders open a member's with `?memberId=`.
 */
export default function ChecklistPage() {
  const { params } = useRouter();
  const memberId = params.memberId || undefined;
  const page = usePageData('indicators', 'checklist', memberId ? { memberId } : {}, {
    onShow: true,
    pullDown: true,
    onData: (x) => void Taro.setNavigationBarTitle({ title: memberId ? `${x.memberName}的考核清单` : '我的考核清单' }),
  });
  const c = page.data;

  if (!c) {
    return (
      <View className='page' id='checklist-page'>
        <LoadStatus page={page} />
      </View>
    );
  }
  const total = Math.round(c.items.reduce((s, i) => s + i.weight, 0) * 100) / 100;

  return (
    <View className='page' id='checklist-page'>
      <View className='page-hd'>
        <View className='page-title' id='checklist-title'>
          {memberId ? `${c.memberName}的考核清单` : '我的考核清单'} · {c.periodLabel}
        </View>
        <View className='page-desc' id='checklist-total'>
          共 {c.items.length} 项，权重合计 {total}
        </View>
      </View>
      <View className='cells' id='checklist-items'>
        {c.items.length === 0 && <View className='empty'>清单暂无指标</View>}
        {c.items.map((i) => {
          const pct = i.done !== null && i.target ? Math.min(100, Math.floor((i.done / i.target) * 100)) : null;
          return (
            <View className='cell' key={i.nodeId} id={`item-${i.nodeId}`}>
              <View className='cell-bd'>
                <View className='row-between'>
                  <View className='cell-title'>
                    <ClassTag cls={i.class} id={`item-${i.nodeId}-class`} /> {i.name}
                  </View>
                  <Text className='cell-ft' id={`item-${i.nodeId}-weight`}>
                    权重 {i.weight}
                  </Text>
                </View>
                <View className='cell-sub'>
                  <KindTag kind={i.kind} />
                  {i.target !== null ? `　目标 ${i.target}${i.unit ?? ''}` : ''}
                  {i.done !== null ? (
                    <Text id={`item-${i.nodeId}-done`}>
                      　已完成 {i.done}
                      {i.unit ?? ''}
                    </Text>
                  ) : null}
                </View>
                {pct !== null && <ProgressBar percent={pct} id={`item-${i.nodeId}-bar`} />}
              </View>
            </View>
          );
        })}
      </View>
      {!memberId && (
        <View className='btn-area'>
          <Button id='checklist-apply' className='btn btn-primary' onClick={() => void Taro.navigateTo({ url: PAGES.applications.apply })}>
            申报新指标
          </Button>
        </View>
      )}
      <View className='tips'>
        <Text>定性指标由股室负责人评定等次；定量指标按完成值和计分规则计分，走访、项目、诉求类由绩效档案自动统计。</Text>
      </View>
    </View>
  );
}

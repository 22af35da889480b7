import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { INDICATOR_CLASS_LABELS } from '../../../../shared/indicators/indicator';
import { call } from '../../common/call';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { useSubmit } from '../../common/use-submit';
import { ClassTag, KindTag } from '../lib';
import { CLASSES, draftOf, inputOf, type Draft, type Indicator } from './draft';
import { IndicatorEditor } from './IndicatorEditor';

/** Admin: the indicator library by class, each at its latest version; edit one (a new version) or add one. */
export default function Library() {
  const page = usePageData('indicators', 'library', {});
  const list = page.data;
  const sections = usePageData('park', 'sections', {}).data ?? [];
  const [draft, setDraft] = useState<Draft | null>(null);
  const [history, setHistory] = useState<Indicator[] | null>(null);
  const form = useSubmit('indicators', 'save', [draft]);

  const open = (i: Indicator | null) => {
    setDraft(draftOf(i));
    form.setErrors({});
    setHistory(null);
    if (i) {
      void call('indicators', 'history', { indicatorId: i.id }).then((r) => {
        if (r.code === 0) setHistory(r.data);
      });
    }
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
  };
  const set = (patch: Partial<Draft>) => setDraft((d) => (d ? { ...d, ...patch } : d));

  const save = () => {
    if (!draft) return;
    const input = inputOf(draft);
    return form.submit(
      input,
      (saved) => {
        void Taro.showToast({ title: draft.id ? `已保存为第${saved.version}版` : '已新增', icon: 'success' });
        setDraft(null);
        void page.reload();
      },
      {
        // numbers typed as text, a rule half filled in: said in the form's words
        reword: (found, issues) => {
          const f = { ...found };
          if (f.target && Number.isNaN(input.target)) f.target = '请填写目标值';
          if (f.rule && issues.some((i) => i.path[0] === 'rule' && i.path.length > 1)) f.rule = '请完整填写计分规则的数值（0–200）';
          if (f.group) f.group = '请填写指标分组';
          return f;
        },
      },
    );
  };

  if (draft) {
    return (
      <IndicatorEditor
        draft={draft}
        set={set}
        sections={sections}
        history={history}
        errors={form.errors}
        saving={form.busy}
        onSave={() => void save()}
        onCancel={() => setDraft(null)}
      />
    );
  }

  return (
    <View className='page' id='library-page'>
      <View className='page-hd'>
        <View className='page-title'>指标库</View>
        <View className='page-desc'>点击指标修改；修改后生成新版本，已关闭的季度不受影响。</View>
      </View>
      <View className='btn-area' style={{ paddingTop: '0' }}>
        <Button id='library-add' className='btn btn-default' onClick={() => open(null)}>
          新增指标
        </Button>
      </View>
      <LoadStatus page={page} />
      {list &&
        CLASSES.map((c) => {
          const items = list.filter((i) => i.class === c);
          return (
            <View key={c} id={`library-group-${c}`}>
              <View className='cells-title'>
                {INDICATOR_CLASS_LABELS[c]}（{items.length}）
              </View>
              <View className='cells'>
                {items.length === 0 && <View className='empty'>暂无</View>}
                {items.map((i) => (
                  <View className='cell cell-access' hoverClass='cell-hover' key={i.id} id={`ind-${i.id}`} onClick={() => open(i)}>
                    <View className='cell-bd'>
                      <View className='cell-title'>
                        <ClassTag cls={i.class} /> {i.name}
                        {!i.active && <Text className='tag tag-grey'> 停用</Text>}
                      </View>
                      <View className='cell-sub'>
                        <KindTag kind={i.kind} /> {i.group}
                        {i.target !== null ? ` · 目标 ${i.target}${i.unit ?? ''}` : ''}
                      </View>
                    </View>
                    <Text className='cell-ft' id={`ind-${i.id}-version`}>
                      v{i.version}
                    </Text>
                  </View>
                ))}
              </View>
            </View>
          );
        })}
    </View>
  );
}

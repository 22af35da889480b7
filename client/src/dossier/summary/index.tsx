import '../../../../shared/common/zod-locale';
import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, Text, Textarea, View } from '@tarojs/components';
import { contracts } from '../../../../shared/contracts';
import { parkTimeText, quarterLabel } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { QuarterChips } from '../../common/QuarterChips';
import { recentQuarters } from '../../common/today';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

const MAX = 2000;

/** The quarterly self-summary (季度小结): editable while the quarter is open, read-only once it is closed. */
export default function SummaryPage() {
  const quarters = recentQuarters(3);
  const [periodId, setPeriodId] = useState(quarters[0] ?? '');
  const [text, setText] = useState('');
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const page = usePageData('dossier', 'summary', { periodId }, { reset: true, onData: (x) => setText(x.text) });
  const s = page.data;

  const editable = !!s && s.open && periodId === quarters[0];

  const save = async () => {
    if (saving) return;
    const parsed = contracts.dossier.saveSummary.input.safeParse({ text });
    if (!parsed.success) {
      setSaveError(parsed.error.issues[0]?.message ?? '请检查填写内容');
      return;
    }
    setSaving(true);
    setSaveError(null);
    const r = await call('dossier', 'saveSummary', { text });
    setSaving(false);
    if (r.code === 0) {
      page.setData(r.data);
      void Taro.showToast({ title: '已保存', icon: 'success' });
    } else setSaveError(r.code === 'INVALID_INPUT' && r.details?.[0] ? r.details[0].message : r.message);
  };

  return (
    <View className='page' id='summary-page'>
      <View className='page-hd'>
        <View className='page-title' id='summary-title'>
          季度小结 · {quarterLabel(periodId)}
        </View>
        {s?.updatedAt ? (
          <View className='page-desc' id='summary-updated'>
            最近保存 {parkTimeText(s.updatedAt)}
          </View>
        ) : null}
      </View>
      <QuarterChips value={periodId} options={quarters} onChange={setPeriodId} idPrefix='summary-quarter' />
      <LoadStatus page={page} />
      {s && !editable && (
        <View className='tips' id='summary-closed'>
          {s.open ? '只能编辑本季度的小结。' : '本季度已关闭，小结只读。'}
        </View>
      )}
      {s && (
        <View className='cells'>
          <View className='cell' style={{ display: 'block' }}>
            {editable ? (
              <Textarea
                id='summary-text'
                className='textarea textarea-tall'
                value={text}
                maxlength={MAX}
                placeholder='本季度主要工作、完成情况、存在不足和下步打算（至少10个字）'
                onInput={(e) => {
                  setText(e.detail.value);
                  setSaveError(null);
                }}
              />
            ) : (
              <View id='summary-text' className='readonly-text'>
                {s.text || '（未填写）'}
              </View>
            )}
            {editable && (
              <View className='counter' id='summary-counter'>
                {text.length}/{MAX}
              </View>
            )}
          </View>
        </View>
      )}
      {saveError && (
        <View className='field-error' id='summary-error'>
          {saveError}
        </View>
      )}
      {editable && (
        <View className='btn-area'>
          <Button id='summary-save' className={`btn btn-primary${saving ? ' btn-disabled' : ''}`} disabled={saving} onClick={() => void save()}>
            {saving ? '正在保存…' : '保存小结'}
          </Button>
        </View>
      )}
      <View className='tips'>
        <Text>季度结束前可随时修改，以最后一次保存为准。</Text>
      </View>
    </View>
  );
}

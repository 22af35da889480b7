import { Button, Input, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { canCall } from '../../../../shared/access';
import { parkTimeText, quarterLabel, shiftQuarter } from '../../../../shared/common/time';
import { call } from '../../common/call';
import { TextareaCell } from '../../common/cells';
import { FieldError, detailsOrForm } from '../../common/form';
import { currentQuarter } from '../../common/today';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';

/**
 * The park's quarterly bulletins (考核通报), newest first, for every member of staff; leaders draft the last closed
 * quarter's from its results, edit it (a paragraph a line) and publish it.
 */
export default function Bulletins() {
  const page = usePageData('feedback', 'bulletins', {}, { pullDown: true });
  const me = usePageData('members', 'me', {}).data;
  const mayPublish = !!me && canCall(me.roles, 'feedback', 'publishBulletin');
  const [periodId] = useState(() => shiftQuarter(currentQuarter(), -1));
  const [draft, setDraft] = useState<{ title: string; text: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const list = page.data?.bulletins ?? [];
  const published = list.some((b) => b.periodId === periodId);

  const startDraft = async () => {
    setBusy(true);
    const r = await call('feedback', 'bulletinDraft', { periodId });
    setBusy(false);
    if (r.code === 0) setDraft({ title: r.data.title, text: r.data.paragraphs.join('\n') });
    else setErrors(detailsOrForm(r));
  };
  const publish = async () => {
    if (!draft || busy) return;
    setBusy(true);
    const paragraphs = draft.text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    const r = await call('feedback', 'publishBulletin', { periodId, title: draft.title, paragraphs });
    setBusy(false);
    if (r.code === 0) {
      setDraft(null);
      setErrors({});
      void Taro.showToast({ title: '已发布', icon: 'success' });
      void page.reload();
    } else setErrors(detailsOrForm(r));
  };
  return (
    <View className='page' id='bulletins-page'>
      {mayPublish && !published && !draft && (
        <View className='btn-area'>
          <Button className='btn btn-default' id='bulletin-draft' disabled={busy} onClick={() => void startDraft()}>
            起草{quarterLabel(periodId)}通报
          </Button>
        </View>
      )}
      {draft && (
        <View id='bulletin-form'>
          <View className='cells'>
            <View className='cell'>
              <Input id='bulletin-title' className='input' value={draft.title} onInput={(e) => setDraft({ ...draft, title: e.detail.value })} />
            </View>
            <TextareaCell id='bulletin-text' small={false} value={draft.text} maxlength={8000} onChange={(text) => setDraft({ ...draft, text })} />
          </View>
          <View className='btn-area'>
            <Button className='btn btn-primary' id='bulletin-publish' disabled={busy} onClick={() => void publish()}>
              发布通报
            </Button>
          </View>
        </View>
      )}
      <FieldError id='bulletin-error' text={errors.form ?? Object.values(errors)[0]} />
      <LoadStatus page={page} />
      {page.data && list.length === 0 && <View className='empty'>尚无通报</View>}
      {list.map((b) => (
        <View key={b.periodId} id={`bulletin-${b.periodId}`}>
          <View className='cells-title'>
            {b.title} · {b.publishedByName} {parkTimeText(b.publishedAt)}
          </View>
          <View className='cells'>
            <View className='cell' style={{ display: 'block' }}>
              {b.paragraphs.map((p, i) => (
                <View key={i} className='cell-sub'>
                  {p}
                </View>
              ))}
            </View>
          </View>
        </View>
      ))}
    </View>
  );
}

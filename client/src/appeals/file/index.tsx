import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useRef, useState } from 'react';
import { APPEAL_CATEGORIES, type AppealCategory } from '../../../../shared/appeals/appeal';
import { APPEALS } from '../../../../shared/appeals/config';
import '../../../../shared/common/zod-locale';
import { contracts } from '../../../../shared/contracts';
import { call } from '../../common/call';
import { FieldError, detailsOrForm, issuesByField } from '../../common/form';
import { PAGES } from '../../common/pages';
import { parkToday } from '../../common/today';
import { PhotoPicker, usePhotos } from '../../common/use-photos';
import { usePageData } from '../../common/use-page-data';
import { useFieldErrors } from '../../common/use-field-errors';
import { RetryNote, useRequest } from '../../common/use-request';

const CATEGORIES = Object.entries(APPEAL_CATEGORIES) as [AppealCategory, string][];

/**
 * An enterprise contact files an appeal (企业诉求) for their enterprise: a category, what it is about, and photos
 * (uploaded to reports/<memberId>/). It goes to the enterprise's liaison cadre; the page then shows the appeal.
 */
export default function FileAppeal() {
  const me = usePageData('members', 'me', {}).data;
  const [category, setCategory] = useState<AppealCategory | null>(null);
  const [text, setText] = useState('');
  // A message about a field goes once the person changes what it was about.
  const [errors, setErrors] = useFieldErrors([category, text]);
  const { photos, choose: choosePhotos, remove: removePhoto, uploadAll } = usePhotos(() => setErrors(({ photoFileIds: _gone, ...rest }) => rest));
  const [submitting, setSubmitting] = useState(false);
  const request = useRequest();
  const busy = useRef(false);

  const submit = async () => {
    if (busy.current) return;
    const input = { category: category as AppealCategory, text, photoFileIds: [] as string[] };
    const parsed = contracts.appeals.file.input.safeParse(input);
    if (!parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    busy.current = true;
    setSubmitting(true);
    setErrors({});
    try {
      const uploaded = await uploadAll(me ? me.memberId : '', parkToday());
      if (uploaded.code !== 0) {
        setErrors({ photoFileIds: uploaded.message });
        return;
      }
      const r = await call('appeals', 'file', { ...input, photoFileIds: uploaded.data }, request.options);
      request.settle(r.code === 0);
      if (r.code === 0) {
        void Taro.showToast({ title: '已提交', icon: 'success' });
        const url = PAGES.appeals.detail(r.data.id);
        setTimeout(() => void Taro.redirectTo({ url }), 800);
      } else setErrors(detailsOrForm(r));
    } finally {
      busy.current = false;
      setSubmitting(false);
    }
  };

  return (
    <View className='page' id='file-page'>
      <View className='cells-title'>诉求类别</View>
      <View className='cells'>
        <View className='cell'>
          <View className='seg'>
            {CATEGORIES.map(([k, label]) => (
              <View key={k} id={`file-category-${k}`} className={`seg-item${category === k ? ' seg-on' : ''}`} onClick={() => setCategory(k)}>
                {label}
              </View>
            ))}
          </View>
        </View>
      </View>
      <FieldError id='file-error-category' text={errors.category} />

      <View className='cells-title'>诉求内容</View>
      <View className='cells'>
        <View className='cell' style={{ display: 'block' }}>
          <Textarea
            id='file-text'
            className='textarea'
            value={text}
            maxlength={APPEALS.textMax}
            placeholder='遇到的困难、希望园区协调解决的事项'
            onInput={(e) => setText(e.detail.value)}
          />
          <View className='counter' id='file-text-counter'>
            {text.length}/{APPEALS.textMax}
          </View>
        </View>
      </View>
      <FieldError id='file-error-text' text={errors.text} />

      <PhotoPicker idPrefix='file' optional photos={photos} onAdd={() => void choosePhotos()} onRemove={removePhoto} />
      <FieldError id='file-error-photos' text={errors.photoFileIds} />
      <FieldError id='file-error-form' text={errors.form} />

      <View className='btn-area'>
        <Button
          id='file-submit'
          className={`btn btn-primary${submitting ? ' btn-disabled' : ''}`}
          disabled={submitting}
          onClick={() => void submit()}
        >
          {submitting ? '正在提交…' : '提交'}
        </Button>
        <RetryNote retrying={request.retrying} id='file-retrying' />
      </View>
      <View className='tips'>
        <Text>诉求提交后由企业的包联干部受理，一般在{APPEALS.resolveWithinWorkdays}个工作日内办结；办结后请确认并评价。</Text>
      </View>
    </View>
  );
}

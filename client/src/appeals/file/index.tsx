import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { APPEAL_CATEGORIES, type AppealCategory } from '../../../../shared/appeals/appeal';
import { APPEALS } from '../../../../shared/appeals/config';
import { FormButtons, SegCell, TextareaCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { PAGES } from '../../common/pages';
import { parkToday } from '../../common/today';
import { PhotoPicker, usePhotos } from '../../common/use-photos';
import { usePageData } from '../../common/use-page-data';
import { RetryNote } from '../../common/use-request';
import { useSubmit } from '../../common/use-submit';

const CATEGORIES = (Object.entries(APPEAL_CATEGORIES) as [AppealCategory, string][]).map(([key, label]) => ({ key, label }));

/**
 * An enterprise contact files an appeal (企业诉求) for their enterprise: a category, what it is about, and photos
 * (uploaded to reports/<memberId>/). It goes to the enterprise's liaison cadre; the page then shows the appeal.
 */
export default function FileAppeal() {
  const me = usePageData('members', 'me', {}).data;
  const [category, setCategory] = useState<AppealCategory | null>(null);
  const [text, setText] = useState('');
  // A message about a field goes once the person changes what it was about.
  const form = useSubmit('appeals', 'file', [category, text]);
  const { errors, setErrors } = form;
  const { photos, choose: choosePhotos, remove: removePhoto, uploadAll } = usePhotos(() => setErrors(({ photoFileIds: _gone, ...rest }) => rest));

  const submit = () =>
    form.submit(
      // no category yet: the contract says to choose one
      { category: category as AppealCategory, text, photoFileIds: [] },
      (r) => {
        void Taro.showToast({ title: '已提交', icon: 'success' });
        const url = PAGES.appeals.detail(r.id);
        setTimeout(() => void Taro.redirectTo({ url }), 800);
      },
      {
        // the photos go up once the form is sound, into the contact's folder
        prepare: async (input) => {
          const uploaded = await uploadAll(me ? me.memberId : '', parkToday());
          if (uploaded.code === 0) return { ...input, photoFileIds: uploaded.data };
          setErrors({ photoFileIds: uploaded.message });
          return null;
        },
      },
    );

  return (
    <View className='page' id='file-page'>
      <View className='cells-title'>诉求类别</View>
      <View className='cells'>
        <SegCell idPrefix='file-category' options={CATEGORIES} value={category} onChange={setCategory} />
      </View>
      <FieldError id='file-error-category' text={errors.category} />

      <View className='cells-title'>诉求内容</View>
      <View className='cells'>
        <TextareaCell
          id='file-text'
          small={false}
          counter
          value={text}
          maxlength={APPEALS.textMax}
          placeholder='遇到的困难、希望园区协调解决的事项'
          onChange={setText}
        />
      </View>
      <FieldError id='file-error-text' text={errors.text} />

      <PhotoPicker idPrefix='file' optional photos={photos} onAdd={() => void choosePhotos()} onRemove={removePhoto} />
      <FieldError id='file-error-photos' text={errors.photoFileIds} />
      <FieldError id='file-error-form' text={errors.form} />

      <FormButtons id='file-submit' text='提交' busy={form.busy} busyText='正在提交…' onClick={submit}>
        <RetryNote retrying={form.retrying} id='file-retrying' />
      </FormButtons>
      <View className='tips'>
        <Text>诉求提交后由企业的包联干部受理，一般在{APPEALS.resolveWithinWorkdays}个工作日内办结；办结后请确认并评价。</Text>
      </View>
    </View>
  );
}

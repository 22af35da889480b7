import { useState } from 'react';
import Taro from '@tarojs/taro';
import { Button, View } from '@tarojs/components';
import '../../../../shared/common/zod-locale';
import { YEAR_STATUS_LABELS } from '../../../../shared/annual/eligibility';
import { DEFAULT_NO_GRADE, YEAR_STATUSES, type YearStatusKind } from '../../../../shared/park/park';
import { CheckCell, InputCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { PAGES } from '../../common/pages';
import { BackLink, LoadStatus } from '../../common/ui';
import { useSubmit } from '../../common/use-submit';
import { usePageData } from '../../common/use-page-data';
import { RetryNote } from '../../common/use-request';

type HeadScoring = 'overseeing' | 'anyLeader';
type NoGrade = Record<YearStatusKind, boolean>;

const HEAD_SCORING: { key: HeadScoring; label: string; sub: string }[] = [
  { key: 'overseeing', label: '分管领导', sub: '每个股室的负责人由分管该股室的班子成员评价' },
  { key: 'anyLeader', label: '任一班子成员', sub: '任何一位班子成员都可以评价股室负责人' },
];

/**
 * 园区设置: the park's name and who scores the section heads (考人). The name comes from park.status, the setting
 * from park.sectionsAdmin (the one action that reads the park's settings).
 */
export default function Settings() {
  const status = usePageData('park', 'status', {});
  const sections = usePageData('park', 'sectionsAdmin', {});
  const ready = status.data && sections.data;
  return (
    <View className='page' id='settings-page'>
      <View className='page-hd'>
        <View className='page-title'>园区设置</View>
        <View className='page-desc'>园区名称显示在绑定页和园区名录上；股室负责人的考人评分按这里的设置分配。</View>
      </View>
      <LoadStatus page={status.error ? status : sections} />
      {ready && (
        <SettingsForm
          parkName={status.data?.name ?? ''}
          headScoring={sections.data?.settings.headScoring ?? 'overseeing'}
          noGrade={sections.data?.settings.noGrade ?? DEFAULT_NO_GRADE}
        />
      )}
      <BackLink id='settings-back' label='返回园区名录' url={PAGES.park.directory} />
    </View>
  );
}

function SettingsForm(p: { parkName: string; headScoring: HeadScoring; noGrade: NoGrade }) {
  const [parkName, setParkName] = useState(p.parkName);
  const [headScoring, setHeadScoring] = useState<HeadScoring>(p.headScoring);
  const [noGrade, setNoGrade] = useState<NoGrade>(p.noGrade);
  const form = useSubmit('park', 'saveSettings', [parkName, headScoring, noGrade]);
  const { errors, busy } = form;

  const save = () => form.submit({ parkName, headScoring, noGrade }, () => void Taro.showToast({ title: '已保存', icon: 'success' }));

  return (
    <View id='settings-form'>
      <View className='cells'>
        <InputCell
          id='settings-park'
          label='园区名称'
          value={parkName}
          onChange={setParkName}
          placeholder='如 吉州工业园区'
          maxlength={30}
          error={errors.parkName}
        />
      </View>
      <View className='cells-title'>股室负责人由谁评价（考人）</View>
      <View className='cells' id='settings-head'>
        {HEAD_SCORING.map((h) => (
          <CheckCell
            key={h.key}
            id={`settings-head-${h.key}`}
            label={h.label}
            sub={h.sub}
            round
            checked={headScoring === h.key}
            onChange={() => setHeadScoring(h.key)}
          />
        ))}
      </View>
      <View className='cells-title'>年度考核不确定等次的情形（只写评语，不计入优秀名额基数）</View>
      <View className='cells' id='settings-nograde'>
        {YEAR_STATUSES.map((k) => (
          <CheckCell
            key={k}
            id={`settings-nograde-${k}`}
            label={YEAR_STATUS_LABELS[k]}
            checked={noGrade[k]}
            onChange={(on) => setNoGrade({ ...noGrade, [k]: on })}
          />
        ))}
      </View>
      <FieldError id='settings-error' text={errors.headScoring ?? errors.noGrade ?? errors.form} />
      <RetryNote retrying={form.retrying} id='settings-retrying' />
      <View className='btn-area'>
        <Button id='settings-save' className='btn btn-primary' disabled={busy} onClick={() => void save()}>
          保存设置
        </Button>
      </View>
    </View>
  );
}

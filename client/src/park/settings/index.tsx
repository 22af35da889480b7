import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import '../../../../shared/common/zod-locale';
import { YEAR_STATUS_LABELS } from '../../../../shared/annual/eligibility';
import { DEFAULT_NO_GRADE, YEAR_STATUSES, type YearStatusKind } from '../../../../shared/park/park';
import { CheckCell, FormButtons, InputCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { PAGES } from '../../common/pages';
import { BackLink, LoadStatus } from '../../common/ui';
import { useForm } from '../../common/use-submit';
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
  const form = useForm('park', 'saveSettings', { parkName: p.parkName, headScoring: p.headScoring, noGrade: p.noGrade });
  const { fields, set, bind, errors } = form;
  const { headScoring, noGrade } = fields;

  const save = () => form.submit(fields, () => void Taro.showToast({ title: '已保存', icon: 'success' }));

  return (
    <View id='settings-form'>
      <View className='cells'>
        <InputCell id='settings-park' label='园区名称' placeholder='如 吉州工业园区' maxlength={30} {...bind('parkName')} />
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
            onChange={() => set({ headScoring: h.key })}
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
            onChange={(on) => set({ noGrade: { ...noGrade, [k]: on } })}
          />
        ))}
      </View>
      <FieldError id='settings-error' text={errors.headScoring ?? errors.noGrade ?? errors.form} />
      <RetryNote retrying={form.retrying} id='settings-retrying' />
      <FormButtons id='settings-save' text='保存设置' busy={form.busy} onClick={save} />
    </View>
  );
}

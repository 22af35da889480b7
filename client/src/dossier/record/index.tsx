import { Picker, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LIMITS } from '../../../../shared/common/config';
import type { DossierView, SelfReportKind } from '../../../../shared/dossier/contract';
import type { EnterpriseItem } from '../../../../shared/park/contract';
import { FormButtons, SegCell, TextareaCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { PAGES } from '../../common/pages';
import { SearchPicker } from '../../common/SearchPicker';
import { ENTERPRISES } from '../../park/enterprise-search';
import { parkToday } from '../../common/today';
import { PhotoPicker, usePhotos } from '../../common/use-photos';
import { usePageData } from '../../common/use-page-data';
import { RetryNote } from '../../common/use-request';
import { useSubmit } from '../../common/use-submit';

// Appeals resolved and project milestones count by themselves (appeals.confirm, projects.reach), never self-reported.
const KINDS: { key: SelfReportKind; label: string }[] = [
  { key: 'enterprise_visit', label: '走访企业' },
  { key: 'achievement', label: '其他实绩' },
];
const needsEnterprise = (k: SelfReportKind) => k === 'enterprise_visit';

/** The days a report may be dated and whether one may be made: the dossier's quarter; this year until it answers. */
function reportWindow(d: DossierView | null, today: string): { firstDay: string; lastDay: string; open: boolean } {
  return d ? { firstDay: d.firstDay, lastDay: d.lastDay, open: d.open } : { firstDay: `${today.slice(0, 4)}-01-01`, lastDay: today, open: true };
}

/**
 * Record day-to-day work (工作实绩): an enterprise visit or another achievement, with up to LIMITS.photosPerReport photos (uploaded to reports/<memberId>/). The one reporting form.
 */
export default function Record() {
  const today = parkToday();
  // `?kind=` opens the form on one kind (the dossier's 记录走访 opens it on enterprise_visit).
  const { params } = useRouter();
  const [kind, setKind] = useState<SelfReportKind>(KINDS.find((x) => x.key === params.kind)?.key ?? 'enterprise_visit');
  // Who reports (their photo folder), the quarter's days and whether it is open.
  const me = usePageData('members', 'me', {}).data;
  const { firstDay, lastDay, open } = reportWindow(usePageData('dossier', 'mine', {}).data, today);
  const [chosen, setChosen] = useState<EnterpriseItem | null>(null);
  const [date, setDate] = useState(today);
  const [note, setNote] = useState('');
  // A message about a field goes once the person changes what it was about.
  const form = useSubmit('dossier', 'record', [kind, chosen, date, note], { patient: true });
  const { errors, setErrors } = form;
  const { photos, choose: choosePhotos, remove: removePhoto, uploadAll } = usePhotos(() => setErrors(({ photoFileIds: _gone, ...rest }) => rest));

  const endDay = lastDay < today ? lastDay : today;

  const submit = () =>
    form.submit(
      { kind, date, enterpriseId: needsEnterprise(kind) ? (chosen?.id ?? null) : null, note, photoFileIds: [] },
      (r) => {
        void Taro.showToast({ title: '已记录', icon: 'success' });
        // a visit goes on to its confirmation code, for the enterprise's contact to scan there and then
        const next = kind === 'enterprise_visit' ? PAGES.dossier.visitCode(r.recordedId) : null;
        setTimeout(() => void (next ? Taro.redirectTo({ url: next }) : Taro.navigateBack()), 800);
      },
      {
        // the photos go up once the form is sound: into the reporter's folder, under the report's day
        prepare: async (input) => {
          const uploaded = await uploadAll(me ? me.memberId : '', date);
          if (uploaded.code === 0) return { ...input, photoFileIds: uploaded.data };
          setErrors({ photoFileIds: uploaded.message });
          return null;
        },
      },
    );

  return (
    <View className='page' id='record-page'>
      {!open && <View className='error-box'>本季度已关闭，不能再记录</View>}
      <View className='cells-title'>实绩类型</View>
      <View className='cells'>
        <SegCell
          idPrefix='record-kind'
          options={KINDS}
          value={kind}
          onChange={(k) => {
            setKind(k);
            setErrors({});
          }}
        />
      </View>

      {/* kept mounted (hidden) when not needed: unmounting Taro's h5 input mid-update upsets it */}
      <View style={{ display: needsEnterprise(kind) ? 'block' : 'none' }}>
        <View className='cells-title'>企业</View>
        <SearchPicker
          id='record-enterprise'
          kind={ENTERPRISES}
          chosen={chosen && ENTERPRISES.row(chosen)}
          onChoose={setChosen}
          error={errors.enterpriseId}
          active={needsEnterprise(kind)}
        />
      </View>

      <View className='tips' id='record-auto-note'>
        企业诉求办结在企业确认后、重点项目节点在按期完成后自动计入档案，无需在此填报。
        <Text className='link' id='record-projects-link' onClick={() => void Taro.navigateTo({ url: PAGES.projects.list() })}>
          查看重点项目
        </Text>
      </View>

      <View className='cells-title'>日期</View>
      <View className='cells'>
        <Picker mode='date' value={date} start={firstDay} end={endDay} onChange={(e) => setDate(String(e.detail.value))}>
          <View className='cell cell-access' id='record-date'>
            <View className='cell-bd'>日期</View>
            <View className='cell-ft' id='record-date-value'>
              {date}
            </View>
          </View>
        </Picker>
      </View>
      <FieldError id='record-error-date' text={errors.date} />

      <View className='cells-title'>工作情况</View>
      <View className='cells'>
        <TextareaCell
          id='record-note'
          small={false}
          counter
          value={note}
          maxlength={LIMITS.reportNoteMax}
          placeholder='做了什么、结果如何'
          onChange={setNote}
        />
      </View>
      <FieldError id='record-error-note' text={errors.note} />

      <PhotoPicker idPrefix='record' optional photos={photos} onAdd={() => void choosePhotos()} onRemove={removePhoto} />
      <FieldError id='record-error-photos' text={errors.photoFileIds} />
      <FieldError id='record-error-form' text={errors.form ?? errors.kind} />

      <FormButtons id='record-submit' text='提交' busy={form.busy} busyText='正在提交…' disabled={!open} onClick={submit}>
        <RetryNote retrying={form.retrying} id='record-retrying' />
      </FormButtons>
      <View className='tips'>
        <Text>走访、诉求、项目进展计入绩效档案的季度目标。</Text>
      </View>
    </View>
  );
}

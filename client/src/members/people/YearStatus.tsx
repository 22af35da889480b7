import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import '../../../../shared/common/zod-locale';
import { YEAR_STATUS_LABELS } from '../../../../shared/annual/eligibility';
import type { PersonView } from '../../../../shared/members/contract';
import { YEAR_STATUSES } from '../../../../shared/park/park';
import { FormButtons, PickerCell, TextareaCell } from '../../common/cells';
import { FieldError } from '../../common/form';
import { parkToday } from '../../common/today';
import { useSubmit } from '../../common/use-submit';

const KINDS = ['none', ...YEAR_STATUSES] as const;
const LABELS = ['正常参加等次评定', ...YEAR_STATUSES.map((k) => YEAR_STATUS_LABELS[k])];

/**
 * 本年度考核情形 (members.yearStatus): a new recruit's probation year, leave of more than half the year, an
 * investigation not closed — assessed without a grade, as the park's settings say; or back to an ordinary year.
 */
export function YearStatus({ person, onChanged }: { person: PersonView; onChanged: (p: PersonView) => void }) {
  const year = Number(parkToday().slice(0, 4));
  const current = person.yearStatus?.year === year ? person.yearStatus.kind : 'none';
  const [kind, setKind] = useState<(typeof KINDS)[number]>(current);
  const [note, setNote] = useState('');
  const form = useSubmit('members', 'yearStatus', [kind, note]);
  const { errors } = form;

  const save = () =>
    form.submit({ memberId: person.memberId, year, kind, note }, (p) => {
      void Taro.showToast({ title: '已登记', icon: 'success' });
      onChanged(p);
    });

  return (
    <View id='person-year'>
      <View className='cells-title'>{year}年度考核情形</View>
      <View className='cells'>
        <PickerCell id='person-year-kind' label='情形' options={LABELS} index={KINDS.indexOf(kind)} onChange={(i) => setKind(KINDS[i] ?? 'none')} />
        <TextareaCell
          id='person-year-note'
          value={note}
          onChange={setNote}
          placeholder='说明（必填），如 2026年9月新录用，试用期一年'
          maxlength={300}
        />
      </View>
      <FieldError id='person-year-error' text={errors.note ?? errors.kind ?? errors.form} />
      <View className='tips'>试用期、长期病事假、立案审查未结案的，参加考核只写评语、不确定等次（以园区设置为准），重新计算年度结果时生效。</View>
      <FormButtons id='person-year-save' text='登记' look='default' busy={form.busy} disabled={kind === current} tight onClick={save} />
    </View>
  );
}

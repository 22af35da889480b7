/** Small helpers shared by the assessment pages. Form helpers live in ../lib/form, dates in shared/time. */
import { View } from '@tarojs/components';
import { shiftQuarter } from '../../../shared/common/time';
import { currentQuarter } from '../lib/today';
export { FieldError, detailsOrForm, issuesByField, num } from '../lib/form';
export { parkTimeText } from '../../../shared/common/time';

export const ASSESS_PAGES = {
  record: '/assess/record/index',
  projects: '/assess/projects/index',
  summary: '/assess/summary/index',
  result: (memberId?: string, periodId?: string) =>
    `/assess/result/index${query({ memberId, periodId })}`,
  staff: '/assess/staff/index',
  evaluateStaff: (memberId: string) => `/assess/evaluate-staff/index?memberId=${encodeURIComponent(memberId)}`,
  evaluateSection: '/assess/evaluate-section/index',
  ranking: (periodId?: string) => `/assess/ranking/index${query({ periodId })}`,
  spot: '/assess/spot/index',
  period: '/assess/period/index',
  checklist: (memberId?: string) => `/indicators/checklist/index${query({ memberId })}`,
};

function query(q: Record<string, string | undefined>): string {
  const parts = Object.entries(q).flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v)}`] : []));
  return parts.length ? `?${parts.join('&')}` : '';
}

export { currentQuarter } from '../lib/today';
export { shiftQuarter } from '../../../shared/common/time';

/** The current quarter and the `back` before it, newest first. */
export function recentQuarters(back = 3, now: number = Date.now()): string[] {
  const cur = currentQuarter(now);
  return Array.from({ length: back + 1 }, (_, i) => shiftQuarter(cur, -i));
}

/** 2026Q2 → 26年Q2 (short, for chips). */
export const shortQuarter = (id: string) => id.replace(/^\d{2}(\d{2})Q/, '$1年Q');

/** Quarter chips: one tap switches. */
export function QuarterChips({ value, options, onChange, idPrefix = 'quarter' }: { value: string; options: string[]; onChange: (q: string) => void; idPrefix?: string }) {
  return (
    <View className='chips' id={`${idPrefix}-chips`}>
      {options.map((q) => (
        <View key={q} id={`${idPrefix}-${q}`} className={`chip${q === value ? ' chip-on' : ''}`} onClick={() => onChange(q)}>
          {shortQuarter(q)}
          {q === options[0] ? '（本季）' : ''}
        </View>
      ))}
    </View>
  );
}

export const GRADE_TAG: Record<'good' | 'fair' | 'average' | 'poor', string> = { good: 'tag-ok', fair: 'tag-blue', average: 'tag-no', poor: 'tag-red' };

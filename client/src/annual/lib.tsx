/** What the annual pages share: the years offered, grade tags, and how a grade choice looks. */
import { View } from '@tarojs/components';
import { ANNUAL_GRADES, ANNUAL_GRADE_LABELS, type AnnualGrade } from '../../../shared/annual/grades';
import { parkToday } from '../common/today';

export const GRADE_TAG: Record<AnnualGrade, string> = { excellent: 'tag-ok', competent: 'tag-blue', basic: 'tag-no', incompetent: 'tag-red' };

/** This year and the two before: the years whose results people look at. */
export function yearsOffered(): number[] {
  const y = Number(parkToday().slice(0, 4));
  return [y, y - 1, y - 2];
}

export function YearChips({ value, onChange, idPrefix }: { value: number; onChange: (y: number) => void; idPrefix: string }) {
  return (
    <View className='chips' id={`${idPrefix}-years`}>
      {yearsOffered().map((y) => (
        <View key={y} id={`${idPrefix}-year-${y}`} className={`chip${y === value ? ' chip-on' : ''}`} onClick={() => onChange(y)}>
          {y}年度
        </View>
      ))}
    </View>
  );
}

export function GradeChoice({ value, onChange, idPrefix }: { value: AnnualGrade | null; onChange: (g: AnnualGrade) => void; idPrefix: string }) {
  return (
    <View className='seg'>
      {ANNUAL_GRADES.map((g) => (
        <View key={g} id={`${idPrefix}-${g}`} className={`seg-item${g === value ? ' seg-on' : ''}`} onClick={() => onChange(g)}>
          {ANNUAL_GRADE_LABELS[g]}
        </View>
      ))}
    </View>
  );
}

export const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;

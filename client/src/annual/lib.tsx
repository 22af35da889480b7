/** What the annual pages share: the years offered, grade tags, and how a grade choice looks. */
import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { Fail } from '../../../shared/common/errors';
import { ANNUAL_GRADES, ANNUAL_GRADE_LABELS, type AnnualGrade } from '../../../shared/annual/grades';
import { YearChips, yearsOffered } from '../common/YearChips';

export { YearChips, yearsOffered };

export const GRADE_TAG: Record<AnnualGrade, string> = { excellent: 'tag-ok', competent: 'tag-blue', basic: 'tag-no', incompetent: 'tag-red' };

/**
 * The year a results page shows: the one in `?year=`, else this year — and when this year has nothing to show yet
 * (not computed, not published), last year, once, saying why. `onFail` is for usePageData; `nothingYet` for an
 * answer that arrives but is empty (a ranking not computed).
 */
export function useAnnualYear(explicit: string | undefined) {
  const asked = Number(explicit) || null;
  const [year, setYear] = useState(asked ?? (yearsOffered()[0] as number));
  const [note, setNote] = useState<string | null>(null);
  const fellBack = useRef(false);
  const fallBack = (why: string): boolean => {
    if (asked || fellBack.current || year !== yearsOffered()[0]) return false;
    fellBack.current = true;
    setNote(why);
    setYear(year - 1);
    return true;
  };
  return {
    year,
    note,
    select: (y: number) => {
      fellBack.current = true;
      setNote(null);
      setYear(y);
    },
    onFail: (r: Fail): boolean => (r.code === 'NOT_READY' || r.code === 'NOT_FOUND') && fallBack(r.message),
    nothingYet: (why: string) => void fallBack(why),
  };
}

/** The year chips and, after a fall-back, why last year is shown. */
export function AnnualYearHeader({ y, idPrefix }: { y: ReturnType<typeof useAnnualYear>; idPrefix: string }) {
  return (
    <>
      <YearChips value={y.year} onChange={y.select} idPrefix={idPrefix} />
      {y.note && (
        <View className='tips' id={`${idPrefix}-note`}>
          {y.note}，以下为{y.year}年度结果。
        </View>
      )}
    </>
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

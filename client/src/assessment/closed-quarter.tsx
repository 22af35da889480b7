/**
 * The quarter a results page shows (ranking, a cadre's result): the one in `?periodId=`, else this quarter — and
 * when this quarter is not closed yet, the last closed one, saying so. Its chips and that note are one header.
 */
import { View } from '@tarojs/components';
import { useRef, useState } from 'react';
import type { Fail } from '../../../shared/common/errors';
import { QuarterChips } from '../common/QuarterChips';
import { recentQuarters } from '../common/today';

export function useClosedQuarter(explicit: string | undefined) {
  const quarters = recentQuarters(3);
  const options = explicit && !quarters.includes(explicit) ? [...quarters, explicit] : quarters;
  const [periodId, setPeriodId] = useState(explicit ?? quarters[0] ?? '');
  const [note, setNote] = useState<string | null>(null);
  const fellBack = useRef(false);
  return {
    periodId,
    options,
    note,
    select: (q: string) => {
      setNote(null);
      setPeriodId(q);
    },
    /** For usePageData's onFail: this quarter is not closed yet, so show the last closed one (once). */
    onFail: (r: Fail): boolean => {
      if (r.code !== 'NOT_READY' || explicit || fellBack.current || periodId !== quarters[0] || !quarters[1]) return false;
      fellBack.current = true;
      setNote(r.message);
      setPeriodId(quarters[1]);
      return true;
    },
  };
}

/** The quarter chips and, after a fall-back, why the last closed quarter is shown (`what`: 排名, 结果). */
export function ClosedQuarterHeader({ quarter, idPrefix, what }: { quarter: ReturnType<typeof useClosedQuarter>; idPrefix: string; what: string }) {
  return (
    <>
      <QuarterChips value={quarter.periodId} options={quarter.options} onChange={quarter.select} idPrefix={`${idPrefix}-quarter`} />
      {quarter.note && (
        <View className='tips' id={`${idPrefix}-note`}>
          {quarter.note}，以下为上季度{what}。
        </View>
      )}
    </>
  );
}

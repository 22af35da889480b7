/** What the assessment pages share. Quarter chips are in ../common/QuarterChips (the dossier's summary uses them too). */
export const GRADE_TAG: Record<'good' | 'fair' | 'average' | 'poor', string> = {
  good: 'tag-ok',
  fair: 'tag-blue',
  average: 'tag-no',
  poor: 'tag-red',
};

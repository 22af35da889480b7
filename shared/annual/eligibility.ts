/**
 * Who is assessed in a year but given no grade (《公务员考核规定》 and common practice; each a park setting, 园区设置):
 * a new recruit in the probation year (只写评语，不确定等次), someone on sick or personal leave for more than half the
 * year, someone under investigation until it closes. They are outside the 优秀 quota's base; their quarters stand.
 * (Someone who left the park before the year's end is graded by the unit they went to: cloudfunctions/annual/compute.)
 */
import type { NoGradeRules, YearStatusKind } from '../park/park';

export { DEFAULT_NO_GRADE, YEAR_STATUSES, type NoGradeRules, type YearStatusKind } from '../park/park';

export const YEAR_STATUS_LABELS: Record<YearStatusKind, string> = {
  probation: '新录用人员试用期内',
  leave: '病假、事假累计超过半年',
  investigation: '立案审查尚未结案',
};

/** `yearStatuses/{year}_{memberId}`: what the 组织员 recorded of a person's year, with the note and who. */
export interface YearStatusDoc {
  _id: string;
  year: number;
  memberId: string;
  kind: YearStatusKind;
  note: string;
  by: string;
  at: number;
  auditSeq: number;
}

export const yearStatusId = (year: number, memberId: string) => `${year}_${memberId}`;

/** Why a person gets no grade this year (in the words their result page shows), or null when they are graded. */
export function ungradedReason(status: Pick<YearStatusDoc, 'kind'> | undefined, rules: NoGradeRules): string | null {
  if (!status || !rules[status.kind]) return null;
  return `${YEAR_STATUS_LABELS[status.kind]}：参加考核，只写评语，不确定等次`;
}

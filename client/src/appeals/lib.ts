/** What the appeals pages share: the event and status words, the tabs of each list. */
import { OVERDUE_LABELS } from '../../../shared/appeals/appeal';
import type { AppealItem } from '../../../shared/appeals/contract';

export const EVENT_LABELS: Record<string, string> = {
  filed: '提交诉求',
  assigned: '改派',
  accepted: '受理',
  progress: '进展',
  resolved: '办结',
  confirmed: '确认办结',
  reopened: '退回重办',
  rated: '评价',
  reRated: '重新评价',
  calledBack: '回访',
  rectified: '整改',
  contested: '申诉差评',
  decided: '裁定',
};

export type MineState = 'open' | 'done';
export type InboxState = 'open' | 'overdue' | 'followUp' | 'done' | 'unassigned';

export const MINE_TABS: { state: MineState; label: string }[] = [
  { state: 'open', label: '办理中' },
  { state: 'done', label: '已办结' },
];

/** The park side's tabs; 待分派 only for the admin. */
export function inboxTabs(admin: boolean): { state: InboxState; label: string }[] {
  return [
    { state: 'open', label: '办理中' },
    { state: 'overdue', label: '超期' },
    { state: 'followUp', label: '差评跟进' },
    { state: 'done', label: '已办结' },
    ...(admin ? [{ state: 'unassigned' as const, label: '待分派' }] : []),
  ];
}

export const overdueText = (a: Pick<AppealItem, 'overdue'>): string => a.overdue.map((k) => OVERDUE_LABELS[k]).join('、');

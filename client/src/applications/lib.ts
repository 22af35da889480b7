/** Labels of an application's status and history, for the apply and review pages. */
export type AppStatus = 'pending_head' | 'pending_admin' | 'approved' | 'rejected';
export const APP_STATUS_LABELS: Record<AppStatus, string> = {
  pending_head: '待股室负责人审核',
  pending_admin: '待组织员审核',
  approved: '已通过',
  rejected: '已驳回',
};
export const APP_STATUS_TAG: Record<AppStatus, string> = { pending_head: 'tag-no', pending_admin: 'tag-no', approved: 'tag-ok', rejected: 'tag-red' };
export const ACTION_LABELS: Record<string, string> = {
  apply: '申报',
  approve_head: '股室负责人同意',
  reject_head: '股室负责人驳回',
  approve_admin: '组织员同意',
  reject_admin: '组织员驳回',
};

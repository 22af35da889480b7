/**
 * Small helpers of the indicator pages (indicators/ subpackage only: a module shared with assess/ would be hoisted
 * into the main package, so the few lines they both need are kept in each).
 */
import { Text } from '@tarojs/components';
import type { IndicatorClass, IndicatorKind } from "../../../shared/indicators/contract";
import { INDICATOR_CLASS_LABELS, INDICATOR_KIND_LABELS } from "../../../shared/indicators/indicator";

export { parkTimeText } from '../../../shared/common/time';
export { detailsOrForm, FieldError, issuesByField, num } from '../lib/form';

export const IND_PAGES = {
  checklist: (memberId?: string) => `/indicators/checklist/index${memberId ? `?memberId=${encodeURIComponent(memberId)}` : ''}`,
  apply: '/indicators/apply/index',
  review: '/indicators/review/index',
  library: '/indicators/library/index',
  tree: '/indicators/tree/index',
};

const CLASS_TAG: Record<IndicatorClass, string> = { key: 'tag-key', personal: 'tag-personal', incentive: 'tag-incentive' };

/** 关键 / 个性 / 激励 */
export function ClassTag({ cls, id }: { cls: IndicatorClass; id?: string }) {
  return (
    <Text className={`tag ${CLASS_TAG[cls]}`} id={id}>
      {INDICATOR_CLASS_LABELS[cls].replace('指标', '')}
    </Text>
  );
}

export function KindTag({ kind, id }: { kind: IndicatorKind; id?: string }) {
  return (
    <Text className='tag tag-grey' id={id}>
      {INDICATOR_KIND_LABELS[kind]}
    </Text>
  );
}

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

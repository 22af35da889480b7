import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { LoadStatus } from '../../common/ui';
import { usePageData } from '../../common/use-page-data';
import { StaffEvaluationForm } from './StaffEvaluationForm';

/**
 * 考人: the evaluator's overall score of a cadre (0–100), a grade for each qualitative item of the cadre's checklist
 * and the actual value of each quantitative item the dossier does not count.
 */
export default function EvaluateStaff() {
  const { params } = useRouter();
  const memberId = params.memberId ?? '';
  const checklist = usePageData('indicators', 'checklist', memberId ? { memberId } : null, {
    onData: (x) => void Taro.setNavigationBarTitle({ title: `考人评分 · ${x.memberName}` }),
  });
  // What the caller already gave this quarter (none, or no answer: an empty form).
  const mine = usePageData('assessment', 'myEvaluations', memberId ? {} : null);
  const c = mine.loading ? null : checklist.data;
  const missing = memberId ? null : { code: 'INVALID_INPUT' as const, message: '缺少人员编号' };

  return (
    <View className='page' id='es-page'>
      {c ? (
        <StaffEvaluationForm key={memberId} memberId={memberId} checklist={c} prev={mine.data?.staff.find((e) => e.memberId === memberId)} />
      ) : (
        <LoadStatus page={{ data: null, error: missing ?? checklist.error, reload: checklist.reload }} />
      )}
    </View>
  );
}

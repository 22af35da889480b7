import { Button, View } from '@tarojs/components';
import { RetryNote, type Retrying } from '../../common/use-request';

/** The foot of the ballot: what still stops it, then 提交测评, and once it passes the check the confirmation. */
export function BallotSubmit({
  problems,
  submitError,
  confirming,
  submitting,
  retrying,
  total,
  excellent,
  voidNote,
  onCheck,
  onConfirm,
  onCancel,
}: {
  problems: string[];
  submitError: string | null;
  confirming: boolean;
  submitting: boolean;
  /** The call is trying again by itself after a refusal for load or a lost connection. */
  retrying: Retrying | null;
  total: number;
  excellent: number;
  /** Why the count would drop this ballot as void, or null when it counts. */
  voidNote: string | null;
  onCheck: () => void;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <>
      {problems.length > 0 && (
        <View className='problems' id='ballot-problems'>
          <View className='problems-title'>还不能提交：</View>
          {problems.map((m, i) => (
            <View key={i} className='problem' id={`ballot-problem-${i}`}>
              {m}
            </View>
          ))}
        </View>
      )}
      {submitError && (
        <View className='field-error' id='ballot-error'>
          {submitError}
        </View>
      )}
      <View className='btn-area'>
        {confirming ? (
          <View id='ballot-confirm-box'>
            {voidNote && (
              <View className='problems' id='ballot-void-warning'>
                <View className='problems-title'>这张选票将不计入结果</View>
                <View className='problem'>{voidNote}</View>
                <View className='problem'>如需计入，请返回按每个人的实际表现修改；也可以仍按废票提交。</View>
              </View>
            )}
            <View className='tips' style={{ padding: '0 0 16px', textAlign: 'center' }}>
              共评价 {total} 人，总体优秀 {excellent} 人。提交后不能修改，确认提交？
            </View>
            {voidNote ? (
              <>
                <Button id='ballot-cancel' className='btn btn-primary' onClick={onCancel}>
                  返回修改
                </Button>
                <View style={{ height: '12px' }} />
                <Button
                  id='ballot-confirm'
                  className={`btn btn-default${submitting ? ' btn-disabled' : ''}`}
                  disabled={submitting}
                  onClick={onConfirm}
                >
                  {submitting ? '正在提交…' : '仍然提交（废票）'}
                </Button>
                <RetryNote retrying={retrying} id='ballot-retrying' />
              </>
            ) : (
              <>
                <Button
                  id='ballot-confirm'
                  className={`btn btn-primary${submitting ? ' btn-disabled' : ''}`}
                  disabled={submitting}
                  onClick={onConfirm}
                >
                  {submitting ? '正在提交…' : '确认提交'}
                </Button>
                <RetryNote retrying={retrying} id='ballot-retrying' />
                <View style={{ height: '12px' }} />
                <Button id='ballot-cancel' className='btn btn-default' onClick={onCancel}>
                  再看看
                </Button>
              </>
            )}
          </View>
        ) : (
          <Button id='ballot-submit' className='btn btn-primary' onClick={onCheck}>
            提交测评
          </Button>
        )}
      </View>
    </>
  );
}

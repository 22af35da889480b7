/**
 * One user intent, one request: the id every try of a submission carries (client/src/common/call.ts), kept until
 * it succeeds — so pressing 提交 again after a failure is the same request, and an action whose reply was lost
 * answers with its first reply instead of acting twice — and the page's word while the call tries again by itself.
 */
import { View } from '@tarojs/components';
import { useState } from 'react';
import { CALL_RETRY } from '../../../shared/common/retry';
import { newRequestId, type CallOptions } from './call';

export interface Retrying {
  attempt: number;
  of: number;
}

/**
 * `patient`: the page keeps what was filled in and says it is queueing, so it may wait as long as a burst on the
 * basic plan takes to drain (CALL_RETRY.patientAttempts) — the quarter's last-day reports, the year-end ballot.
 */
export function useRequest({ patient = false }: { patient?: boolean } = {}): {
  options: CallOptions;
  retrying: Retrying | null;
  settle(succeeded: boolean): void;
} {
  const [requestId, setRequestId] = useState(() => newRequestId());
  const [retrying, setRetrying] = useState<Retrying | null>(null);
  return {
    options: {
      requestId,
      onRetry: (attempt, of) => setRetrying({ attempt, of }),
      ...(patient ? { attempts: CALL_RETRY.patientAttempts } : {}),
    },
    retrying,
    settle: (succeeded) => {
      setRetrying(null);
      // the next submission is a new intent
      if (succeeded) setRequestId(newRequestId());
    },
  };
}

/** 提交人数较多，正在排队提交… while the call tries again by itself. */
export function RetryNote({ retrying, id }: { retrying: Retrying | null; id: string }) {
  if (!retrying) return null;
  return (
    <View className='tips' id={id} style={{ textAlign: 'center' }}>
      提交人数较多，正在排队提交…（第 {retrying.attempt}/{retrying.of} 次尝试，请勿离开本页）
    </View>
  );
}

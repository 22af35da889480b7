/**
 * How every form sends: the input parsed on the device with the action's own contract (its Chinese messages by
 * field, nothing sent), an optional question before sending (确定吗？), the call under one request id per intent
 * (use-request.tsx: pressing again after a failure is the same request), then the server's messages by field or
 * for the form — or `onDone` with the reply.
 */
import { useState } from 'react';
import type { z } from 'zod';
import '../../../shared/common/zod-locale';
import { contracts, type ActionName, type FnName, type InputOf, type OutputOf } from '../../../shared/contracts';
import { call } from './call';
import { detailsOrForm, issuesByField } from './form';
import { useFieldErrors } from './use-field-errors';
import { useRequest } from './use-request';

export function useSubmit<F extends FnName, A extends ActionName<F>>(fn: F, action: A, about: readonly unknown[], opts: { patient?: boolean } = {}) {
  const [errors, setErrors] = useFieldErrors(about);
  const [busy, setBusy] = useState(false);
  const request = useRequest(opts);
  const submit = async (input: InputOf<F, A>, onDone: (data: OutputOf<F, A>) => void, ask?: () => Promise<boolean>) => {
    if (busy) return;
    const schema = (contracts[fn] as Record<string, { input: z.ZodType }>)[action]?.input;
    const parsed = schema?.safeParse(input);
    if (parsed && !parsed.success) {
      setErrors(issuesByField(parsed.error.issues));
      return;
    }
    if (ask && !(await ask())) return;
    setBusy(true);
    const r = await call(fn, action, input, request.options);
    request.settle(r.code === 0);
    setBusy(false);
    if (r.code !== 0) {
      setErrors(detailsOrForm(r));
      return;
    }
    onDone(r.data);
  };
  return { errors, setErrors, busy, retrying: request.retrying, submit };
}

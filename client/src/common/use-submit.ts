/**
 * How every form sends: the input parsed on the device with the action's own contract (its Chinese messages by
 * field, nothing sent), an optional question before sending (确定吗？), what must be done once sending has begun
 * (the photos uploaded), the call under one request id per intent (use-request.tsx: pressing again after a failure
 * is the same request), then the server's messages by field or for the form — or `onDone` with the reply.
 */
import { useRef, useState } from 'react';
import type { z } from 'zod';
import '../../../shared/common/zod-locale';
import { contracts, type ActionName, type FnName, type InputOf, type OutputOf } from '../../../shared/contracts';
import { call } from './call';
import { detailsOrForm, issuesByField } from './form';
import { useFieldErrors } from './use-field-errors';
import { useRequest } from './use-request';

type Errors = Record<string, string>;

/** The steps a form may add between the device's check and the call. */
export interface SubmitSteps<I> {
  /** A question before sending (确定吗？): false sends nothing. */
  ask?: (input: I) => Promise<boolean>;
  /**
   * Once sending has begun (the button busy): what must come first — the photos uploaded, a check the contract
   * cannot make — giving the input to send, or null to send nothing (having said why with `setErrors`).
   */
  prepare?: (input: I) => Promise<I | null>;
  /** The page's own words for what the device found, where the contract's would not fit what was typed (a number typed as text). */
  reword?: (errors: Errors, issues: readonly z.core.$ZodIssue[]) => Errors;
}

export function useSubmit<F extends FnName, A extends ActionName<F>>(fn: F, action: A, about: readonly unknown[], opts: { patient?: boolean } = {}) {
  const [errors, setErrors] = useFieldErrors(about);
  const [busy, setBusy] = useState(false);
  // a second press before the page shows the first as busy sends nothing
  const sending = useRef(false);
  const request = useRequest(opts);
  /** `steps`: see SubmitSteps; a function alone is the question (`ask`). */
  const submit = async (
    input: InputOf<F, A>,
    onDone: (data: OutputOf<F, A>) => void,
    stepsOrAsk: SubmitSteps<InputOf<F, A>> | SubmitSteps<InputOf<F, A>>['ask'] = {},
  ) => {
    if (sending.current) return;
    const steps = typeof stepsOrAsk === 'function' ? { ask: stepsOrAsk } : stepsOrAsk;
    const schema = (contracts[fn] as Record<string, { input: z.ZodType }>)[action]?.input;
    const parsed = schema?.safeParse(input);
    if (parsed && !parsed.success) {
      const found = issuesByField(parsed.error.issues);
      setErrors(steps.reword ? steps.reword(found, parsed.error.issues) : found);
      return;
    }
    sending.current = true;
    try {
      if (steps.ask && !(await steps.ask(input))) return;
      setBusy(true);
      setErrors({});
      const ready = steps.prepare ? await steps.prepare(input) : input;
      if (ready === null) return;
      const r = await call(fn, action, ready, request.options);
      request.settle(r.code === 0);
      if (r.code !== 0) {
        setErrors(detailsOrForm(r));
        return;
      }
      onDone(r.data);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };
  return { errors, setErrors, busy, retrying: request.retrying, submit };
}

/**
 * A form whose fields are one object, sent with useSubmit (its messages go once the fields change): `set` a few
 * fields, or `bind(name)` a cell to one — its value, its change and its message.
 */
export function useForm<F extends FnName, A extends ActionName<F>, T extends object>(
  fn: F,
  action: A,
  initial: T | (() => T),
  opts: { patient?: boolean } = {},
) {
  const [fields, setFields] = useState(initial);
  const form = useSubmit(fn, action, [fields], opts);
  const set = (patch: Partial<T>) => setFields((f) => ({ ...f, ...patch }));
  const bind = <K extends keyof T & string>(key: K) => ({
    value: fields[key],
    onChange: (v: T[K]) => setFields((f) => ({ ...f, [key]: v })),
    error: form.errors[key],
  });
  return { ...form, fields, set, bind };
}

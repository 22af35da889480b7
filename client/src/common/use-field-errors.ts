import { useState } from 'react';

type Errors = Record<string, string>;

/**
 * A form's messages by field, which go once the person changes what they were about: each set of messages is
 * kept with the inputs it was about (`about`), and shown only while those are unchanged — no effect, no extra
 * render.
 */
export function useFieldErrors(about: readonly unknown[]): [Errors, (next: Errors | ((prev: Errors) => Errors)) => void] {
  const key = JSON.stringify(about);
  const [said, setSaid] = useState<{ key: string; errors: Errors }>({ key, errors: {} });
  const errors = said.key === key ? said.errors : {};
  const setErrors = (next: Errors | ((prev: Errors) => Errors)) =>
    setSaid((s) => {
      const prev = s.key === key ? s.errors : {};
      return { key, errors: typeof next === 'function' ? next(prev) : next };
    });
  return [errors, setErrors];
}

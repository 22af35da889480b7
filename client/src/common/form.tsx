/** Form helpers shared by every page that validates on the device and shows the server's field messages. */
import { View } from '@tarojs/components';
import type { FieldIssue } from '../../../shared/common/errors';

/** First message per field, from a zod parse on the device or the server's INVALID_INPUT details. */
export function issuesByField(issues: { path: string | readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = typeof i.path === 'string' ? i.path : i.path.map(String).join('.');
    const key = path.split('.')[0] || 'form';
    out[key] ??= i.message;
  }
  return out;
}

/** A failed reply as field messages: INVALID_INPUT's details by field, anything else as the form's message. */
export function detailsOrForm(r: { code: string; message: string; details?: FieldIssue[] }): Record<string, string> {
  if (r.code === 'INVALID_INPUT' && r.details && r.details.length > 0) return issuesByField(r.details);
  return { form: r.message };
}

/** A form that shows one message: its own, else the first field's. */
export function firstError(errors: Record<string, string>): string | undefined {
  return errors.form ?? Object.values(errors)[0];
}

export function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <View className='field-error' id={id}>
      {text}
    </View>
  ) : null;
}

/** A number typed into an input: empty → null, otherwise a number (NaN when it is not one). */
export function num(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  return Number(t);
}

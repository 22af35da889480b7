/** Small helpers shared by the assessment pages (assess/ subpackage only, so they stay out of the main package). */
import { View } from '@tarojs/components';
import type { FieldIssue } from '../../../shared/api/errors';
import { quarterOf } from '../../../shared/time';

export const ASSESS_PAGES = {
  record: '/assess/record/index',
  projects: '/assess/projects/index',
  summary: '/assess/summary/index',
  result: (memberId?: string, periodId?: string) =>
    `/assess/result/index${query({ memberId, periodId })}`,
  staff: '/assess/staff/index',
  evaluateStaff: (memberId: string) => `/assess/evaluate-staff/index?memberId=${encodeURIComponent(memberId)}`,
  evaluateSection: '/assess/evaluate-section/index',
  ranking: (periodId?: string) => `/assess/ranking/index${query({ periodId })}`,
  spot: '/assess/spot/index',
  period: '/assess/period/index',
  checklist: (memberId?: string) => `/indicators/checklist/index${query({ memberId })}`,
};

function query(q: Record<string, string | undefined>): string {
  const parts = Object.entries(q).flatMap(([k, v]) => (v ? [`${k}=${encodeURIComponent(v)}`] : []));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** The park's current quarter, e.g. 2026Q2 (UTC+8 when the JS engine lacks Intl time zones). */
export function currentQuarter(now: number = Date.now()): string {
  try {
    const q = quarterOf(now);
    if (/^\d{4}Q[1-4]$/.test(q)) return q;
  } catch {
    // fall through
  }
  const d = new Date(now + 8 * 3600 * 1000);
  return `${d.getUTCFullYear()}Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

export function shiftQuarter(id: string, by: number): string {
  const m = /^(\d{4})Q([1-4])$/.exec(id);
  if (!m) return id;
  const n = Number(m[1]) * 4 + Number(m[2]) - 1 + by;
  return `${Math.floor(n / 4)}Q${(n % 4) + 1}`;
}

/** The current quarter and the `back` before it, newest first. */
export function recentQuarters(back = 3, now: number = Date.now()): string[] {
  const cur = currentQuarter(now);
  return Array.from({ length: back + 1 }, (_, i) => shiftQuarter(cur, -i));
}

/** 2026Q2 → 26年Q2 (short, for chips). */
export const shortQuarter = (id: string) => id.replace(/^\d{2}(\d{2})Q/, '$1年Q');

/** Quarter chips: one tap switches. */
export function QuarterChips({ value, options, onChange, idPrefix = 'quarter' }: { value: string; options: string[]; onChange: (q: string) => void; idPrefix?: string }) {
  return (
    <View className='chips' id={`${idPrefix}-chips`}>
      {options.map((q) => (
        <View key={q} id={`${idPrefix}-${q}`} className={`chip${q === value ? ' chip-on' : ''}`} onClick={() => onChange(q)}>
          {shortQuarter(q)}
          {q === options[0] ? '（本季）' : ''}
        </View>
      ))}
    </View>
  );
}

/** Field errors from a zod parse (on device) or the server's INVALID_INPUT details: first message per field. */
export function issuesByField(issues: { path: string | readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const path = typeof i.path === 'string' ? i.path : i.path.map(String).join('.');
    const key = path.split('.')[0] || 'form';
    out[key] ??= i.message;
  }
  return out;
}

export function detailsOrForm(r: { code: string; message: string; details?: FieldIssue[] }): Record<string, string> {
  if (r.code === 'INVALID_INPUT' && r.details && r.details.length > 0) return issuesByField(r.details);
  return { form: r.message };
}

export function FieldError({ id, text }: { id: string; text?: string }) {
  return text ? (
    <View className='field-error' id={id}>
      {text}
    </View>
  ) : null;
}

/** Parse a number typed into an input: empty → null, otherwise a number (NaN when not one). */
export function num(s: string): number | null {
  const t = s.trim();
  if (t === '') return null;
  return Number(t);
}

export function fmtTime(ms: number): string {
  return new Date(ms + 8 * 3600 * 1000).toISOString().slice(0, 16).replace('T', ' ');
}

export const GRADE_TAG: Record<'good' | 'fair' | 'average' | 'poor', string> = { good: 'tag-ok', fair: 'tag-blue', average: 'tag-no', poor: 'tag-red' };

/**
 * MongoDB Extended JSON as wx-server-sdk 4.0.2 (@cloudbase/database + bson) sends it, plus CloudBase's
 * `$tcb_server_date` extension. We decode to plain JS values (Date, RegExp, number) so mingo can query them,
 * and encode documents back so the SDK's `EJSON.parse` (relaxed) hands Date objects to function code.
 */

export type Doc = Record<string, unknown>;

function isPlainObject(v: unknown): v is Doc {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) && !(v instanceof RegExp);
}

const NOT_A_WRAPPER = Symbol('not an EJSON wrapper');

/** The value a one-key EJSON wrapper (`{"$numberInt": "3"}`, `{"$date": …}`, …) stands for, or NOT_A_WRAPPER. */
function decodeWrapper(k: string, v: unknown, nowMs: number): unknown {
  switch (k) {
    case '$numberInt':
    case '$numberLong':
    case '$numberDouble':
    case '$numberDecimal':
      return Number(v);
    case '$date': {
      // canonical {"$date":{"$numberLong":"ms"}} or relaxed {"$date":"ISO"} / {"$date": ms}
      const inner = decodeEJSON(v, nowMs);
      return new Date(typeof inner === 'string' ? Date.parse(inner) : Number(inner));
    }
    case '$regularExpression': {
      const r = v as { pattern: string; options?: string };
      // JS RegExp has no 'x' or 'l' flags; keep only the ones it understands
      return new RegExp(r.pattern, (r.options ?? '').replace(/[^gimsuy]/g, ''));
    }
    case '$regex':
      return typeof v === 'string' ? new RegExp(v) : NOT_A_WRAPPER;
    case '$tcb_server_date': {
      const offset = Number(decodeEJSON((v as Doc | undefined)?.offset ?? 0, nowMs)) || 0;
      return new Date(nowMs + offset);
    }
    case '$oid':
      return String(v);
    case '$undefined':
      return undefined;
    default:
      return NOT_A_WRAPPER;
  }
}

/** Decode an EJSON value tree. `nowMs` is the server time used for `$tcb_server_date` (one instant per request). */
export function decodeEJSON(value: unknown, nowMs: number): unknown {
  if (Array.isArray(value)) return value.map((v) => decodeEJSON(v, nowMs));
  if (!isPlainObject(value)) return value;
  const keys = Object.keys(value);
  if (keys.length === 1) {
    const k = keys[0] as string;
    const decoded = decodeWrapper(k, value[k], nowMs);
    if (decoded !== NOT_A_WRAPPER) return decoded;
  }
  if (keys.length === 2 && '$regex' in value && '$options' in value && typeof value.$regex === 'string') {
    // legacy form; but inside a query `{field: {$regex, $options}}` is an operator mingo understands as-is
    return { $regex: value.$regex, $options: value.$options };
  }
  const out: Doc = {};
  for (const k of keys) out[k] = decodeEJSON(value[k], nowMs);
  return out;
}

/** Parse an EJSON string (or pass through an already-parsed value). */
export function parseEJSON(text: unknown, nowMs: number): unknown {
  if (typeof text !== 'string') return decodeEJSON(text, nowMs);
  if (text === '') return undefined;
  return decodeEJSON(JSON.parse(text), nowMs);
}

/** Encode a stored value as EJSON-compatible plain JSON (Dates canonical, non-finite numbers as $numberDouble). */
export function encodeEJSON(value: unknown): unknown {
  if (value instanceof Date) return { $date: { $numberLong: String(value.getTime()) } };
  if (value instanceof RegExp) return { $regularExpression: { pattern: value.source, options: value.flags } };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $numberDouble: String(value) };
  if (Array.isArray(value)) return value.map(encodeEJSON);
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const k of Object.keys(value)) {
      const v = value[k];
      if (v !== undefined) out[k] = encodeEJSON(v);
    }
    return out;
  }
  return value;
}

export function stringifyEJSON(value: unknown): string {
  return JSON.stringify(encodeEJSON(value));
}

/** Deep copy that keeps Dates and RegExps (documents in memory must never be shared with callers). */
export function cloneValue<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (Array.isArray(value)) return value.map(cloneValue) as T;
  if (isPlainObject(value)) {
    const out: Doc = {};
    for (const k of Object.keys(value)) out[k] = cloneValue(value[k]);
    return out as T;
  }
  return value;
}

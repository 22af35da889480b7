/**
 * Inputs generated from the contracts with fast-check: valid ones derived from an action's zod 4 schema, and
 * hostile ones made from those by breaking them.
 *
 * Valid: the walk reads each schema's `_zod.def` (object and strict object, string with its length and regex
 * checks, number with its bounds and integer format, enum, literal, boolean, nullable, optional, default, array
 * with its length checks, record, union and discriminated union, pipe, transform) and builds an arbitrary. What a
 * walk cannot see — refinements (`refine`, a quarter id, a calendar day) and the records that exist — comes as
 * hints: generators for particular schemas, and pools of existing values by field name (`memberId`, `projectId`,
 * `code`…), taken most of the time, with a well-formed unknown value otherwise. Whatever is generated is then kept
 * only if the schema accepts it as it would arrive (after JSON), and the rejections are counted.
 *
 * Hostile: a valid input with one thing broken somewhere in it — a wrong type, a field missing or one too many
 * (`__proto__`, `constructor`, `$where`…), a huge string, nesting thousands deep, NaN or Infinity, an unknown enum
 * value, an array of thousands — or a wrong value altogether; kept only if the schema refuses it. `nastyInputs`
 * lists the hand-picked ones for every action.
 */
import fc from 'fast-check';
import type { z } from 'zod';

export type Arb = fc.Arbitrary<unknown>;

/** What a generator knows beyond the schema. */
export interface Hints {
  /** Values that exist, by field name (record keys as `field[key]`): taken most of the time. */
  pools?: Readonly<Record<string, readonly unknown[]>>;
  /** Generators for schemas whose rules a walk cannot see (refinements), found by identity. */
  special?: ReadonlyMap<unknown, Arb>;
}

interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: RegExp;
}

/** A schema's zod 4 definition, as far as the walk reads it. */
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  options?: z.ZodType[];
  items?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  values?: unknown[];
  entries?: Record<string, string | number>;
  getter?: () => z.ZodType;
}

interface Internals {
  def: Def;
  /** 'optional' when an object may leave the key out (optional, default). */
  optin?: string;
}

const internals = (s: z.ZodType) => (s as unknown as { _zod: Internals })._zod;
export const defOf = (s: z.ZodType): Def => internals(s).def;
const checksOf = (d: Def) => (d.checks ?? []).map((c) => c._zod.def);

/** Share of generated values a pool gives, out of 20. */
const POOL_WEIGHT = 17;

/** One character of text people type here: mostly Chinese, some ASCII, now and then something awkward. */
const CHAR: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0x4e00, max: 0x9fa5 }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 1, arbitrary: fc.constantFrom(' ', '\n', '\t', '\u3000', '，', '。', '😀', '𠀀', 'é', '\u200b', '$', '.*', '\\', '"', '<', '%') },
);

function text(min: number, max: number): fc.Arbitrary<string> {
  const hi = Number.isFinite(max) ? max : min + 60;
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ unit: CHAR, minLength: min, maxLength: Math.min(hi, min + 24) }) },
    // near the limit, where off-by-one mistakes live
    { weight: 1, arbitrary: fc.string({ unit: CHAR, minLength: Math.max(min, hi - 3), maxLength: hi }) },
  );
}

function stringArb(d: Def): Arb {
  let min = 0;
  let max = Infinity;
  let pattern: RegExp | undefined;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum ?? 0);
    else if (c.check === 'max_length') max = Math.min(max, c.maximum ?? Infinity);
    else if (c.check === 'length_equals') min = max = c.length ?? 0;
    else if (c.check === 'string_format' && c.format === 'regex' && c.pattern) pattern = c.pattern;
  }
  // too long or short for the checks is left to the schema filter (and counted)
  return pattern ? fc.stringMatching(pattern, { size: 'small' }) : text(min, max);
}

function numberArb(d: Def): Arb {
  let lo = -Infinity;
  let hi = Infinity;
  let loOpen = false;
  let hiOpen = false;
  let int = false;
  for (const c of checksOf(d)) {
    if (c.check === 'greater_than') [lo, loOpen] = [Number(c.value), !c.inclusive];
    else if (c.check === 'less_than') [hi, hiOpen] = [Number(c.value), !c.inclusive];
    else if (c.check === 'number_format') int = int || (c.format ?? '').includes('int');
  }
  if (int) {
    const min = Number.isFinite(lo) ? Math.ceil(loOpen ? lo + 1 : lo) : Number.MIN_SAFE_INTEGER;
    const max = Number.isFinite(hi) ? Math.floor(hiOpen ? hi - 1 : hi) : Number.MAX_SAFE_INTEGER;
    // with one bound only, mostly near it: a range's other end is usually close by (min < max of a scale)
    const near =
      Number.isFinite(lo) !== Number.isFinite(hi) ? fc.integer(Number.isFinite(lo) ? { min, max: min + 1000 } : { min: max - 1000, max }) : null;
    return near ? fc.oneof(near, fc.integer({ min, max })) : fc.integer({ min, max });
  }
  const double = fc.double({
    noNaN: true,
    noDefaultInfinity: true,
    ...(Number.isFinite(lo) ? { min: lo, minExcluded: loOpen } : {}),
    ...(Number.isFinite(hi) ? { max: hi, maxExcluded: hiOpen } : {}),
  });
  // round figures too, as people type them (a range between two whole numbers, a share of 0.2–0.3, has none)
  const wholeMin = Number.isFinite(lo) ? Math.ceil(lo) : -1e6;
  const wholeMax = Number.isFinite(hi) ? Math.floor(hi) : 1e6;
  if (wholeMin > wholeMax) return fc.oneof(double, fc.constantFrom(...[lo, hi].filter((x) => Number.isFinite(x))));
  return fc.oneof(double, fc.integer({ min: wholeMin, max: wholeMax }));
}

function objectArb(d: Def, hints: Hints): Arb {
  const model: Record<string, Arb> = {};
  const required: string[] = [];
  for (const [key, field] of Object.entries(d.shape ?? {})) {
    // a key that may be absent is left out by fc.record itself, so its schema is walked without the optional
    const inner = internals(field).optin === 'optional' && defOf(field).innerType ? (defOf(field).innerType as z.ZodType) : field;
    model[key] = arbitraryOf(inner, hints, key);
    if (internals(field).optin !== 'optional') required.push(key);
  }
  return fc.record(model, { requiredKeys: required });
}

function sizes(d: Def): { min: number; max: number } {
  let min = 0;
  let max = Infinity;
  for (const c of checksOf(d)) {
    if (c.check === 'min_length') min = c.minimum ?? 0;
    else if (c.check === 'max_length') max = c.maximum ?? Infinity;
    else if (c.check === 'length_equals') min = max = c.length ?? 0;
  }
  return { min, max };
}

type Walk = (d: Def, hints: Hints, name: string) => Arb;

/** How each kind of zod schema becomes an arbitrary. A kind not listed fails loudly: a new construct needs one. */
const WALKS: Record<string, Walk> = {
  string: (d) => stringArb(d),
  number: (d) => numberArb(d),
  boolean: () => fc.boolean(),
  null: () => fc.constant(null),
  undefined: () => fc.constant(undefined),
  unknown: () => fc.jsonValue(),
  any: () => fc.jsonValue(),
  // what a transform accepts is what the schema before it accepts; a transform alone takes anything
  transform: () => fc.jsonValue(),
  literal: (d) => fc.constantFrom(...(d.values ?? [])),
  enum: (d) => fc.constantFrom(...Object.values(d.entries ?? {})),
  object: (d, hints) => objectArb(d, hints),
  array: (d, hints, name) => {
    const { min, max } = sizes(d);
    return fc.array(arbitraryOf(d.element as z.ZodType, hints, name), { minLength: min, maxLength: Math.min(max, min + 6) });
  },
  record: (d, hints, name) => {
    const keys = arbitraryOf(d.keyType as z.ZodType, hints, `${name}[key]`) as fc.Arbitrary<string>;
    const values = arbitraryOf(d.valueType as z.ZodType, hints, `${name}[value]`);
    return fc.oneof(fc.constant({}), fc.dictionary(keys, values, { maxKeys: 4, noNullPrototype: true }));
  },
  tuple: (d, hints, name) => fc.tuple(...(d.items ?? []).map((i) => arbitraryOf(i, hints, name))),
  union: (d, hints, name) => fc.oneof(...(d.options ?? []).map((o) => arbitraryOf(o, hints, name))),
  nullable: (d, hints, name) => fc.oneof({ weight: 1, arbitrary: fc.constant(null) }, { weight: 3, arbitrary: inner(d, hints, name) }),
  optional: (d, hints, name) => fc.option(inner(d, hints, name), { nil: undefined, freq: 4 }),
  default: (d, hints, name) => fc.option(inner(d, hints, name), { nil: undefined, freq: 4 }),
  prefault: (d, hints, name) => fc.option(inner(d, hints, name), { nil: undefined, freq: 4 }),
  readonly: (d, hints, name) => inner(d, hints, name),
  catch: (d, hints, name) => inner(d, hints, name),
  nonoptional: (d, hints, name) => inner(d, hints, name),
  pipe: (d, hints, name) => arbitraryOf(d.in as z.ZodType, hints, name),
  lazy: (d, hints, name) => arbitraryOf((d.getter as () => z.ZodType)(), hints, name),
};

function inner(d: Def, hints: Hints, name: string): Arb {
  return arbitraryOf(d.innerType as z.ZodType, hints, name);
}

/** An arbitrary of values `schema` should accept; `name` is the field it is for (pools are looked up by it). */
export function arbitraryOf(schema: z.ZodType, hints: Hints = {}, name = ''): Arb {
  const d = defOf(schema);
  const special = hints.special?.get(schema);
  const walk = WALKS[d.type];
  if (!special && !walk) throw new Error(`no generator for zod type '${d.type}' (field '${name}')`);
  const derived = special ?? (walk as Walk)(d, hints, name);
  const pool = hints.pools?.[name];
  const leaf = special !== undefined || d.type === 'string' || d.type === 'number';
  if (!leaf || !pool || pool.length === 0) return derived;
  return fc.oneof({ weight: POOL_WEIGHT, arbitrary: fc.constantFrom(...pool) }, { weight: 20 - POOL_WEIGHT, arbitrary: derived });
}

/**
 * Nesting deeper than JSON.stringify (or structured clone) can write — V8 runs out of stack at a few thousand
 * levels — stands in a value as this marker, and is written out as text when the value is sent (`toJson`).
 */
export class Deep {
  constructor(
    readonly depth: number,
    readonly arrays: boolean,
  ) {}
  toJSON(): string {
    return `\u0000deep:${this.depth}:${this.arrays ? 'a' : 'o'}\u0000`;
  }
}

/** JSON text of a value, deep markers written out as the nesting they stand for. */
export function toJson(v: unknown): string {
  const text = JSON.stringify(v) ?? 'null';
  return text.replace(/"\\u0000deep:(\d+):([ao])\\u0000"/g, (_, d: string, k: string) => {
    const n = Number(d);
    return k === 'a' ? `${'['.repeat(n)}${']'.repeat(n)}` : `${'{"a":'.repeat(n - 1)}{}${'}'.repeat(n - 1)}`;
  });
}

/** What the function receives for `input`: the gateway carries JSON, and the router reads a missing input as `{}`. */
export function onTheWire(input: unknown): unknown {
  return (JSON.parse(toJson({ input })) as { input?: unknown }).input ?? {};
}

export function accepts(schema: z.ZodType, input: unknown): boolean {
  return schema.safeParse(onTheWire(input)).success;
}

export interface Generated<T> {
  inputs: T[];
  /** Values generated in all. */
  generated: number;
  /** Of those, how many the schema's acceptance decided against (valid: refused; hostile: accepted). */
  discarded: number;
  /** Why valid candidates were refused: the first issue's path and code, counted. */
  reasons: Record<string, number>;
}

/**
 * `n` inputs `schema` accepts, from its derived arbitrary and, when given, an action's own one (for inputs whose
 * success depends on records, such as a complete ballot), half and half.
 */
export function validInputs(schema: z.ZodType, hints: Hints, n: number, seed: number, extra?: Arb): Generated<unknown> {
  const derived = arbitraryOf(schema, hints);
  const arb = extra ? fc.oneof(derived, extra) : derived;
  const inputs: unknown[] = [];
  const reasons: Record<string, number> = {};
  let generated = 0;
  for (let round = 0; inputs.length < n && round < 50; round += 1) {
    for (const x of fc.sample(arb, { numRuns: n, seed: seed + round })) {
      if (inputs.length >= n) break;
      generated += 1;
      const r = schema.safeParse(onTheWire(x));
      if (r.success) inputs.push(x);
      else {
        const issue = r.error.issues[0];
        const why = `${issue?.path.join('.') ?? ''}:${issue?.code ?? ''}`;
        reasons[why] = (reasons[why] ?? 0) + 1;
      }
    }
  }
  return { inputs, generated, discarded: generated - inputs.length, reasons };
}

// ---- hostile ----

export interface Hostile {
  input: unknown;
  /** What is wrong with it, for a failure message. */
  why: string;
}

type Path = (string | number)[];
const DROP = Symbol('drop');

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Define `key` as an own property even when it is `__proto__` (plain assignment would set the prototype). */
function ownKey(o: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
}

const MB = 1 << 20;

/**
 * `n` copies of a value in an array, as many as fit in about 2 MB: past the platform's 100 KB a call is refused
 * anyway, and a body of tens of MB only makes the gateway drop the connection while it is still being sent.
 */
function copies(v: unknown, n: number): unknown[] {
  const size = Buffer.byteLength(toJson(v ?? 0)) + 1;
  return Array.from({ length: Math.max(1, Math.min(n, Math.floor((2 * MB) / size))) }, () => clone(v) ?? 0);
}
export const bigString = (bytes: number, unit = 'x') => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));

/** Every place in a value a mutation may hit: the value itself, and its fields and items a few levels down. */
function paths(v: unknown, depth = 0): Path[] {
  const out: Path[] = [[]];
  if (depth >= 4 || v === null || typeof v !== 'object') return out;
  for (const [k, x] of Object.entries(v)) for (const p of paths(x, depth + 1)) out.push([Array.isArray(v) ? Number(k) : k, ...p]);
  return out;
}

function replaceAt(root: unknown, path: Path, f: (old: unknown) => unknown): unknown {
  if (path.length === 0) return f(root);
  const copy = clone(root) as Record<string | number, unknown>;
  let node = copy;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
  const last = path[path.length - 1] as string | number;
  const next = f(node[last]);
  if (next === DROP) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else if (typeof last === 'string') ownKey(node, last, next);
  else node[last] = next;
  return copy;
}

/** Values of the wrong kind almost anywhere; labelled for the failure message. */
const WRONG: [string, unknown][] = [
  ['zero', 0],
  ['negative', -1],
  ['fraction', 1.5],
  ['huge number', 1e21],
  ['beyond safe integers', Number.MAX_SAFE_INTEGER + 2],
  ['empty string', ''],
  ['blank string', '   '],
  ['string', 'x'],
  ['true', true],
  ['false', false],
  ['null', null],
  ['empty array', []],
  ['array', [1, 'a']],
  ['empty object', {}],
  ['object', { a: 1 }],
  ['query operator $gt', { $gt: '' }],
  ['query operator $ne', { $ne: null }],
  ['query operator $regex', { $regex: '.*' }],
  ['string __proto__', '__proto__'],
  ['string constructor', 'constructor'],
  ['markup', '<script>alert(1)</script>'],
  ['SQL', "' OR 1=1 --"],
  ['path', '../../etc/passwd'],
  ['NUL', '\u0000'],
  ['lone surrogate', '\ud800'],
  ['full-width digits', '２０２６Ｑ４'],
  ['unknown enum value', 'unknown_value'],
  ['enum value in other case', 'ADMIN'],
];

const NON_FINITE: [string, unknown][] = [
  ['NaN', NaN],
  ['Infinity', Infinity],
  ['-Infinity', -Infinity],
];

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', '_id', '$where', 'admin', 'toString', 'hasOwnProperty', 'memberId', 'roles'];

type Mutation = (root: unknown, path: Path) => Hostile;

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .constantFrom(...WRONG, ...NON_FINITE)
    .map(([label, w]): Mutation => (root, path) => ({ input: replaceAt(root, path, () => w), why: `${label} at ${path.join('.') || 'input'}` })),
  fc.constant<Mutation>((root, path) => ({
    input: path.length === 0 ? undefined : replaceAt(root, path, () => DROP),
    why: `missing ${path.join('.') || 'input'}`,
  })),
  fc.tuple(fc.constantFrom(...EXTRA_KEYS), fc.jsonValue()).map(([key, value]): Mutation => (root, path) => ({
    input: replaceAt(root, path, (old) => {
      const o: Record<string, unknown> = old !== null && typeof old === 'object' && !Array.isArray(old) ? { ...old } : {};
      ownKey(o, key, value);
      return o;
    }),
    why: `extra key ${key} at ${path.join('.') || 'input'}`,
  })),
  fc.tuple(fc.integer({ min: 100, max: 90_000 }), fc.constantFrom('x', '汉', '😀', ' ')).map(([bytes, unit]): Mutation => (root, path) => ({
    input: replaceAt(root, path, () => bigString(bytes, unit)),
    why: `${bytes}-byte string at ${path.join('.') || 'input'}`,
  })),
  fc.constant<Mutation>((root, path) => ({ input: replaceAt(root, path, () => bigString(MB)), why: `1 MB string at ${path.join('.') || 'input'}` })),
  fc.tuple(fc.integer({ min: 20, max: 5000 }), fc.boolean()).map(([depth, arrays]): Mutation => (root, path) => ({
    input: replaceAt(root, path, () => new Deep(depth, arrays)),
    why: `${arrays ? 'arrays' : 'objects'} nested ${depth} deep at ${path.join('.') || 'input'}`,
  })),
  fc.integer({ min: 51, max: 10_000 }).map((n): Mutation => (root, path) => ({
    input: replaceAt(root, path, (old) => copies(old, n)),
    why: `${n} copies at ${path.join('.') || 'input'}`,
  })),
  fc
    .jsonValue()
    .map((v): Mutation => (root, path) => ({ input: replaceAt(root, path, () => v), why: `random value at ${path.join('.') || 'input'}` })),
);

/** Hostile inputs for a schema: valid ones broken at a random place, or a random value instead; only refused ones. */
export function hostileInputs(schema: z.ZodType, valid: readonly unknown[], n: number, seed: number): Generated<Hostile> {
  const samples = valid.length > 0 ? valid : [{}];
  const arb: fc.Arbitrary<Hostile> = fc.oneof(
    {
      weight: 9,
      arbitrary: fc.tuple(fc.constantFrom(...samples), fc.nat(), mutations).map(([v, k, m]) => {
        const ps = paths(v);
        return m(v, ps[k % ps.length] ?? []);
      }),
    },
    { weight: 1, arbitrary: fc.anything().map((input) => ({ input, why: 'random value as input' })) },
  );
  const inputs: Hostile[] = [];
  let generated = 0;
  for (let round = 0; inputs.length < n && round < 50; round += 1) {
    for (const h of fc.sample(arb, { numRuns: n, seed: seed + round })) {
      if (inputs.length >= n) break;
      generated += 1;
      if (!accepts(schema, h.input)) inputs.push(h);
    }
  }
  return { inputs, generated, discarded: generated - inputs.length, reasons: {} };
}

/** The hand-picked hostile inputs, for any action (`sample`: one valid input of it); only those the schema refuses. */
export function nastyInputs(schema: z.ZodType, sample: unknown): Hostile[] {
  const withKey = (key: string, value: unknown) => {
    const o = { ...(clone(sample) as object) } as Record<string, unknown>;
    ownKey(o, key, value);
    return o;
  };
  const list: Hostile[] = [
    { input: JSON.parse('{"__proto__":{"admin":true}}'), why: '{"__proto__":{"admin":true}}' },
    { input: JSON.parse('{"constructor":{"prototype":{"admin":true}}}'), why: '{"constructor":{"prototype":{"admin":true}}}' },
    { input: withKey('__proto__', { admin: true, roles: ['admin'] }), why: 'valid input with __proto__' },
    { input: withKey('constructor', { prototype: { admin: true } }), why: 'valid input with constructor' },
    { input: withKey('unexpected', 1), why: 'valid input with an extra field' },
    { input: bigString(MB), why: '1 MB string as input' },
    { input: new Deep(5000, true), why: 'arrays nested 5000 deep as input' },
    { input: new Deep(5000, false), why: 'objects nested 5000 deep as input' },
    { input: Array.from({ length: 10_000 }, (_, i) => i), why: '10 000 items as input' },
    { input: NaN, why: 'NaN as input' },
    { input: Infinity, why: 'Infinity as input' },
    { input: 'input', why: 'a string as input' },
    { input: 42, why: 'a number as input' },
    { input: true, why: 'true as input' },
    { input: [sample], why: 'the input in an array' },
  ];
  const fields = sample !== null && typeof sample === 'object' ? Object.keys(sample) : [];
  for (const key of fields) {
    const old = (sample as Record<string, unknown>)[key];
    const at = (why: string, value: unknown) => list.push({ input: withKey(key, value), why: `${why} at ${key}` });
    for (const [label, w] of [...WRONG.slice(0, 15), ...NON_FINITE]) at(label, w);
    at('1 MB string', bigString(MB));
    at('arrays nested 5000 deep', new Deep(5000, true));
    at('10 000 copies', copies(old, 10_000));
    const without = { ...(clone(sample) as object) } as Record<string, unknown>;
    delete without[key];
    list.push({ input: without, why: `missing ${key}` });
  }
  return list.filter((h) => !accepts(schema, h.input));
}

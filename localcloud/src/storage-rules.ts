/**
 * WeChat Cloud's storage security rules (存储安全规则), enforced on client requests as the platform does: a JSON
 * object `{ "read": <bool | expression>, "write": <bool | expression> }` (a missing key is `false`), each expression
 * evaluated per request over `auth` (`{ openid }` of the signed-in caller, `null` when not signed in) and `resource`
 * (`openid`: who created the file — for a file not yet there, the caller about to create it; `path`: the cloud path).
 * Access is granted only when the expression is exactly `true`; an expression that fails (a property of `null`,
 * say) denies, as an exception would. Functions and the console are never subject to the rules.
 *
 * The language is the documented subset of WeChat's rule expressions (developers.weixin.qq.com …/guide/storage/
 * security-rules, docs.cloudbase.net …/storage/security-rules): literals (`true`, `false`, `null`, numbers,
 * quoted strings, `[a, b]`), `auth` / `resource` / `now` with `.field`, `== != === !== < <= > >=`, `in` (membership
 * in an array), `! && ||`, parentheses, and regex literals with `.test(x)`. Anything else is refused when the rules
 * load, so a rule that would not deploy on WeChat does not quietly pass here either.
 */
import fs from 'node:fs';

export type RuleOperation = 'read' | 'write';

export interface RuleContext {
  auth: { openid: string } | null;
  resource: { openid: string | null; path: string };
  now: number;
}

type Node =
  | { k: 'lit'; v: unknown }
  | { k: 'var'; name: 'auth' | 'resource' | 'now' }
  | { k: 'member'; obj: Node; prop: string }
  | { k: 'array'; items: Node[] }
  | { k: 'test'; re: RegExp; arg: Node }
  | { k: 'not'; e: Node }
  | { k: 'bin'; op: string; l: Node; r: Node };

class RuleSyntaxError extends Error {}

type Token = { t: 'id' | 'num' | 'str' | 'op' | 're'; v: string; flags?: string };

const OPS = ['===', '!==', '==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', ',', '.'];

function readQuoted(src: string, start: number): [string, number] {
  const quote = src[start];
  let out = '';
  let i = start + 1;
  while (i < src.length && src[i] !== quote) {
    if (src[i] === '\\') i += 1;
    out += src[i] ?? '';
    i += 1;
  }
  if (i >= src.length) throw new RuleSyntaxError('unterminated string');
  return [out, i + 1];
}

function readRegex(src: string, start: number): [Token, number] {
  let i = start + 1;
  let body = '';
  let inClass = false;
  while (i < src.length && (src[i] !== '/' || inClass)) {
    const c = src[i] as string;
    if (c === '\\') {
      body += c + (src[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    body += c;
    i += 1;
  }
  if (i >= src.length) throw new RuleSyntaxError('unterminated regular expression');
  const flags = /^[gimsuy]*/.exec(src.slice(i + 1))?.[0] ?? '';
  return [{ t: 're', v: body, flags }, i + 1 + flags.length];
}

/** A `/` starts a regex literal where an operand is expected (start, or after an operator or opening bracket). */
const operandExpected = (prev: Token | undefined): boolean => !prev || (prev.t === 'op' && prev.v !== ')' && prev.v !== ']');

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i] as string;
    if (/\s/.test(c)) {
      i += 1;
    } else if (c === '"' || c === "'") {
      const [v, next] = readQuoted(src, i);
      tokens.push({ t: 'str', v });
      i = next;
    } else if (c === '/' && operandExpected(tokens[tokens.length - 1])) {
      const [tok, next] = readRegex(src, i);
      tokens.push(tok);
      i = next;
    } else if (/[0-9]/.test(c)) {
      const v = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))?.[0] ?? c;
      tokens.push({ t: 'num', v });
      i += v.length;
    } else if (/[A-Za-z_$]/.test(c)) {
      const v = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(src.slice(i))?.[0] ?? c;
      tokens.push({ t: 'id', v });
      i += v.length;
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new RuleSyntaxError(`unexpected character ${c}`);
      tokens.push({ t: 'op', v: op });
      i += op.length;
    }
  }
  return tokens;
}

/** Recursive descent over: or → and → equality/relational/in → unary → postfix → primary. */
class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const e = this.or();
    if (this.pos < this.tokens.length) throw new RuleSyntaxError(`unexpected ${this.tokens[this.pos]?.v}`);
    return e;
  }
  private peek(v: string): boolean {
    const t = this.tokens[this.pos];
    return !!t && (t.t === 'op' || t.t === 'id') && t.v === v;
  }
  private expect(v: string): void {
    if (!this.peek(v)) throw new RuleSyntaxError(`expected ${v}`);
    this.pos += 1;
  }
  private or(): Node {
    let l = this.and();
    while (this.peek('||')) {
      this.pos += 1;
      l = { k: 'bin', op: '||', l, r: this.and() };
    }
    return l;
  }
  private and(): Node {
    let l = this.compare();
    while (this.peek('&&')) {
      this.pos += 1;
      l = { k: 'bin', op: '&&', l, r: this.compare() };
    }
    return l;
  }
  private compare(): Node {
    let l = this.unary();
    for (;;) {
      const op = ['===', '!==', '==', '!=', '<=', '>=', '<', '>', 'in'].find((o) => this.peek(o));
      if (!op) return l;
      this.pos += 1;
      l = { k: 'bin', op, l, r: this.unary() };
    }
  }
  private unary(): Node {
    if (this.peek('!')) {
      this.pos += 1;
      return { k: 'not', e: this.unary() };
    }
    return this.postfix();
  }
  private postfix(): Node {
    let e = this.primary();
    while (this.peek('.')) {
      this.pos += 1;
      const name = this.tokens[this.pos];
      if (name?.t !== 'id') throw new RuleSyntaxError('expected a property name after .');
      this.pos += 1;
      if (name.v === 'test' && e.k === 'lit' && e.v instanceof RegExp) {
        this.expect('(');
        const arg = this.or();
        this.expect(')');
        e = { k: 'test', re: e.v, arg };
      } else e = { k: 'member', obj: e, prop: name.v };
    }
    return e;
  }
  private primary(): Node {
    const t = this.tokens[this.pos];
    if (!t) throw new RuleSyntaxError('unexpected end of expression');
    this.pos += 1;
    if (t.t === 'num') return { k: 'lit', v: Number(t.v) };
    if (t.t === 'str') return { k: 'lit', v: t.v };
    if (t.t === 're') return { k: 'lit', v: new RegExp(t.v, (t.flags ?? '').replace(/[gy]/g, '')) };
    if (t.t === 'id') {
      const literals: Record<string, unknown> = { true: true, false: false, null: null, undefined };
      if (Object.prototype.hasOwnProperty.call(literals, t.v)) return { k: 'lit', v: literals[t.v] };
      if (t.v === 'auth' || t.v === 'resource' || t.v === 'now') return { k: 'var', name: t.v };
      throw new RuleSyntaxError(`unknown name ${t.v}`);
    }
    if (t.v === '(') {
      const e = this.or();
      this.expect(')');
      return e;
    }
    if (t.v === '[') {
      const items: Node[] = [];
      while (!this.peek(']')) {
        items.push(this.or());
        if (!this.peek(']')) this.expect(',');
      }
      this.pos += 1;
      return { k: 'array', items };
    }
    throw new RuleSyntaxError(`unexpected ${t.v}`);
  }
}

class RuleEvalError extends Error {}

const looseEqual = (a: unknown, b: unknown): boolean => (a ?? null) === (b ?? null);

function compareValues(op: string, a: unknown, b: unknown): boolean {
  if (!((typeof a === 'number' && typeof b === 'number') || (typeof a === 'string' && typeof b === 'string'))) return false;
  if (op === '<') return a < b;
  if (op === '<=') return a <= b;
  if (op === '>') return a > b;
  return a >= b;
}

function evalBinary(n: Extract<Node, { k: 'bin' }>, ctx: RuleContext): unknown {
  if (n.op === '&&') return evaluate(n.l, ctx) === true && evaluate(n.r, ctx) === true;
  if (n.op === '||') return evaluate(n.l, ctx) === true || evaluate(n.r, ctx) === true;
  const l = evaluate(n.l, ctx);
  const r = evaluate(n.r, ctx);
  switch (n.op) {
    case '==':
      return looseEqual(l, r);
    case '!=':
      return !looseEqual(l, r);
    case '===':
      return l === r;
    case '!==':
      return l !== r;
    case 'in':
      if (!Array.isArray(r)) throw new RuleEvalError('in needs an array');
      return r.some((x) => looseEqual(x, l));
    default:
      return compareValues(n.op, l, r);
  }
}

function evaluate(n: Node, ctx: RuleContext): unknown {
  switch (n.k) {
    case 'lit':
      return n.v;
    case 'var':
      return ctx[n.name];
    case 'member': {
      const obj = evaluate(n.obj, ctx);
      // as in JavaScript, reading a property of null fails: the request is denied, never waved through
      if (obj === null || obj === undefined) throw new RuleEvalError(`cannot read ${n.prop} of ${String(obj)}`);
      if (typeof obj !== 'object' || !Object.prototype.hasOwnProperty.call(obj, n.prop)) return undefined;
      return (obj as Record<string, unknown>)[n.prop];
    }
    case 'array':
      return n.items.map((i) => evaluate(i, ctx));
    case 'test': {
      const v = evaluate(n.arg, ctx);
      return typeof v === 'string' && n.re.test(v);
    }
    case 'not':
      return evaluate(n.e, ctx) !== true;
    case 'bin':
      return evalBinary(n, ctx);
  }
}

export class StorageRules {
  private readonly compiled: Record<RuleOperation, Node>;

  /** `source` is the rules object, as pasted into the console (`{}` denies every client request). */
  constructor(source: unknown) {
    if (!source || typeof source !== 'object' || Array.isArray(source)) throw new Error('storage rules must be a JSON object');
    const obj = source as Record<string, unknown>;
    const unknown = Object.keys(obj).filter((k) => k !== 'read' && k !== 'write');
    if (unknown.length) throw new Error(`storage rules: unknown operation ${unknown.join(', ')} (only read and write exist)`);
    const compile = (op: RuleOperation): Node => {
      const v = obj[op];
      if (v === undefined || typeof v === 'boolean') return { k: 'lit', v: v === true };
      if (typeof v !== 'string') throw new Error(`storage rules: ${op} must be true, false or an expression string`);
      try {
        return new Parser(tokenize(v)).parse();
      } catch (e) {
        throw new Error(`storage rules: ${op} does not parse (${(e as Error).message}): ${v}`);
      }
    };
    this.compiled = { read: compile('read'), write: compile('write') };
  }

  static fromFile(file: string): StorageRules {
    return new StorageRules(JSON.parse(fs.readFileSync(file, 'utf8')) as unknown);
  }

  allows(op: RuleOperation, ctx: RuleContext): boolean {
    try {
      return evaluate(this.compiled[op], ctx) === true;
    } catch (e) {
      if (e instanceof RuleEvalError) return false;
      throw e;
    }
  }
}

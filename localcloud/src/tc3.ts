/**
 * The request signature @cloudbase/node-sdk 3.17.2 puts on every call wx-server-sdk makes (TC3-HMAC-SHA256, "tcb"
 * flavour), re-computed here so that `POST /admin` answers only callers holding this start's secret key: the
 * function instances, and tests or tools given the key. Reproduced from `@cloudbase/signature-nodejs` 2.2.0
 * (`lib/signer.js` `tc3sign`, `formatKeyAndValue`, `calcParamsHash`) and node-sdk's `utils/tcbapirequester`
 * (`getHeaders`: `sign({ method: 'post', url, params, headers, withSignedParams: true, timestamp: second() - 1 })`,
 * then `Authorization`, `X-Signature-Expires: 600`, `X-Timestamp` headers):
 *
 *   canonicalRequest = method \n //host/path \n query \n (name:value\n for each signed header) \n names;joined \n payloadHash
 *   stringToSign     = TC3-HMAC-SHA256 \n timestamp \n <date>/tcb/tc3_request \n sha256(canonicalRequest)
 *   signingKey       = HMAC(HMAC(HMAC("TC3" + secretKey, date), "tcb"), "tc3_request")
 *   Authorization    = TC3-HMAC-SHA256 Credential=<secretId>/<date>/tcb/tc3_request, SignedParams=a;b,
 *                      SignedHeaders=x;y, Signature=hex(HMAC(signingKey, stringToSign))
 *
 * Header values are trimmed and lower-cased (content-type kept as sent, `multipart/form-data; boundary=…` reduced
 * to `multipart/form-data`); the payload hash runs over the body's parameters with lower-cased keys in sorted
 * order, `&key=value\r\n` each, non-string values JSON-encoded, empty values skipped, multipart file parts as raw
 * bytes.
 */
import crypto from 'node:crypto';
import type http from 'node:http';

export interface SdkCredentials {
  secretId: string;
  secretKey: string;
}

/** What node-sdk announces in `X-Signature-Expires`; a signature older than this is refused. */
export const SIGNATURE_MAX_AGE_S = 600;
/** Tolerated clock lead of the signer (same machine: only rounding; node-sdk signs with `now - 1`). */
const SIGNATURE_MAX_LEAD_S = 60;
const ALGORITHM = 'TC3-HMAC-SHA256';
const SERVICE = 'tcb';

/** Fresh credentials for one start of the local cloud: nothing outside this process and its workers knows them. */
export function newCredentials(): SdkCredentials {
  return { secretId: `AKIDlocal${crypto.randomBytes(12).toString('hex')}`, secretKey: crypto.randomBytes(32).toString('base64url') };
}

/**
 * A function's own credentials, derived from the start's: its instances sign with them, so the cloud knows which
 * function a request comes from (as WeChat Cloud knows its functions) and applies that function's config.json —
 * the openapi calls it declared. A tool holding the start's credentials is the console: every right.
 */
export function functionCredentials(master: SdkCredentials, fn: string): SdkCredentials {
  return {
    secretId: `${master.secretId}x${Buffer.from(fn, 'utf8').toString('hex')}`,
    secretKey: crypto.createHmac('sha256', master.secretKey).update(`function:${fn}`).digest('base64url'),
  };
}

/** Whose credentials a SecretId is: the start's (the console: null) or a function's (its name); undefined: nobody's. */
export function signerOf(master: SdkCredentials, secretId: string): { fn: string | null; creds: SdkCredentials } | undefined {
  if (sameText(secretId, master.secretId)) return { fn: null, creds: master };
  const prefix = `${master.secretId}x`;
  if (!secretId.startsWith(prefix)) return undefined;
  const hex = secretId.slice(prefix.length);
  if (!/^([0-9a-f]{2}){1,60}$/.test(hex)) return undefined;
  const fn = Buffer.from(hex, 'hex').toString('utf8');
  const creds = functionCredentials(master, fn);
  return sameText(secretId, creds.secretId) ? { fn, creds } : undefined;
}

/** A parameter as the signer saw it: text (trimmed when hashed) or raw bytes (a multipart file part). */
export type SignedParam = string | Buffer;

const camSafeUrlEncode = (s: string): string =>
  encodeURIComponent(s).replace(/!/g, '%21').replace(/'/g, '%27').replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/\*/g, '%2A');

/** The parameters of a JSON body, formatted as `Signer.formatKeyAndValue` does before hashing. */
export function jsonSignedParams(body: Record<string, unknown>): Map<string, SignedParam> {
  const out = new Map<string, SignedParam>();
  for (const key of Object.keys(body)) {
    const value = body[key];
    if (!key || value === undefined) continue;
    const k = camSafeUrlEncode(key.toLowerCase().trim());
    out.set(k, (typeof value === 'string' ? value : (JSON.stringify(value) ?? '')).trim());
  }
  return out;
}

/** The parameters of a multipart body (file parts stay bytes, text parts are trimmed text). */
export function multipartSignedParams(parts: Array<{ name: string; content: Buffer; isFile: boolean }>): Map<string, SignedParam> {
  const out = new Map<string, SignedParam>();
  for (const p of parts) {
    if (!p.name) continue;
    out.set(camSafeUrlEncode(p.name.toLowerCase().trim()), p.isFile ? p.content : p.content.toString('utf8').trim());
  }
  return out;
}

/** `Signer.calcParamsHash`: keys sorted with localeCompare, empty values left out. */
function payloadHash(params: Map<string, SignedParam>): { hash: string; keys: string[] } {
  const hash = crypto.createHash('sha256');
  const keys: string[] = [];
  for (const key of [...params.keys()].sort((l, r) => l.localeCompare(r))) {
    const v = params.get(key);
    if (v === undefined || v.length === 0) continue;
    keys.push(key);
    hash.update(`&${key}=`);
    hash.update(v);
    hash.update('\r\n');
  }
  return { hash: hash.digest('hex'), keys };
}

function headerValue(headers: http.IncomingHttpHeaders, name: string): string | null {
  const raw = headers[name];
  if (raw === undefined) return null;
  const v = Array.isArray(raw) ? raw.join(', ') : raw;
  if (name === 'content-type') return v.startsWith('multipart/form-data') ? 'multipart/form-data' : v;
  return v.trim().toLowerCase();
}

const formatDate = (timestamp: number): string => new Date(timestamp * 1000).toISOString().slice(0, 10);
const hmac = (key: crypto.BinaryLike, data: string): Buffer => crypto.createHmac('sha256', key).update(data).digest();

const AUTH_RE =
  /^TC3-HMAC-SHA256 Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/tcb\/tc3_request,(?: SignedParams=([^,\s]*),)? SignedHeaders=([a-z0-9;_-]+), Signature=([0-9a-f]{64})$/;

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export interface SignedRequest {
  method: string;
  /** The request target as received (`/admin?env=..&seqId=..`). */
  target: string;
  headers: http.IncomingHttpHeaders;
  params: Map<string, SignedParam>;
}

interface ParsedAuthorization {
  secretId: string;
  date: string;
  signedParams: string | undefined;
  signedHeaders: string[];
  signature: string;
  timestamp: number;
}

/** The Authorization and X-Timestamp headers, checked for form, key and age. */
function parseAuthorization(
  req: SignedRequest,
  master: SdkCredentials,
  nowS: number,
): (ParsedAuthorization & { signer: NonNullable<ReturnType<typeof signerOf>> }) | string {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string' || !auth) return 'missing Authorization';
  const m = AUTH_RE.exec(auth);
  if (!m) return 'malformed Authorization';
  const [, secretId = '', date = '', signedParams, signedHeaderList = '', signature = ''] = m;
  const signer = signerOf(master, secretId);
  if (!signer) return 'unknown SecretId';
  const rawTs = req.headers['x-timestamp'];
  const timestamp = typeof rawTs === 'string' && /^\d{1,12}$/.test(rawTs) ? Number(rawTs) : NaN;
  if (!Number.isFinite(timestamp)) return 'missing X-Timestamp';
  if (nowS - timestamp > SIGNATURE_MAX_AGE_S || timestamp - nowS > SIGNATURE_MAX_LEAD_S) return 'signature expired';
  if (formatDate(timestamp) !== date) return 'credential date does not match X-Timestamp';
  const signedHeaders = signedHeaderList.split(';');
  // the signer refuses to sign without these; the Host check relies on host being signed
  if (!signedHeaders.includes('host') || !signedHeaders.includes('content-type')) return 'host and content-type must be signed';
  return { secretId, date, signedParams, signedHeaders, signature, timestamp, signer };
}

/** `Signer.tc3sign`'s canonical request, rebuilt from what arrived. */
function canonicalRequest(req: SignedRequest, a: ParsedAuthorization): string {
  const lines: string[] = [];
  for (const name of a.signedHeaders) {
    const v = headerValue(req.headers, name);
    if (v === null) throw new SignatureMismatch(`signed header ${name} is missing`);
    lines.push(`${name}:${v}`);
  }
  const q = req.target.indexOf('?');
  const pathname = q === -1 ? req.target : req.target.slice(0, q);
  const query = q === -1 ? '' : req.target.slice(q + 1);
  const { hash, keys } = payloadHash(req.params);
  if (a.signedParams !== undefined && a.signedParams !== keys.join(';')) throw new SignatureMismatch('signed parameters do not match the body');
  const host = headerValue(req.headers, 'host') ?? '';
  return `${req.method.toLowerCase()}\n//${host}${pathname}\n${query}\n${lines.join('\n')}\n\n${a.signedHeaders.join(';')}\n${hash}`;
}

class SignatureMismatch extends Error {}

/**
 * Who signed the request — `{ fn: null }` the start's credentials (the console), `{ fn }` a function's own — when it
 * carries a valid, current signature by one of them; otherwise why not, as a string.
 */
export function verifySignature(
  req: SignedRequest,
  master: SdkCredentials,
  nowS = Math.floor(Date.now() / 1000),
): { fn: string | null; signature: string; timestamp: number } | string {
  const a = parseAuthorization(req, master, nowS);
  if (typeof a === 'string') return a;
  const creds = a.signer.creds;
  let canonical: string;
  try {
    canonical = canonicalRequest(req, a);
  } catch (e) {
    if (e instanceof SignatureMismatch) return e.message;
    throw e;
  }
  const scope = `${a.date}/${SERVICE}/tc3_request`;
  const stringToSign = `${ALGORITHM}\n${a.timestamp}\n${scope}\n${crypto.createHash('sha256').update(canonical).digest('hex')}`;
  const key = hmac(hmac(hmac(`TC3${creds.secretKey}`, a.date), SERVICE), 'tc3_request');
  const expected = crypto.createHmac('sha256', key).update(stringToSign).digest('hex');
  return sameText(expected, a.signature) ? { fn: a.signer.fn, signature: a.signature, timestamp: a.timestamp } : 'signature does not match';
}

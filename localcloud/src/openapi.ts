/**
 * `wx.openApi` as wx-server-sdk 4.0.2 calls it for `cloud.openapi.*`: a multipart form whose `requestData` part is a
 * protobuf `CommApiData { apiType=1:int32, openapiData=2:OpenApiData { pairs=1:KeyValuePair { key=1, value=2:bytes } } }`,
 * each value being the JSON text of one (snake_case) parameter. The reply is a protobuf
 * `CommOpenApiResp { respData=1:bytes, contentType=2:string, errorCode=3, httpCode=4 }`; the SDK turns a JSON body
 * with `errcode` into a thrown error and any other content type into `{ contentType, buffer }`.
 * wxacode.getUnlimited and subscribeMessage.send (./subscribe.ts) are implemented; other APIs answer errcode -604100
 * (API not found).
 */
import QRCode from 'qrcode';
import type { SubscribeMessages } from './subscribe';

// ---- minimal protobuf wire format ----

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++] as number;
    result += (b & 0x7f) * 2 ** shift;
    if (!(b & 0x80)) return [result, pos];
    shift += 7;
  }
}

/** Fields of one message: field number → list of raw values (numbers for varints, Buffers for length-delimited). */
function decodeMessage(buf: Buffer): Map<number, Array<number | Buffer>> {
  const fields = new Map<number, Array<number | Buffer>>();
  let pos = 0;
  while (pos < buf.length) {
    let tag: number;
    [tag, pos] = readVarint(buf, pos);
    const field = Math.floor(tag / 8);
    const wire = tag & 7;
    let value: number | Buffer;
    if (wire === 0) [value, pos] = readVarint(buf, pos);
    else if (wire === 2) {
      let len: number;
      [len, pos] = readVarint(buf, pos);
      value = buf.subarray(pos, pos + len);
      pos += len;
    } else if (wire === 1) {
      value = buf.subarray(pos, pos + 8);
      pos += 8;
    } else if (wire === 5) {
      value = buf.subarray(pos, pos + 4);
      pos += 4;
    } else throw new Error(`unsupported wire type ${wire}`);
    const list = fields.get(field) ?? [];
    list.push(value);
    fields.set(field, list);
  }
  return fields;
}

function writeVarint(n: number): Buffer {
  const bytes: number[] = [];
  let v = n;
  while (v >= 0x80) {
    bytes.push((v % 128) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
  return Buffer.from(bytes);
}

const bytesField = (field: number, value: Buffer): Buffer => Buffer.concat([writeVarint(field * 8 + 2), writeVarint(value.length), value]);
const varintField = (field: number, value: number): Buffer => Buffer.concat([writeVarint(field * 8), writeVarint(value)]);

export function encodeOpenApiResp(respData: Buffer, contentType: string, httpCode = 200): Buffer {
  return Buffer.concat([bytesField(1, respData), bytesField(2, Buffer.from(contentType)), varintField(4, httpCode)]);
}

/** A negative int32 as protobuf writes it: ten bytes of its 64-bit two's complement. */
function negativeVarint(n: number): Buffer {
  let v = (1n << 64n) + BigInt(n);
  const bytes: number[] = [];
  while (v >= 0x80n) {
    bytes.push(Number(v & 0x7fn) | 0x80);
    v >>= 7n;
  }
  bytes.push(Number(v));
  return Buffer.from(bytes);
}

/** The platform refusing the call itself (CommOpenApiResp.errorCode): wx-server-sdk throws that code. */
export function encodeOpenApiError(errorCode: number): Buffer {
  return Buffer.concat([writeVarint(3 * 8), errorCode < 0 ? negativeVarint(errorCode) : writeVarint(errorCode), varintField(4, 200)]);
}

/** A function may make only the cloud calls its config.json declares (`permissions.openapi`). */
export const OPENAPI_NO_PERMISSION = -604101;

/** Parameters of an OPEN_API call, JSON-decoded. */
export function decodeOpenApiParams(requestData: Buffer): Record<string, unknown> {
  const comm = decodeMessage(requestData);
  const openapiData = comm.get(2)?.[0];
  const params: Record<string, unknown> = {};
  if (!Buffer.isBuffer(openapiData)) return params;
  for (const pair of decodeMessage(openapiData).get(1) ?? []) {
    if (!Buffer.isBuffer(pair)) continue;
    const kv = decodeMessage(pair);
    const key = kv.get(1)?.[0];
    const value = kv.get(2)?.[0];
    if (!Buffer.isBuffer(key)) continue;
    const text = Buffer.isBuffer(value) ? value.toString('utf8') : '';
    try {
      params[key.toString('utf8')] = JSON.parse(text);
    } catch {
      params[key.toString('utf8')] = text;
    }
  }
  return params;
}

// ---- multipart/form-data (what form-data in node-sdk produces) ----

export interface MultipartPart {
  name: string;
  content: Buffer;
  /** The part carried its own Content-Type: form-data sends Buffers (files) that way, plain strings without. */
  isFile: boolean;
}

export function parseMultipartParts(body: Buffer, contentType: string | undefined): MultipartPart[] {
  const parts: MultipartPart[] = [];
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) return parts;
  const delim = Buffer.from(`--${boundary}`);
  let pos = body.indexOf(delim);
  while (pos !== -1) {
    const start = pos + delim.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const headerEnd = body.indexOf('\r\n\r\n', start);
    if (headerEnd === -1) break;
    const headers = body.subarray(start, headerEnd).toString('utf8');
    const next = body.indexOf(delim, headerEnd + 4);
    if (next === -1) break;
    const content = body.subarray(headerEnd + 4, next - 2); // strip the CRLF before the delimiter
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name) parts.push({ name, content, isFile: /^content-type:/im.test(headers) });
    pos = next;
  }
  return parts;
}

export function parseMultipart(body: Buffer, contentType: string | undefined): Map<string, Buffer> {
  return new Map(parseMultipartParts(body, contentType).map((p) => [p.name, p.content]));
}

// ---- wxacode.getUnlimited ----

export interface OpenApiReply {
  body: Buffer;
  contentType: string;
}

const jsonReply = (obj: object): OpenApiReply => ({ body: Buffer.from(JSON.stringify(obj)), contentType: 'application/json; charset=UTF-8' });

const SCENE_RE = /^[0-9A-Za-z!#$&'()*+,/:;=?@._~-]{1,32}$/;
/** Locally every page of the app is "published": accept `pages/...` or a subpackage page `<root>/pages/...`-like path. */
const PAGE_RE = /^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)+$/;

export async function wxacodeGetUnlimited(params: Record<string, unknown>, publicBaseUrl: string): Promise<OpenApiReply> {
  const { scene, page } = params;
  if (typeof scene !== 'string' || !SCENE_RE.test(scene)) {
    return jsonReply({ errcode: 40169, errmsg: 'invalid length for scene, or the data is not json string' });
  }
  let width = 430;
  if (params.width !== undefined) {
    width = Number(params.width);
    if (!Number.isInteger(width) || width < 280 || width > 1280) return jsonReply({ errcode: 40097, errmsg: 'invalid args: width must be 280-1280' });
  }
  // the version the code opens (release by default); the platform refuses any other word
  if (params.env_version !== undefined && !(typeof params.env_version === 'string' && ['release', 'trial', 'develop'].includes(params.env_version))) {
    return jsonReply({ errcode: 40097, errmsg: 'invalid args: env_version must be release, trial or develop' });
  }
  const checkPath = params.check_path !== false;
  let pagePath = 'pages/index/index';
  if (page !== undefined && page !== '') {
    if (typeof page !== 'string' || page.startsWith('/') || page.length > 128)
      return jsonReply({ errcode: 41030, errmsg: 'invalid page hint: page must not start with /' });
    if (checkPath && !PAGE_RE.test(page)) return jsonReply({ errcode: 41030, errmsg: 'invalid page hint' });
    pagePath = page;
  }
  const target = `${publicBaseUrl}/#/${pagePath}?scene=${encodeURIComponent(scene)}`;
  // No PNG row filters and the fastest deflate: a two-colour image hardly compresses better with them, and pngjs's
  // adaptive filtering made one 600 px code take ~4× as long (seconds on a loaded machine, past a 3 s timeout).
  const png = await QRCode.toBuffer(target, {
    type: 'png',
    width,
    margin: 2,
    errorCorrectionLevel: 'M',
    // pngjs takes filterType; @types/qrcode lists only the deflate options
    rendererOpts: { filterType: 0, deflateLevel: 1 } as QRCode.QRCodeToBufferOptions['rendererOpts'],
  });
  return { body: png, contentType: 'image/png' };
}

export interface OpenApiDeps {
  publicBaseUrl: string;
  messages: SubscribeMessages;
}

export async function callOpenApi(apiName: string, requestData: Buffer, deps: OpenApiDeps): Promise<Buffer> {
  let reply: OpenApiReply;
  let params: Record<string, unknown>;
  try {
    params = decodeOpenApiParams(requestData);
  } catch {
    return encodeOpenApiResp(jsonReply({ errcode: 40097, errmsg: 'invalid args: bad request data' }).body, 'application/json; charset=UTF-8');
  }
  if (apiName === 'wxacode.getUnlimited') reply = await wxacodeGetUnlimited(params, deps.publicBaseUrl);
  else if (apiName === 'subscribeMessage.send') reply = jsonReply(deps.messages.send(params, Date.now()));
  else reply = jsonReply({ errcode: -604100, errmsg: `API not found in local cloud: ${apiName}` });
  return encodeOpenApiResp(reply.body, reply.contentType);
}

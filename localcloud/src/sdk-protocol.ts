/**
 * The endpoint wx-server-sdk 4.0.2 (through @cloudbase/node-sdk 3.17.2) posts every call to, once
 * `TCB_CONTEXT_CNFG={"URL":"<base>/admin"}` redirects it. node-sdk appends `?env=..&seqId=..` and signs the request
 * (TC3-HMAC-SHA256 `Authorization`, see tc3.ts) with `TENCENTCLOUD_SECRETID` / `TENCENTCLOUD_SECRETKEY`: the local
 * cloud gives the function host fresh ones at each start and answers only requests signed with them, within the
 * signature's 600 s life. Whoever can call this endpoint has the whole database, storage and every function, so an
 * unsigned, badly signed or browser-sent (`Origin`) request is refused before anything else happens.
 *
 * Reply shapes node-sdk expects (HTTP 200, JSON):
 * - success: `{ requestId, data: {...} }` (startTransaction: `{ requestId, transactionId }`)
 * - failure: `{ code: '<CLOUDBASE_CODE>', message, requestId }` — node-sdk throws it; wx-server-sdk maps `code` through
 *   TCB_ERR_CODE (unknown codes become -501001) and keeps `message` in errMsg, so messages carry the code text.
 * `wx.openApi` is a multipart form and is answered with a raw protobuf CommOpenApiResp (see openapi.ts).
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import type { DatabaseService } from './database';
import { FN_ERR, type FunctionsHost } from './functions-host';
import { databaseKind, type DatabaseLimits } from './limits';
import { callOpenApi, encodeOpenApiError, OPENAPI_NO_PERMISSION, parseMultipartParts, type MultipartPart } from './openapi';
import type { SubscribeMessages } from './subscribe';
import { TEMP_URL_DEFAULT_SECONDS, type FileStorage } from './storage';
import { SIGNATURE_MAX_AGE_S, jsonSignedParams, multipartSignedParams, verifySignature, type SdkCredentials, type SignedParam } from './tc3';
import { CloudError } from './transactions';
import { BodyTooLargeError, jsonNestedTooDeep, MAX_JSON_DEPTH, readBody, sendBytes, sendJson } from './http-util';

/** CloudBase refuses request bodies over its gateway cap (6 MB). */
export const MAX_SDK_BODY_BYTES = 6 * 1024 * 1024;

export interface SdkProtocolDeps {
  db: DatabaseService;
  /** The plan's database limits: every `database.*` request is admitted or refused here first. */
  limits: DatabaseLimits;
  functions: FunctionsHost;
  storage: FileStorage;
  appId: string;
  publicBaseUrl: () => string;
  /** Subscribe messages: the platform's record of acceptances, and the outbox (subscribe.ts). */
  messages: SubscribeMessages;
  /** The only credentials whose signature is accepted. */
  credentials: SdkCredentials;
}

type Params = Record<string, unknown>;

export class SdkProtocol {
  /** Requests received, by action (`database.getDocument`, …): what a function costs the database, for the bench. */
  readonly requests = new Map<string, number>();

  /**
   * Signatures accepted and still inside their life (signature → the second it expires), in the order received. A
   * TC3 signature carries no nonce, so a request copied off the wire (or out of a log) could be sent again for its
   * whole life: each is accepted once. The SDK's own requests never repeat one — every URL carries a fresh `seqId`.
   */
  private readonly seen = new Map<string, number>();

  constructor(private readonly deps: SdkProtocolDeps) {}

  /** Who signed the request (a current signature by this start's credentials, not seen before), or why not. */
  private signerOf(req: http.IncomingMessage, signed: Map<string, SignedParam>): { fn: string | null } | string {
    const signer = verifySignature(
      { method: req.method ?? 'POST', target: req.url ?? '/', headers: req.headers, params: signed },
      this.deps.credentials,
    );
    if (typeof signer === 'string') return signer;
    return this.replayed(signer.signature, signer.timestamp) ? 'this signed request was received before' : signer;
  }

  /** Whether this signature was accepted before, remembering it if not; forgets those past their life. */
  private replayed(signature: string, timestamp: number): boolean {
    const nowS = Math.floor(Date.now() / 1000);
    for (const [sig, until] of this.seen) {
      if (until >= nowS) break;
      this.seen.delete(sig);
    }
    if (this.seen.has(signature)) return true;
    this.seen.set(signature, timestamp + SIGNATURE_MAX_AGE_S);
    return false;
  }

  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const requestId = crypto.randomUUID();
    const refuse = (code: string, message: string): void => sendJson(res, 200, { code, message: `[${code}] ${message}`, requestId });
    const early = refusedBeforeBody(req);
    if (early) {
      req.resume();
      return refuse(early.code, early.message);
    }
    const contentType = req.headers['content-type'] ?? '';
    const multipart = /^multipart\/form-data/i.test(contentType);
    let body: Buffer;
    try {
      body = await readBody(req, MAX_SDK_BODY_BYTES);
    } catch (e) {
      if (e instanceof BodyTooLargeError) return refuse('EXCEED_REQUEST_LIMIT', `request body exceeds ${MAX_SDK_BODY_BYTES} bytes`);
      throw e;
    }
    const parsed = multipart ? { parts: parseMultipartParts(body, contentType) } : parseJsonBody(body);
    if ('problem' in parsed) return refuse('INVALID_PARAM', parsed.problem);
    const signed: Map<string, SignedParam> = 'parts' in parsed ? multipartSignedParams(parsed.parts) : jsonSignedParams(parsed.params);
    const signer = this.signerOf(req, signed);
    if (typeof signer === 'string') return refuse('SIGN_PARAM_INVALID', `signature check failed: ${signer}`);
    if ('parts' in parsed) return this.handleMultipart(parsed.parts, requestId, res, signer.fn);

    const params = parsed.params;
    const action = typeof params.action === 'string' ? params.action : 'unknown';
    this.requests.set(action, (this.requests.get(action) ?? 0) + 1);
    if (paramsNestedTooDeep(params)) return refuse('INVALID_PARAM', `${action}: a parameter is nested more than ${MAX_JSON_DEPTH} levels deep`);
    // over the plan's rate, connections or daily quota the platform refuses the request (it does not queue it)
    const kind = databaseKind(action);
    const refused = kind ? this.deps.limits.admit(action, kind) : null;
    if (refused) return sendJson(res, 200, { code: refused.code, message: refused.message, requestId });
    try {
      const reply = await this.dispatch(params);
      sendJson(res, 200, { ...(reply as object), requestId });
    } catch (e) {
      if (e instanceof CloudError) sendJson(res, 200, { code: e.code, message: e.message, requestId });
      else {
        console.error('[localcloud] internal error on', params.action, e);
        sendJson(res, 200, { code: 'SYS_ERR', message: `[SYS_ERR] ${(e as Error).message}`, requestId });
      }
    } finally {
      if (kind) this.deps.limits.release();
    }
  }

  /** `fn`: the function whose instance signed the request, or null for the console's credentials (every right). */
  private async handleMultipart(list: MultipartPart[], requestId: string, res: http.ServerResponse, fn: string | null): Promise<void> {
    const parts = new Map(list.map((p) => [p.name, p.content]));
    const action = parts.get('action')?.toString();
    const apiName = parts.get('apiName')?.toString() ?? '';
    const requestData = parts.get('requestData');
    if (action !== 'wx.openApi' || !requestData) {
      // node-sdk JSON-parses error replies only when the content type is exactly this
      sendJson(
        res,
        200,
        { code: 'INVALID_PARAM', message: `[INVALID_PARAM] unsupported multipart action ${action}`, requestId },
        'application/json; charset=utf-8',
      );
      return;
    }
    // a cloud call the function did not declare in its config.json is refused, as WeChat Cloud refuses it
    if (fn !== null && !this.deps.functions.openapiAllowed(fn, apiName)) {
      sendBytes(res, 200, encodeOpenApiError(OPENAPI_NO_PERMISSION), 'application/octet-stream');
      return;
    }
    const pb = await callOpenApi(apiName, requestData, { publicBaseUrl: this.deps.publicBaseUrl(), messages: this.deps.messages });
    sendBytes(res, 200, pb, 'application/octet-stream');
  }

  private async dispatch(p: Params): Promise<unknown> {
    const now = Date.now();
    const { db } = this.deps;
    switch (p.action) {
      case 'database.getDocument':
        return db.getDocument(p, now);
      case 'database.calculateDocument':
        return db.calculateDocument(p, now);
      case 'database.insertDocument':
        return db.insertDocument(p, now);
      case 'database.modifyDocument':
        return db.modifyDocument(p, now);
      case 'database.removeDocument':
        return db.removeDocument(p, now);
      case 'database.aggregateDocuments':
        return db.aggregateDocuments(p, now);
      case 'database.startTransaction':
        return db.startTransaction();
      case 'database.commitTransaction':
        return db.commitTransaction(p);
      case 'database.abortTransaction':
        return db.abortTransaction(p);
      case 'functions.invokeFunction':
        return this.invokeFunction(p);
      case 'storage.getUploadMetadata':
        return this.uploadMetadata(p);
      case 'storage.batchGetDownloadUrl':
        return this.downloadUrls(p);
      case 'storage.batchDeleteFile':
        return this.deleteFiles(p);
      default:
        throw new CloudError('INVALID_PARAM', `[INVALID_PARAM] action ${String(p.action)} is not supported by the local cloud`);
    }
  }

  private async invokeFunction(p: Params): Promise<unknown> {
    const name = typeof p.function_name === 'string' ? p.function_name : '';
    let event: unknown = {};
    if (typeof p.request_data === 'string' && p.request_data) {
      try {
        event = JSON.parse(p.request_data);
      } catch {
        throw new CloudError('INVALID_PARAM', '[INVALID_PARAM] request_data is not JSON');
      }
    }
    // A function called by another function has no mini-program user: no OPENID, like the cloud.
    const out = await this.deps.functions.invoke(name, event, { openid: '', appid: this.deps.appId, source: 'wx_server' });
    if (!out.ok && out.errCode === FN_ERR.CONCURRENCY_LIMIT) {
      throw new CloudError('EXCEED_CONCURRENT_REQUEST_LIMIT', `[EXCEED_CONCURRENT_REQUEST_LIMIT] errCode: ${out.errCode} | ${out.message}`);
    }
    if (!out.ok) throw new CloudError('FUNCTIONS_EXECUTE_FAIL', `[FUNCTIONS_EXECUTE_FAIL] errCode: ${out.errCode} | ${out.message}`);
    return { data: { response_data: out.json } };
  }

  private uploadMetadata(p: Params): unknown {
    const cloudPath = p.path;
    const problem = this.deps.storage.pathProblem(cloudPath);
    if (problem) throw new CloudError('INVALID_PARAM', `[INVALID_PARAM] ${problem}`);
    const cp = cloudPath as string;
    return {
      data: {
        url: this.deps.storage.uploadUrl(cp),
        token: 'local',
        authorization: 'local',
        fileId: this.deps.storage.fileIdFor(cp),
        cosFileId: 'local',
        download_url: this.deps.storage.tempUrl(cp),
      },
    };
  }

  private downloadUrls(p: Params): unknown {
    const list = Array.isArray(p.file_list) ? (p.file_list as Array<{ fileid?: string; max_age?: number }>) : [];
    if (list.length > 50) throw new CloudError('INVALID_PARAM', '[INVALID_PARAM] at most 50 files a call');
    const { storage } = this.deps;
    return {
      data: {
        download_list: list.map((f) => {
          const fileID = String(f.fileid ?? '');
          const cp = storage.cloudPathOf(fileID);
          const maxAge = typeof f.max_age === 'number' && f.max_age > 0 ? f.max_age : TEMP_URL_DEFAULT_SECONDS;
          if (!cp || !storage.exists(cp)) return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', maxAge };
          return { fileID, tempFileURL: storage.tempUrl(cp, maxAge), code: 'SUCCESS', maxAge };
        }),
      },
    };
  }

  private deleteFiles(p: Params): unknown {
    const list = Array.isArray(p.fileid_list) ? (p.fileid_list as string[]) : [];
    const { storage } = this.deps;
    return {
      data: {
        delete_list: list.map((fileID) => {
          const cp = storage.cloudPathOf(String(fileID));
          return { fileID, code: cp && storage.remove(cp) ? 'SUCCESS' : 'STORAGE_FILE_NONEXIST' };
        }),
      },
    };
  }
}

function parseJsonBody(body: Buffer): { params: Params } | { problem: string } {
  const text = body.toString('utf8');
  if (jsonNestedTooDeep(text)) return { problem: `request body is nested more than ${MAX_JSON_DEPTH} levels deep` };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return { problem: 'request body is not JSON' };
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return { problem: 'request body is not a JSON object' };
  return { params: v as Params };
}

/**
 * Queries, updates, documents, pipeline stages and function events travel as JSON texts inside the body's strings
 * (EJSON): each is bounded like the body itself, before the database or a function instance parses it.
 */
function paramsNestedTooDeep(value: unknown, level = 0): boolean {
  if (typeof value === 'string') return jsonNestedTooDeep(value);
  if (level > 3 || !value || typeof value !== 'object') return false;
  return Object.values(value as Record<string, unknown>).some((v) => paramsNestedTooDeep(v, level + 1));
}

/** What is refused from the headers alone, before a byte of the body is read. */
function refusedBeforeBody(req: http.IncomingMessage): { code: string; message: string } | null {
  // the SDK never sends Origin; a browser always does on a POST: no web page gets in, signed or not
  if (req.headers.origin !== undefined) return { code: 'SIGN_PARAM_INVALID', message: 'requests from web pages are not accepted' };
  if (!req.headers.authorization) {
    return {
      code: 'SIGN_PARAM_INVALID',
      message: 'missing Authorization: sign requests with the secret id and key the local cloud gave the function host',
    };
  }
  const contentType = req.headers['content-type'] ?? '';
  if (!/^(multipart\/form-data|application\/json)/i.test(contentType)) {
    return { code: 'INVALID_PARAM', message: `unsupported content type ${contentType || '(none)'}` };
  }
  return null;
}

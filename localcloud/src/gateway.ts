/**
 * What the H5 build of the mini-program talks to instead of WeChat: in demo mode a dev login standing in for
 * wx.login, function calls relayed with the caller's OPENID (answered like wx.cloud.callFunction), uploads under the
 * storage security rules, temp URLs, signed file downloads, and the static H5 files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { FN_ERR, type FunctionsHost } from './functions-host';
import { BodyTooLargeError, jsonNestedTooDeep, MAX_JSON_DEPTH, readBody, sendBytes, sendJson } from './http-util';
import { contentTypeOf, FileStorage, MAX_UPLOAD_BYTES, TEMP_URL_MAX_FILES } from './storage';
import type { RuleContext, StorageRules } from './storage-rules';
import type { SubscribeMessages } from './subscribe';

/** wx.cloud.callFunction asks for wx.cloud.CDN above 100 KB of call data. */
export const MAX_CALL_DATA_BYTES = 100 * 1024;
const MAX_JSON_BODY_BYTES = 6 * 1024 * 1024;
const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;
/**
 * wx-server-sdk's getWXContext() turns an all-digit value (`/^[-]?\d+$/`) into a number: such an OPENID would reach
 * function code as a number and never match the string it was bound under. WeChat never issues one (its OPENIDs are
 * 28 characters starting with `o`), so the stand-in login refuses them too.
 */
const NUMERIC_RE = /^-?\d+$/;
/** A demo session lasts a working day; after that the H5 client signs in again. */
export const SESSION_TTL_S = 12 * 3600;

/** WeChat's storage error codes (wx-server-sdk TCB_ERR_CODE). */
const STORAGE_PERMISSION_DENIED = -503002;
const STORAGE_FILE_NOT_EXISTS = -503003;

/** The labels wx-server-sdk 4.0.2's ERR_CODE table gives these codes (the SDKs write `<api>:fail <code> <label>. <detail>`). */
const ERR_LABEL: Record<number, string> = {
  [FN_ERR.NOT_FOUND]: 'function not found',
  [FN_ERR.EXECUTE_FAIL]: 'functions execute fail',
  [FN_ERR.TIMEOUT]: 'functions invoke timeout',
  [FN_ERR.RESULT_TOO_LARGE]: 'cloudfunction result size exceed limit (1MB)',
  [FN_ERR.INVALID_PARAM]: 'invalid parameters',
  [FN_ERR.CONCURRENCY_LIMIT]: 'exceed concurrent request limit',
};

export interface GatewayDeps {
  dataDir: string;
  functions: FunctionsHost;
  storage: FileStorage;
  /** The storage security rules every client request to storage is checked against. */
  rules: StorageRules;
  /** Largest file a client may upload (the product's photo limit). */
  clientUploadMaxBytes: number;
  appId: string;
  h5Dir?: string;
  /** Serve the dev sign-in (`/api/dev/login`, `/api/dev/people`): anyone may then be anyone. */
  demo: boolean;
  sessionTtlSeconds?: number;
  listDemoPeople?: () => Promise<unknown[]>;
  /** Subscribe messages: what the signed-in person answers the dialog, and their own 服务通知. */
  messages: SubscribeMessages;
}

class NestedTooDeepError extends Error {}

/**
 * Stateless session tokens `<payload b64url>.<hmac>`, the payload `{"o": openid, "e": expiry (s)}`: they survive a
 * restart of the local cloud, and the expiry sits under the HMAC, so it cannot be stretched.
 */
class Sessions {
  private readonly secret: Buffer;
  constructor(
    dataDir: string,
    private readonly ttlSeconds: number,
  ) {
    const file = path.join(dataDir, 'session-secret');
    if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'));
    this.secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
  private mac(payload: string): string {
    return crypto.createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
  issue(openid: string): { token: string; expiresAt: number } {
    const expiresAt = Math.floor(Date.now() / 1000) + this.ttlSeconds;
    const payload = Buffer.from(JSON.stringify({ o: openid, e: expiresAt })).toString('base64url');
    return { token: `${payload}.${this.mac(payload)}`, expiresAt };
  }
  openidOf(token: string | undefined): string | null {
    if (!token) return null;
    const [payload, mac, extra] = token.split('.');
    if (!payload || !mac || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
    let claims: unknown;
    try {
      claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return null;
    }
    const { o, e } = (claims ?? {}) as { o?: unknown; e?: unknown };
    if (typeof o !== 'string' || typeof e !== 'number' || e <= Date.now() / 1000) return null;
    return o;
  }
}

export class Gateway {
  private readonly sessions: Sessions;

  constructor(private readonly deps: GatewayDeps) {
    this.sessions = new Sessions(deps.dataDir, deps.sessionTtlSeconds ?? SESSION_TTL_S);
  }

  /** Which of the gateway's handlers serves a request, or null when the route is not the gateway's. */
  private route(method: string, pathname: string): ((req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> | void) | null {
    const exact: Record<string, (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>> = {
      'POST /api/call': (req, res) => this.call(req, res),
      'POST /api/upload': (req, res, url) => this.upload(req, res, url),
      'POST /api/temp-urls': (req, res) => this.tempUrls(req, res),
      // wx.requestSubscribeMessage and the person's 服务通知: both the signed-in person's own, as in WeChat
      'POST /api/subscribe': (req, res) => this.subscribe(req, res),
      'GET /api/outbox': (req, res) => this.outbox(req, res),
    };
    // without demo mode there is no way to become anyone: the H5 client has no WeChat to sign in with
    if (this.deps.demo) {
      exact['POST /api/dev/login'] = (req, res) => this.login(req, res);
      exact['GET /api/dev/people'] = (_req, res) => this.people(res);
    }
    const key = `${method} ${pathname}`;
    if (Object.prototype.hasOwnProperty.call(exact, key)) return exact[key] ?? null;
    if (method === 'PUT' && pathname.startsWith('/__upload/')) return (req, res, url) => this.sdkUpload(req, res, url);
    if (method !== 'GET' && method !== 'HEAD') return null;
    if (pathname.startsWith('/storage/')) return (_req, res, url) => this.download(res, url);
    return (_req, res) => this.staticFile(res, pathname);
  }

  /** Returns false when the route is not the gateway's. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> {
    const handler = this.route(req.method ?? 'GET', url.pathname);
    if (!handler) return false;
    try {
      await handler(req, res, url);
    } catch (e) {
      if (e instanceof BodyTooLargeError) sendJson(res, 413, { errCode: -1, errMsg: e.message });
      else if (e instanceof NestedTooDeepError) sendJson(res, 400, { errCode: FN_ERR.INVALID_PARAM, errMsg: e.message });
      else if (e instanceof SyntaxError) sendJson(res, 400, { errCode: -1, errMsg: 'request body is not valid JSON' });
      else throw e;
    }
    return true;
  }

  private async jsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
    const raw = (await readBody(req, MAX_JSON_BODY_BYTES)).toString('utf8');
    if (jsonNestedTooDeep(raw)) throw new NestedTooDeepError(`request body is nested more than ${MAX_JSON_DEPTH} levels deep`);
    const v: unknown = raw ? JSON.parse(raw) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
  }

  private session(req: http.IncomingMessage): string | null {
    const h = req.headers['x-session'];
    return this.sessions.openidOf(Array.isArray(h) ? h[0] : h);
  }

  private async login(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await this.jsonBody(req);
    let openid: string;
    if (body.newUser === true) openid = `o_local_${crypto.randomBytes(12).toString('hex')}`;
    else if (typeof body.openid === 'string' && OPENID_RE.test(body.openid) && !NUMERIC_RE.test(body.openid)) openid = body.openid;
    else {
      sendJson(res, 400, {
        errCode: -1,
        errMsg:
          'login:fail openid must be 1-64 chars of [A-Za-z0-9_-] and not all digits (like WeChat\'s, which start with o), or pass {"newUser": true}',
      });
      return;
    }
    const { token, expiresAt } = this.sessions.issue(openid);
    sendJson(res, 200, { token, openid, expiresAt });
  }

  private async people(res: http.ServerResponse): Promise<void> {
    if (!this.deps.listDemoPeople) {
      sendJson(res, 404, { errCode: -1, errMsg: 'no demo people configured' });
      return;
    }
    sendJson(res, 200, { people: await this.deps.listDemoPeople() });
  }

  /** What the person chose in the subscription dialog the H5 build shows (WeChat's own on a phone). */
  private async subscribe(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await this.jsonBody(req);
    const openid = this.session(req);
    if (!openid) {
      sendJson(res, 401, { errCode: -1, errMsg: 'requestSubscribeMessage:fail no valid X-Session' });
      return;
    }
    const out = this.deps.messages.answer(openid, body.tmplIds, body.answers);
    if (!out.ok) sendJson(res, 200, { errCode: out.errCode, errMsg: `requestSubscribeMessage:fail ${out.errMsg}` });
    else sendJson(res, 200, { errMsg: 'requestSubscribeMessage:ok', ...out.result });
  }

  private outbox(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const openid = this.session(req);
    if (!openid) {
      sendJson(res, 401, { errCode: -1, errMsg: 'outbox: no valid X-Session' });
      return Promise.resolve();
    }
    const messages = this.deps.messages.outbox(openid).map(({ _id: id, touser: _to, ...m }) => ({ id, ...m }));
    sendJson(res, 200, { messages });
    return Promise.resolve();
  }

  private async call(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fail = (errCode: number, message: string): void =>
      sendJson(res, 200, { errCode, errMsg: `callFunction:fail ${errCode} ${ERR_LABEL[errCode] ?? ''}. ${message}` });
    const raw = (await readBody(req, MAX_JSON_BODY_BYTES)).toString('utf8');
    // checked on the text, before anything recursive (parse, stringify, the clone to the instance) touches it
    if (jsonNestedTooDeep(raw)) {
      fail(FN_ERR.INVALID_PARAM, `call data is nested more than ${MAX_JSON_DEPTH} levels deep`);
      return;
    }
    const body = JSON.parse(raw || '{}') as { name?: unknown; data?: unknown };
    if (typeof body.name !== 'string' || !body.name) {
      fail(FN_ERR.INVALID_PARAM, 'name is required');
      return;
    }
    const dataJson = JSON.stringify(body.data ?? {});
    if (Buffer.byteLength(dataJson) > MAX_CALL_DATA_BYTES) {
      fail(FN_ERR.INVALID_PARAM, `call data is ${Buffer.byteLength(dataJson)} bytes, over 100KB: pass large data through wx.cloud.CDN`);
      return;
    }
    const openid = this.session(req) ?? '';
    const data = body.data && typeof body.data === 'object' && !Array.isArray(body.data) ? (body.data as Record<string, unknown>) : {};
    // the cloud adds the caller to the event of a call from a mini-program
    const event = { ...data, userInfo: { appId: this.deps.appId, openId: openid } };
    const out = await this.deps.functions.invoke(body.name, event, { openid, appid: this.deps.appId, source: 'wx_client' });
    if (!out.ok) {
      fail(out.errCode, out.message);
      return;
    }
    const text = `{"result":${out.json}}`;
    sendBytes(res, 200, Buffer.from(text), 'application/json; charset=utf-8');
  }

  /** The storage security rules' view of a client request on `cloudPath`. */
  private ruleContext(openid: string | null, cloudPath: string): RuleContext {
    const owner = this.deps.storage.ownerOf(cloudPath);
    // a file not there yet would be created by (and belong to) the caller
    return { auth: openid ? { openid } : null, resource: { openid: owner ?? openid, path: cloudPath }, now: Date.now() };
  }

  /** wx.cloud.uploadFile from the H5 client: the storage rules, then the body streamed under the size limit. */
  private async upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const refuse = (status: number, errCode: number, message: string): void => {
      req.resume();
      sendJson(res, status, { errCode, errMsg: `uploadFile:fail ${message}` });
    };
    const openid = this.session(req);
    const cloudPath = url.searchParams.get('cloudPath');
    const problem = this.deps.storage.pathProblem(cloudPath);
    if (problem || cloudPath === null) return refuse(400, FN_ERR.INVALID_PARAM, problem ?? 'cloudPath is required');
    if (!this.deps.rules.allows('write', this.ruleContext(openid, cloudPath))) {
      if (!openid) return refuse(401, STORAGE_PERMISSION_DENIED, 'storage permission denied: no valid X-Session');
      return refuse(403, STORAGE_PERMISSION_DENIED, `storage permission denied: the storage rules do not let this user write ${cloudPath}`);
    }
    const max = this.deps.clientUploadMaxBytes;
    const mb = `${Math.round(max / 1024 / 1024)}MB`;
    if (Number(req.headers['content-length']) > max) return refuse(413, FN_ERR.INVALID_PARAM, `file is over ${mb}`);
    const out = await this.deps.storage.receive(cloudPath, req, { maxBytes: max, imageOnly: isImagePath(cloudPath), owner: openid ?? '' });
    if (out.ok) sendJson(res, 200, { fileID: out.fileID });
    else if (out.reason === 'too-large') sendJson(res, 413, { errCode: FN_ERR.INVALID_PARAM, errMsg: `uploadFile:fail file is over ${mb}` });
    else if (out.reason === 'not-image')
      sendJson(res, 415, { errCode: FN_ERR.INVALID_PARAM, errMsg: 'uploadFile:fail only JPEG, PNG, GIF or WebP images belong here' });
    else res.destroy();
  }

  private async tempUrls(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await this.jsonBody(req);
    const list: unknown = body.fileList;
    if (!Array.isArray(list) || list.length > TEMP_URL_MAX_FILES) {
      sendJson(res, 400, { errCode: -501007, errMsg: `getTempFileURL:fail fileList must be an array of at most ${TEMP_URL_MAX_FILES}` });
      return;
    }
    const { storage, rules } = this.deps;
    const openid = this.session(req);
    sendJson(res, 200, {
      fileList: (list as unknown[]).map((fileID: unknown) => {
        const cp = typeof fileID === 'string' ? storage.cloudPathOf(fileID) : null;
        if (!cp || !storage.exists(cp)) return { fileID, tempFileURL: '', status: STORAGE_FILE_NOT_EXISTS, errMsg: 'storage file not exists' };
        if (!rules.allows('read', this.ruleContext(openid, cp))) {
          return { fileID, tempFileURL: '', status: STORAGE_PERMISSION_DENIED, errMsg: 'storage permission denied' };
        }
        return { fileID, tempFileURL: storage.tempUrl(cp), status: 0, errMsg: 'ok' };
      }),
    });
  }

  /** The upload the SDK makes to the URL storage.getUploadMetadata returned. Empty 200 body = success (COS style). */
  private async sdkUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    let cloudPath: string;
    try {
      cloudPath = decodeURIComponent(url.pathname.slice('/__upload/'.length));
    } catch {
      cloudPath = '';
    }
    // answered as COS would, an XML error the SDK reports
    const cosError = (status: number, code: string, message: string): void => {
      req.resume();
      const text = message.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      const xml = `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${text}</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>`;
      sendBytes(res, status, Buffer.from(xml), 'application/xml');
    };
    if (
      FileStorage.checkCloudPath(cloudPath) ||
      !this.deps.storage.verify('put', cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'))
    ) {
      return cosError(403, 'AccessDenied', 'bad or expired signature');
    }
    const problem = this.deps.storage.pathProblem(cloudPath);
    if (problem) return cosError(409, 'InvalidObjectName', problem);
    if (Number(req.headers['content-length']) > MAX_UPLOAD_BYTES) return cosError(400, 'EntityTooLarge', `over ${MAX_UPLOAD_BYTES} bytes`);
    // functions are not subject to the storage rules; what they write belongs to no client
    const out = await this.deps.storage.receive(cloudPath, req, { maxBytes: MAX_UPLOAD_BYTES, imageOnly: false, owner: '' });
    if (out.ok) {
      res.writeHead(200, { 'Content-Length': 0 });
      res.end();
    } else if (out.reason === 'too-large') cosError(400, 'EntityTooLarge', `over ${MAX_UPLOAD_BYTES} bytes`);
    else res.destroy();
  }

  private download(res: http.ServerResponse, url: URL): void {
    let cloudPath: string;
    try {
      cloudPath = decodeURIComponent(url.pathname.slice('/storage/'.length));
    } catch {
      sendJson(res, 400, { error: 'bad path' });
      return;
    }
    if (
      FileStorage.checkCloudPath(cloudPath) ||
      !this.deps.storage.verify('get', cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'))
    ) {
      sendJson(res, 403, { error: 'invalid or expired signature' });
      return;
    }
    const bytes = this.deps.storage.read(cloudPath);
    if (!bytes) {
      sendJson(res, 404, { error: 'file not found' });
      return;
    }
    // the files share the H5 app's origin here (on WeChat they live on a storage domain of their own): never let one
    // run as a page of that origin, whatever it holds
    sendBytes(res, 200, bytes, contentTypeOf(cloudPath), {
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "sandbox; default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'",
    });
  }

  private staticFile(res: http.ServerResponse, pathname: string): void {
    const root = this.deps.h5Dir;
    if (!root) {
      sendJson(res, 404, { error: 'not found' });
      return;
    }
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      rel = pathname;
    }
    const rootAbs = path.resolve(root);
    let file = path.resolve(rootAbs, `.${rel}`);
    if (file !== rootAbs && !file.startsWith(rootAbs + path.sep)) {
      sendJson(res, 403, { error: 'forbidden' });
      return;
    }
    const isFile = (f: string): boolean => {
      try {
        return fs.statSync(f).isFile();
      } catch {
        return false;
      }
    };
    if (!isFile(file)) {
      // the H5 router uses hash mode; '/' and extensionless paths get the app shell
      if (rel === '/' || !path.extname(rel)) file = path.join(rootAbs, 'index.html');
      if (!isFile(file)) {
        sendJson(res, 404, { error: 'not found' });
        return;
      }
    }
    const cache = file.endsWith('index.html') ? 'no-cache' : 'public, max-age=300';
    sendBytes(res, 200, fs.readFileSync(file), contentTypeOf(file), { 'Cache-Control': cache });
  }
}

const IMAGE_EXT_RE = /\.(jpe?g|png|gif|webp)$/i;
/** Where the product expects an image (by the file's extension), only an image's bytes are accepted. */
const isImagePath = (cloudPath: string): boolean => IMAGE_EXT_RE.test(cloudPath);

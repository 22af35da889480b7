/**
 * What the H5 build of the mini-program talks to instead of WeChat: a dev login standing in for wx.login, function
 * calls relayed with the caller's OPENID (answered like wx.cloud.callFunction), uploads, temp URLs, signed file
 * downloads, and the static H5 files.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { FN_ERR, type FunctionsHost } from './functions-host';
import { BodyTooLargeError, readBody, sendBytes, sendJson } from './http-util';
import { contentTypeOf, FileStorage, MAX_UPLOAD_BYTES, TEMP_URL_MAX_FILES } from './storage';

/** wx.cloud.callFunction asks for wx.cloud.CDN above 100 KB of call data. */
export const MAX_CALL_DATA_BYTES = 100 * 1024;
const MAX_JSON_BODY_BYTES = 6 * 1024 * 1024;
const OPENID_RE = /^[A-Za-z0-9_-]{1,64}$/;

const ERR_LABEL: Record<number, string> = {
  [FN_ERR.NOT_FOUND]: 'function not found',
  [FN_ERR.EXECUTE_FAIL]: 'functions execute fail',
  [FN_ERR.TIMEOUT]: 'functions invoke timeout',
  [FN_ERR.RESULT_TOO_LARGE]: 'cloudfunction result size exceed limit (1MB)',
  [-501007]: 'invalid parameters',
};

export interface GatewayDeps {
  dataDir: string;
  functions: FunctionsHost;
  storage: FileStorage;
  appId: string;
  h5Dir?: string;
  listDemoPeople?: () => Promise<unknown[]>;
}

/** Stateless session tokens (`<openid b64url>.<hmac>`), so sessions survive a restart of the local cloud. */
class Sessions {
  private readonly secret: Buffer;
  constructor(dataDir: string) {
    const file = path.join(dataDir, 'session-secret');
    if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString('hex'));
    this.secret = Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
  private mac(payload: string): string {
    return crypto.createHmac('sha256', this.secret).update(payload).digest('base64url');
  }
  issue(openid: string): string {
    const payload = Buffer.from(openid).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }
  openidOf(token: string | undefined): string | null {
    if (!token) return null;
    const [payload, mac] = token.split('.');
    if (!payload || !mac) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
    return Buffer.from(payload, 'base64url').toString('utf8');
  }
}

export class Gateway {
  private readonly sessions: Sessions;

  constructor(private readonly deps: GatewayDeps) {
    this.sessions = new Sessions(deps.dataDir);
  }

  /** Which of the gateway's handlers serves a request, or null when the route is not the gateway's. */
  private route(method: string, pathname: string): ((req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void> | void) | null {
    const exact: Record<string, (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<void>> = {
      'POST /api/dev/login': (req, res) => this.login(req, res),
      'GET /api/dev/people': (_req, res) => this.people(res),
      'POST /api/call': (req, res) => this.call(req, res),
      'POST /api/upload': (req, res, url) => this.upload(req, res, url),
      'POST /api/temp-urls': (req, res) => this.tempUrls(req, res),
    };
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
      else if (e instanceof SyntaxError) sendJson(res, 400, { errCode: -1, errMsg: 'request body is not valid JSON' });
      else throw e;
    }
    return true;
  }

  private async jsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
    const raw = (await readBody(req, MAX_JSON_BODY_BYTES)).toString('utf8');
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
    else if (typeof body.openid === 'string' && OPENID_RE.test(body.openid)) openid = body.openid;
    else {
      sendJson(res, 400, { errCode: -1, errMsg: 'login:fail openid must be 1-64 chars of [A-Za-z0-9_-], or pass {"newUser": true}' });
      return;
    }
    sendJson(res, 200, { token: this.sessions.issue(openid), openid });
  }

  private async people(res: http.ServerResponse): Promise<void> {
    if (!this.deps.listDemoPeople) {
      sendJson(res, 404, { errCode: -1, errMsg: 'no demo people configured' });
      return;
    }
    sendJson(res, 200, { people: await this.deps.listDemoPeople() });
  }

  private async call(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const fail = (errCode: number, message: string): void =>
      sendJson(res, 200, { errCode, errMsg: `callFunction:fail ${errCode} ${ERR_LABEL[errCode] ?? ''}. ${message}` });
    const raw = await readBody(req, MAX_JSON_BODY_BYTES);
    const body = JSON.parse(raw.toString('utf8') || '{}') as { name?: unknown; data?: unknown };
    if (typeof body.name !== 'string' || !body.name) {
      fail(-501007, 'name is required');
      return;
    }
    const dataJson = JSON.stringify(body.data ?? {});
    if (Buffer.byteLength(dataJson) > MAX_CALL_DATA_BYTES) {
      fail(-501007, `call data is ${Buffer.byteLength(dataJson)} bytes, over 100KB: pass large data through wx.cloud.CDN`);
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

  private async upload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    if (!this.session(req)) {
      sendJson(res, 401, { errCode: -1, errMsg: 'uploadFile:fail no valid X-Session' });
      return;
    }
    const cloudPath = url.searchParams.get('cloudPath');
    const problem = FileStorage.checkCloudPath(cloudPath);
    if (problem) {
      sendJson(res, 400, { errCode: -501007, errMsg: `uploadFile:fail ${problem}` });
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readBody(req, MAX_UPLOAD_BYTES);
    } catch (e) {
      if (e instanceof BodyTooLargeError) {
        sendJson(res, 413, { errCode: -1, errMsg: 'uploadFile:fail file is over 10MB' });
        return;
      }
      throw e;
    }
    sendJson(res, 200, { fileID: this.deps.storage.write(cloudPath as string, bytes) });
  }

  private async tempUrls(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await this.jsonBody(req);
    const list: unknown = body.fileList;
    if (!Array.isArray(list) || list.length > TEMP_URL_MAX_FILES) {
      sendJson(res, 400, { errCode: -501007, errMsg: `getTempFileURL:fail fileList must be an array of at most ${TEMP_URL_MAX_FILES}` });
      return;
    }
    const { storage } = this.deps;
    sendJson(res, 200, {
      fileList: (list as unknown[]).map((fileID: unknown) => {
        const cp = typeof fileID === 'string' ? storage.cloudPathOf(fileID) : null;
        if (!cp || !storage.exists(cp)) return { fileID, tempFileURL: '', status: -503003, errMsg: 'storage file not exists' };
        return { fileID, tempFileURL: storage.tempUrl(cp), status: 0, errMsg: 'ok' };
      }),
    });
  }

  /** The upload the SDK makes to the URL storage.getUploadMetadata returned. Empty 200 body = success (COS style). */
  private async sdkUpload(req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<void> {
    const cloudPath = decodeURIComponent(url.pathname.slice('/__upload/'.length));
    if (
      FileStorage.checkCloudPath(cloudPath) ||
      !this.deps.storage.verify('put', cloudPath, url.searchParams.get('sign'), url.searchParams.get('t'))
    ) {
      req.resume();
      sendBytes(
        res,
        403,
        Buffer.from(
          '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>bad or expired signature</Message><RequestId>local</RequestId><TraceId>local</TraceId></Error>',
        ),
        'application/xml',
      );
      return;
    }
    const bytes = await readBody(req, MAX_UPLOAD_BYTES);
    this.deps.storage.write(cloudPath, bytes);
    res.writeHead(200, { 'Content-Length': 0 });
    res.end();
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
    sendBytes(res, 200, bytes, contentTypeOf(cloudPath), { 'Cache-Control': 'private, max-age=3600' });
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

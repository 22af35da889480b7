/**
 * Cloud storage stand-in: files under `<dataDir>/storage/<cloudPath>`, fileIDs `cloud://<envId>.local/<cloudPath>`,
 * temporary URLs `<base>/storage/<cloudPath>?sign=..&t=..` signed with an HMAC secret kept in the data dir (so links
 * stay valid across restarts, like the cloud's). Each file remembers who created it (`resource.openid` of the
 * storage security rules; empty for files written by functions) in `<dataDir>/storage-meta/<cloudPath>.json`.
 * Uploads stream to `<dataDir>/storage-tmp/` while their size is counted, and move into place only when complete.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';

/** What a function may upload in one file here. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const TEMP_URL_DEFAULT_SECONDS = 24 * 3600;
export const TEMP_URL_MAX_FILES = 50;

/** First bytes of the image formats a phone's camera or album hands over (chooseImage: JPEG, PNG, GIF, WebP). */
export function isImage(head: Buffer): boolean {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return true;
  if (head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return true;
  const ascii = head.subarray(0, 12).toString('latin1');
  if (ascii.startsWith('GIF87a') || ascii.startsWith('GIF89a')) return true;
  return ascii.startsWith('RIFF') && ascii.slice(8, 12) === 'WEBP';
}

/** Bytes needed to tell an image by its first bytes. */
const SNIFF_BYTES = 12;

export interface ReceiveOptions {
  maxBytes: number;
  /** Refuse, from the first bytes, anything that is not a JPEG, PNG, GIF or WebP image. */
  imageOnly: boolean;
  /** Creator recorded for the storage rules: the client's OPENID, or '' for a function. */
  owner: string;
}

export type ReceiveOutcome = { ok: true; fileID: string; size: number } | { ok: false; reason: 'too-large' | 'not-image' | 'aborted' };

export class FileStorage {
  private readonly root: string;
  private readonly metaRoot: string;
  private readonly tmpRoot: string;
  private readonly secret: Buffer;

  constructor(
    dataDir: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    this.root = path.join(dataDir, 'storage');
    this.metaRoot = path.join(dataDir, 'storage-meta');
    this.tmpRoot = path.join(dataDir, 'storage-tmp');
    for (const dir of [this.root, this.metaRoot, this.tmpRoot]) fs.mkdirSync(dir, { recursive: true });
    // a crash mid-upload leaves only temp files here: nobody else reads this folder
    for (const f of fs.readdirSync(this.tmpRoot)) fs.rmSync(path.join(this.tmpRoot, f), { force: true });
    const secretFile = path.join(dataDir, 'storage-secret');
    if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('hex'));
    this.secret = Buffer.from(fs.readFileSync(secretFile, 'utf8').trim(), 'hex');
  }

  /** Validation of a cloud path: relative, no `..`, at most 256 chars. Returns an error message or null. */
  static checkCloudPath(cloudPath: unknown): string | null {
    if (typeof cloudPath !== 'string' || !cloudPath) return 'cloudPath is required';
    if (cloudPath.length > 256) return 'cloudPath is longer than 256 characters';
    if (cloudPath.startsWith('/')) return 'cloudPath must not start with /';
    if (cloudPath.split('/').some((seg) => seg === '..' || seg === '.' || seg === '')) return 'cloudPath has an empty, . or .. segment';
    // control characters and backslashes have no place in a cloud path
    // eslint-disable-next-line no-control-regex
    if (/[\\\u0000-\u001f]/.test(cloudPath)) return 'cloudPath has invalid characters';
    return null;
  }

  /**
   * A valid cloud path can still not be a file here: `invites` while `invites/…` files exist is a folder, and
   * `a.png/b` sits under a file. Returns why, or null.
   */
  pathProblem(cloudPath: unknown): string | null {
    const invalid = FileStorage.checkCloudPath(cloudPath);
    if (invalid) return invalid;
    const segs = (cloudPath as string).split('/');
    for (let i = 1; i <= segs.length; i += 1) {
      let st: fs.Stats;
      try {
        st = fs.statSync(path.join(this.root, ...segs.slice(0, i)));
      } catch {
        return null; // from here on nothing exists: the path is free
      }
      if (i < segs.length && !st.isDirectory()) return `cloudPath ${segs.slice(0, i).join('/')} is a file, not a folder`;
      if (i === segs.length && st.isDirectory()) return `cloudPath ${cloudPath as string} is a folder`;
    }
    return null;
  }

  fileIdFor(cloudPath: string): string {
    return `cloud://${this.envId}.local/${cloudPath}`;
  }

  /** cloudPath of one of our fileIDs, or null for a foreign / malformed one. */
  cloudPathOf(fileId: string): string | null {
    const prefix = `cloud://${this.envId}.local/`;
    if (!fileId.startsWith(prefix)) return null;
    const p = fileId.slice(prefix.length);
    return FileStorage.checkCloudPath(p) ? null : p;
  }

  private fileOf(cloudPath: string): string {
    return path.join(this.root, ...cloudPath.split('/'));
  }

  private metaOf(cloudPath: string): string {
    return `${path.join(this.metaRoot, ...cloudPath.split('/'))}.json`;
  }

  /**
   * Stream a request body into `cloudPath`: counted as it arrives (refused past `maxBytes` without buffering),
   * sniffed from its first bytes when only images belong there, written to a temp file and renamed into place
   * once complete, so a reader never sees half a file and a refused upload leaves nothing behind. The caller
   * checks `pathProblem` first.
   */
  receive(cloudPath: string, req: http.IncomingMessage, opts: ReceiveOptions): Promise<ReceiveOutcome> {
    const tmp = path.join(this.tmpRoot, `${process.pid}-${crypto.randomBytes(8).toString('hex')}.tmp`);
    const out = fs.createWriteStream(tmp, { flags: 'wx' });
    return new Promise<ReceiveOutcome>((resolve, reject) => {
      let size = 0;
      let head = Buffer.alloc(0);
      let done = false;
      const fail = (reason: 'too-large' | 'not-image' | 'aborted'): void => {
        if (done) return;
        done = true;
        req.unpipe(out);
        // the rest of the body is read and dropped (never kept), so the client can read our answer
        req.resume();
        out.destroy();
        fs.rm(tmp, { force: true }, () => resolve({ ok: false, reason }));
      };
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        size += chunk.length;
        if (size > opts.maxBytes) return fail('too-large');
        if (opts.imageOnly && head.length < SNIFF_BYTES) {
          head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
          if (head.length >= SNIFF_BYTES && !isImage(head)) fail('not-image');
        }
      });
      req.on('close', () => {
        if (!req.complete) fail('aborted');
      });
      req.on('error', () => fail('aborted'));
      out.on('error', () => fail('aborted'));
      out.on('finish', () => {
        if (done) return;
        if (opts.imageOnly && !isImage(head)) return fail('not-image');
        done = true;
        try {
          this.commit(cloudPath, tmp, opts.owner);
          resolve({ ok: true, fileID: this.fileIdFor(cloudPath), size });
        } catch (e) {
          fs.rmSync(tmp, { force: true });
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      });
      req.pipe(out);
    });
  }

  private commit(cloudPath: string, tmp: string, owner: string): void {
    const file = this.fileOf(cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.renameSync(tmp, file);
    const meta = this.metaOf(cloudPath);
    fs.mkdirSync(path.dirname(meta), { recursive: true });
    const metaTmp = path.join(this.tmpRoot, `${process.pid}-${crypto.randomBytes(8).toString('hex')}.meta`);
    fs.writeFileSync(metaTmp, JSON.stringify({ openid: owner }));
    fs.renameSync(metaTmp, meta);
  }

  /** Who created the file (the rules' `resource.openid`): '' for function-written files, null when there is none. */
  ownerOf(cloudPath: string): string | null {
    if (!this.exists(cloudPath)) return null;
    try {
      const meta = JSON.parse(fs.readFileSync(this.metaOf(cloudPath), 'utf8')) as { openid?: unknown };
      return typeof meta.openid === 'string' ? meta.openid : '';
    } catch {
      // no record: treat it as the product's own file, which no client may touch
      return '';
    }
  }

  exists(cloudPath: string): boolean {
    try {
      return fs.statSync(this.fileOf(cloudPath)).isFile();
    } catch {
      return false;
    }
  }

  read(cloudPath: string): Buffer | null {
    try {
      return fs.readFileSync(this.fileOf(cloudPath));
    } catch {
      return null;
    }
  }

  remove(cloudPath: string): boolean {
    try {
      fs.unlinkSync(this.fileOf(cloudPath));
      fs.rmSync(this.metaOf(cloudPath), { force: true });
      return true;
    } catch {
      return false;
    }
  }

  private sign(purpose: string, cloudPath: string, expires: number): string {
    return crypto.createHmac('sha256', this.secret).update(`${purpose}\n${cloudPath}\n${expires}`).digest('hex').slice(0, 32);
  }

  /** Temp download URL; the path is left unencoded as the cloud does (the SDK runs encodeURI on it). */
  tempUrl(cloudPath: string, maxAgeSeconds = TEMP_URL_DEFAULT_SECONDS): string {
    const t = Math.floor(Date.now() / 1000) + maxAgeSeconds;
    return `${this.baseUrl()}/storage/${cloudPath}?sign=${this.sign('get', cloudPath, t)}&t=${t}`;
  }

  /** Upload URL handed to the SDK by storage.getUploadMetadata; valid 10 minutes. */
  uploadUrl(cloudPath: string): string {
    const t = Math.floor(Date.now() / 1000) + 600;
    return `${this.baseUrl()}/__upload/${encodeURI(cloudPath)}?sign=${this.sign('put', cloudPath, t)}&t=${t}`;
  }

  verify(purpose: 'get' | 'put', cloudPath: string, sign: string | null, t: string | null): boolean {
    if (!sign || !t || !/^\d+$/.test(t)) return false;
    const expires = Number(t);
    if (expires < Date.now() / 1000) return false;
    const expected = Buffer.from(this.sign(purpose, cloudPath, expires));
    const given = Buffer.from(sign);
    return expected.length === given.length && crypto.timingSafeEqual(expected, given);
  }
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

export const contentTypeOf = (file: string): string => CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';

/**
 * Cloud storage stand-in: files under `<dataDir>/storage/<cloudPath>`, fileIDs `cloud://<envId>.local/<cloudPath>`,
 * temporary URLs `<base>/storage/<cloudPath>?sign=..&t=..` signed with an HMAC secret kept in the data dir (so links
 * stay valid across restarts, like the cloud's).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const TEMP_URL_DEFAULT_SECONDS = 24 * 3600;
export const TEMP_URL_MAX_FILES = 50;

export class FileStorage {
  private readonly root: string;
  private readonly secret: Buffer;

  constructor(
    dataDir: string,
    private readonly envId: string,
    private readonly baseUrl: () => string,
  ) {
    this.root = path.join(dataDir, 'storage');
    fs.mkdirSync(this.root, { recursive: true });
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

  write(cloudPath: string, bytes: Buffer): string {
    const file = this.fileOf(cloudPath);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // write then rename, so a reader never sees half a file
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, file);
    return this.fileIdFor(cloudPath);
  }

  exists(cloudPath: string): boolean {
    return fs.existsSync(this.fileOf(cloudPath));
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

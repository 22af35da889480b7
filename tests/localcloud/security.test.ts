/**
 * The local cloud listens on the user's own machine, where any web page their browser opens can reach 127.0.0.1.
 * These tests play that page (and a careless or hostile client): the SDK endpoint needs this start's signature,
 * Host and Origin are checked, demo sign-in exists only in demo mode and its sessions expire, deep nesting is
 * refused with a coded error without holding a function instance, and storage follows the product's storage
 * security rules (owner-only overwrite, product files only by functions, a size limit checked while streaming,
 * images only where images belong).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { sign } from '@cloudbase/signature-nodejs';
import { FunctionsHost } from '../../localcloud/src/functions-host';
import { WORKER_FILE, type LocalCloud } from '../../localcloud/src/index';
import { seedDemo } from '../../demo/seed';
import { LIMITS } from '../../shared/common/config';
import { callFn, FIXTURE_FUNCTIONS, login, postJson, sdkFor, startTestCloud } from './helpers';

const repoRoot = path.join(__dirname, '..', '..');
const PRODUCT_RULES = path.join(repoRoot, 'cloudfunctions', 'storage-rules.json');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]), Buffer.from('JFIF\0 a small photo')]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR rest of a png')]);
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.cookie)"></svg>');

interface RawReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json(): any;
}

/** A request with full control over the headers (fetch cannot set Host), as a browser or an attacker sends it. */
function raw(base: string, method: string, pathAndQuery: string, headers: Record<string, string>, body?: Buffer | string): Promise<RawReply> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: pathAndQuery, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A POST to /admin signed exactly as @cloudbase/node-sdk signs it (its own signing library), with any key. */
let seq = 0;
function signedAdmin(cloud: LocalCloud, params: Record<string, unknown>, key: { secretId: string; secretKey: string }, ageS = 1): Promise<RawReply> {
  // a fresh seqId each request, as node-sdk sends
  const target = `/admin?env=yardstick-local&seqId=test_${(seq += 1)}`;
  const url = `${cloud.url}${target}`;
  const host = new URL(cloud.url).host;
  const headers = { 'content-type': 'application/json', 'User-Agent': 'tcb-node-sdk/3.17.2', 'X-Client-Timestamp': Date.now(), Host: host };
  const timestamp = Math.floor(Date.now() / 1000) - ageS;
  const { authorization } = sign({ ...key, method: 'post', url, params, headers, withSignedParams: true, timestamp });
  return raw(
    cloud.url,
    'POST',
    target,
    {
      ...Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, String(v)])),
      Authorization: authorization,
      'X-Timestamp': String(timestamp),
    },
    JSON.stringify(params),
  );
}

const countSecrets = (): Record<string, unknown> => ({
  action: 'database.calculateDocument',
  collectionName: 'secrets',
  queryType: 'WHERE',
  query: '{}',
  envName: 'yardstick-local',
});

describe('the SDK endpoint /admin', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud('sec-admin');
    await sdkFor(cloud)
      .database()
      .collection('secrets')
      .add({ data: { pin: '1234' } });
  });
  afterAll(() => cloud.stop());

  test('refuses an unsigned request, JSON or text/plain (a web page writing blind), and writes nothing', async () => {
    const read = await raw(cloud.url, 'POST', '/admin', { 'content-type': 'application/json' }, JSON.stringify(countSecrets()));
    expect(read.json()).toMatchObject({ code: 'SIGN_PARAM_INVALID' });
    expect(read.json().data).toBeUndefined();
    const insert = JSON.stringify({ action: 'database.insertDocument', collectionName: 'secrets', data: ['{"pin":"0000"}'] });
    // what a page's fetch(…, {mode: 'no-cors', body}) sends: refused before any route looks at it
    const blind = await raw(cloud.url, 'POST', '/admin', { 'content-type': 'text/plain;charset=UTF-8', Origin: 'http://evil.example' }, insert);
    expect(blind.status).toBe(403);
    // the same page on the gateway's own origin (an injected script, say) cannot sign either
    const sameOrigin = await raw(cloud.url, 'POST', '/admin', { 'content-type': 'application/json', Origin: cloud.url }, insert);
    expect(sameOrigin.json().code).toBe('SIGN_PARAM_INVALID');
    const noOrigin = await raw(cloud.url, 'POST', '/admin', { 'content-type': 'text/plain' }, insert);
    expect(noOrigin.json().code).toBe('SIGN_PARAM_INVALID');
    expect((await sdkFor(cloud).database().collection('secrets').count()).total).toBe(1);
  });

  test('accepts only this start’s key, signed recently, over the body it signed', async () => {
    // the positive control: node-sdk's own signer with the cloud's credentials is accepted
    const good = await signedAdmin(cloud, countSecrets(), cloud.credentials);
    expect(good.json()).toMatchObject({ data: { total: 1 } });
    // the fixed credentials of earlier versions, and a random guess, are not
    expect((await signedAdmin(cloud, countSecrets(), { secretId: 'local-secret-id', secretKey: 'local-secret-key' })).json().code).toBe(
      'SIGN_PARAM_INVALID',
    );
    expect((await signedAdmin(cloud, countSecrets(), { ...cloud.credentials, secretKey: 'guess' })).json().code).toBe('SIGN_PARAM_INVALID');
    // a signature past its 600 s life is not
    expect((await signedAdmin(cloud, countSecrets(), cloud.credentials, 700)).json().code).toBe('SIGN_PARAM_INVALID');
    // a tampered body is not: the signature covers every parameter
    const url = `${cloud.url}/admin?env=yardstick-local&seqId=t`;
    const headers = { 'content-type': 'application/json', Host: new URL(cloud.url).host };
    const timestamp = Math.floor(Date.now() / 1000);
    const params = countSecrets();
    const { authorization } = sign({ ...cloud.credentials, method: 'post', url, params, headers, withSignedParams: true, timestamp });
    const tampered = await raw(
      cloud.url,
      'POST',
      '/admin?env=yardstick-local&seqId=t',
      { ...headers, Authorization: authorization, 'X-Timestamp': String(timestamp) },
      JSON.stringify({ ...params, collectionName: 'members' }),
    );
    expect(tampered.json().code).toBe('SIGN_PARAM_INVALID');
    // the same signed request again, word for word, within the signature's life: once only
    const insertOne = {
      action: 'database.insertDocument',
      collectionName: 'replayProbe',
      data: [JSON.stringify({ copied: 'off the wire' })],
      envName: 'yardstick-local',
    };
    const replayTarget = `/admin?env=yardstick-local&seqId=replay`;
    const replayHeaders = { 'content-type': 'application/json', Host: new URL(cloud.url).host };
    const replayAt = Math.floor(Date.now() / 1000);
    const signed = sign({
      ...cloud.credentials,
      method: 'post',
      url: `${cloud.url}${replayTarget}`,
      params: insertOne,
      headers: replayHeaders,
      withSignedParams: true,
      timestamp: replayAt,
    });
    const send = () =>
      raw(
        cloud.url,
        'POST',
        replayTarget,
        { ...replayHeaders, Authorization: signed.authorization, 'X-Timestamp': String(replayAt) },
        JSON.stringify(insertOne),
      );
    expect((await send()).json().code).toBeUndefined();
    expect((await send()).json()).toMatchObject({ code: 'SIGN_PARAM_INVALID', message: expect.stringMatching(/received before/) });
    expect(cloud.store.count('replayProbe')).toBe(1);
    // fresh credentials at every start
    const other = await startTestCloud('sec-admin-2');
    try {
      expect(other.credentials.secretKey).not.toBe(cloud.credentials.secretKey);
      expect(other.credentials.secretId).not.toBe('local-secret-id');
    } finally {
      await other.stop();
    }
  });

  test('refuses parameters nested deeper than 100 levels with a coded error', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 150; i += 1) deep = { a: deep };
    const err = await sdkFor(cloud)
      .database()
      .collection('secrets')
      .add({ data: { deep } })
      .then(
        () => null,
        (e: { errMsg?: string }) => e,
      );
    expect(err?.errMsg).toMatch(/INVALID_PARAM.*nested more than 100 levels/);
    expect((await sdkFor(cloud).database().collection('secrets').count()).total).toBe(1);
  });
});

describe('Host, Origin and CORS', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud('sec-host', { corsOrigins: ['http://localhost:10086'] });
  });
  afterAll(() => cloud.stop());
  const port = () => new URL(cloud.url).port;

  test('a DNS-rebinding Host is refused on every route', async () => {
    for (const [method, p] of [
      ['GET', '/'],
      ['POST', '/api/call'],
      ['POST', '/api/dev/login'],
      ['POST', '/admin'],
    ] as const) {
      const body = method === 'POST' ? '{"openid":"demo_M002"}' : undefined;
      const r = await raw(cloud.url, method, p, { Host: `evil.example:${port()}`, 'content-type': 'application/json' }, body);
      expect(r.status).toBe(403);
      expect(r.text).not.toContain('token');
    }
    for (const host of [`127.0.0.1:${port()}`, `localhost:${port()}`, `[::1]:${port()}`]) {
      expect((await raw(cloud.url, 'POST', '/api/dev/login', { Host: host, 'content-type': 'application/json' }, '{"openid":"o_host"}')).status).toBe(
        200,
      );
    }
  });

  test('no Access-Control-Allow-Origin: *; another site’s requests are refused, even simple ones', async () => {
    const body = JSON.stringify({ name: 'whoami', data: {} });
    const evil = await raw(cloud.url, 'POST', '/api/call', { Origin: 'http://evil.example', 'content-type': 'text/plain' }, body);
    expect(evil.status).toBe(403);
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await raw(cloud.url, 'OPTIONS', '/api/call', { Origin: 'http://evil.example', 'Access-Control-Request-Method': 'POST' });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    // the H5 build on the gateway's own origin needs no CORS and is served
    const same = await raw(cloud.url, 'POST', '/api/call', { Origin: cloud.url, 'content-type': 'application/json' }, body);
    expect(same.status).toBe(200);
    expect(same.headers['access-control-allow-origin']).toBeUndefined();
    // a dev server explicitly allowed gets its own origin back, never *
    const dev = await raw(cloud.url, 'OPTIONS', '/api/call', { Origin: 'http://localhost:10086', 'Access-Control-Request-Method': 'POST' });
    expect(dev.status).toBe(204);
    expect(dev.headers['access-control-allow-origin']).toBe('http://localhost:10086');
  });
});

describe('demo sign-in', () => {
  test('exists only in demo mode', async () => {
    const cloud = await startTestCloud('sec-nodemo', { demo: false, listDemoPeople: () => Promise.resolve([{ id: 'p1' }]) });
    try {
      expect((await fetch(`${cloud.url}/api/dev/login`, { method: 'POST', body: '{"openid":"demo_M002"}' })).status).toBe(404);
      expect((await fetch(`${cloud.url}/api/dev/people`)).status).toBe(404);
      // an SDK user (tests, tools) still works
      expect((await sdkFor(cloud).database().collection('x').count()).total).toBe(0);
    } finally {
      await cloud.stop();
    }
  });

  test('sessions expire, and the expiry cannot be forged away', async () => {
    const cloud = await startTestCloud('sec-ttl', { sessionTtlSeconds: 1 });
    try {
      const token = await login(cloud, 'o_short');
      expect((await callFn(cloud, 'whoami', {}, token)).result.openid).toBe('o_short');
      await new Promise((r) => setTimeout(r, 1500));
      expect((await callFn(cloud, 'whoami', {}, token)).result.openid).toBe('');
      // tokens signed with the real secret but without a (future) expiry inside the MAC are refused too
      const secret = Buffer.from(fs.readFileSync(path.join(cloud.dataDir, 'session-secret'), 'utf8').trim(), 'hex');
      const forge = (payload: string) => `${payload}.${crypto.createHmac('sha256', secret).update(payload).digest('base64url')}`;
      const legacy = forge(Buffer.from('o_admin').toString('base64url'));
      const expired = forge(Buffer.from(JSON.stringify({ o: 'o_admin', e: Math.floor(Date.now() / 1000) - 5 })).toString('base64url'));
      expect((await callFn(cloud, 'whoami', {}, legacy)).result.openid).toBe('');
      expect((await callFn(cloud, 'whoami', {}, expired)).result.openid).toBe('');
    } finally {
      await cloud.stop();
    }
  });

  test('the default session lasts 12 hours and says so', async () => {
    const cloud = await startTestCloud('sec-ttl12');
    try {
      const before = Math.floor(Date.now() / 1000);
      const r = await postJson(`${cloud.url}/api/dev/login`, { openid: 'o_day' });
      const after = Math.ceil(Date.now() / 1000);
      expect(r.expiresAt).toBeGreaterThanOrEqual(before + 12 * 3600);
      expect(r.expiresAt).toBeLessThanOrEqual(after + 12 * 3600);
    } finally {
      await cloud.stop();
    }
  });
});

describe('deep nesting', () => {
  let cloud: LocalCloud;
  beforeAll(async () => {
    cloud = await startTestCloud('sec-deep');
  });
  afterAll(() => cloud.stop());

  /** Well under the 60 s start-up timer that used to hold an instance, and generous for a cold start on a busy machine. */
  const HELD = 20_000;
  /** Fails fast instead of waiting out that timer. */
  const within = async <T>(ms: number, p: Promise<T>): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([p, new Promise<T>((_r, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]);
    } finally {
      clearTimeout(timer);
    }
  };

  test('20,000 levels: a coded error at once, not HTTP 500', async () => {
    const text = `{"name":"whoami","data":{"x":${'['.repeat(20000)}${']'.repeat(20000)}}}`;
    const r = await raw(cloud.url, 'POST', '/api/call', { 'content-type': 'application/json' }, text);
    expect(r.status).toBe(200);
    expect(r.json()).toMatchObject({ errCode: -501007 });
    expect(r.json().errMsg).toMatch(/^callFunction:fail -501007 .*nested more than 100 levels/);
  });

  test('31 deep requests do not take the function away from everyone else', async () => {
    const t = await login(cloud, 'o_after');
    const text = `{"name":"whoami","data":{"x":${'['.repeat(3300)}${']'.repeat(3300)}}}`;
    const replies = await within(
      HELD,
      Promise.all(Array.from({ length: 31 }, () => raw(cloud.url, 'POST', '/api/call', { 'content-type': 'application/json' }, text))),
    );
    expect(replies.every((r) => r.json().errCode === -501007)).toBe(true);
    expect((await within(HELD, callFn(cloud, 'whoami', { tag: 'next' }, t))).result).toMatchObject({ openid: 'o_after', tag: 'next' });
  });

  test('an event the host cannot hand to an instance gives the instance back at once', async () => {
    const host = new FunctionsHost({
      functionsDir: FIXTURE_FUNCTIONS,
      workerFile: WORKER_FILE,
      baseEnv: { ...cloud.sdkEnv(), PATH: process.env.PATH ?? '' },
      envId: 'yardstick-local',
    });
    try {
      let deep: unknown[] = [];
      for (let i = 0; i < 20000; i += 1) deep = [deep];
      const caller = { openid: 'o_direct', appid: 'wx-local-yardstick', source: 'wx_client' };
      // one after another: each failure must hand its instance back, or the 21st would wait for a free one
      for (let i = 0; i < 25; i += 1) {
        const failed = await within(HELD, host.invoke('whoami', { deep }, caller));
        expect(failed).toMatchObject({ ok: false, errCode: -501007 });
      }
      const ok = await within(HELD, host.invoke('whoami', { tag: 'fine' }, caller));
      expect(ok).toMatchObject({ ok: true });
      expect(ok.ok && JSON.parse(ok.json)).toMatchObject({ openid: 'o_direct', tag: 'fine' });
    } finally {
      await host.stop();
    }
  });
});

describe('storage under the product’s storage rules', () => {
  let cloud: LocalCloud & { dataDir: string };
  let alice: string;
  let bob: string;
  beforeAll(async () => {
    cloud = await startTestCloud('sec-storage', { storageRules: PRODUCT_RULES });
    [alice, bob] = await Promise.all([login(cloud, 'o_alice'), login(cloud, 'o_bob')]);
  });
  afterAll(() => cloud.stop());

  const upload = (cloudPath: string, body: Buffer, token?: string): Promise<RawReply> =>
    raw(cloud.url, 'POST', `/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, token ? { 'X-Session': token } : {}, body);
  const stored = (cloudPath: string): Buffer | null => {
    const f = path.join(cloud.dataDir, 'storage', ...cloudPath.split('/'));
    return fs.existsSync(f) ? fs.readFileSync(f) : null;
  };
  const tmpFiles = (): string[] => fs.readdirSync(path.join(cloud.dataDir, 'storage-tmp'));

  test('a user creates photos, but never overwrites another user’s file', async () => {
    const mine = 'reports/M010/20260301-abc123.jpg';
    expect((await upload(mine, JPEG, alice)).json().fileID).toBe(`cloud://yardstick-local.local/${mine}`);
    const other = await upload(mine, Buffer.concat([JPEG, Buffer.from(' replaced')]), bob);
    expect(other.status).toBe(403);
    expect(other.json()).toMatchObject({ errCode: -503002 });
    // a fresh, unbound WeChat user cannot either
    const fresh = await postJson(`${cloud.url}/api/dev/login`, { newUser: true });
    expect((await upload(mine, JPEG, fresh.token)).status).toBe(403);
    expect(stored(mine)).toEqual(JPEG);
    // the owner may replace their own
    expect((await upload(mine, PNG, alice)).status).toBe(200);
    expect(stored(mine)).toEqual(PNG);
    // no session at all: refused
    expect((await upload('reports/M010/20260301-nosession.jpg', JPEG)).status).toBe(401);
  });

  test('product files are written by functions only', async () => {
    const made = await callFn(cloud, 'files', { cloudPath: 'votes/v1.png', text: 'function-made code' }, alice);
    expect(made.result.fileID).toBe('cloud://yardstick-local.local/votes/v1.png');
    for (const p of ['votes/v1.png', 'votes/v2.png', 'invites/i1.png', 'members/export.xlsx', 'reports/M010/x.svg']) {
      const r = await upload(p, p.endsWith('.svg') || p.endsWith('.xlsx') ? SVG : PNG, alice);
      expect([p, r.status]).toEqual([p, 403]);
    }
    expect(stored('votes/v1.png')?.toString()).toBe('function-made code');
    expect(stored('votes/v2.png')).toBeNull();
  });

  test('only images where images belong', async () => {
    const r = await upload('reports/M010/20260301-svg.jpg', SVG, alice);
    expect(r.status).toBe(415);
    expect(r.json().errCode).toBe(-501007);
    expect(stored('reports/M010/20260301-svg.jpg')).toBeNull();
    expect(tmpFiles()).toEqual([]);
  });

  test(`over ${LIMITS.photoMaxBytes / 1024 / 1024} MB is refused, declared or streamed, and leaves nothing`, async () => {
    const declared = await upload('reports/M010/20260301-big.jpg', Buffer.concat([JPEG, Buffer.alloc(LIMITS.photoMaxBytes)]), alice);
    expect(declared.status).toBe(413);
    const streamed = await streamUpload(cloud, 'reports/M010/20260301-big2.jpg', alice, LIMITS.photoMaxBytes + 512 * 1024);
    expect(streamed.status).toBe(413);
    expect(stored('reports/M010/20260301-big.jpg')).toBeNull();
    expect(stored('reports/M010/20260301-big2.jpg')).toBeNull();
    expect(tmpFiles()).toEqual([]);
  });

  test('an upload goes to disk as it arrives, not into memory', async () => {
    const u = new URL(cloud.url);
    const cloudPath = 'reports/M010/20260302-stream.jpg';
    const req = http.request({
      host: u.hostname,
      port: u.port,
      method: 'POST',
      path: `/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`,
      headers: { 'X-Session': alice },
    });
    const reply = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    const part = Buffer.alloc(64 * 1024, 0x41);
    req.write(JPEG);
    for (let sent = 0; sent < 3 * 1024 * 1024; sent += part.length) req.write(part);
    // half-way through (the body is not finished), most of what was sent is already in the temp file
    const tmpDir = path.join(cloud.dataDir, 'storage-tmp');
    const onDisk = async (): Promise<number> => {
      for (let i = 0; i < 100; i += 1) {
        const sizes = fs.readdirSync(tmpDir).map((f) => fs.statSync(path.join(tmpDir, f)).size);
        if (sizes.some((n) => n >= 2 * 1024 * 1024)) return Math.max(...sizes);
        await new Promise((r) => setTimeout(r, 20));
      }
      return 0;
    };
    expect(await onDisk()).toBeGreaterThanOrEqual(2 * 1024 * 1024);
    expect(stored(cloudPath)).toBeNull(); // not in place until complete
    for (let sent = 0; sent < 1024 * 1024; sent += part.length) req.write(part);
    req.end();
    expect(await reply).toBe(200);
    expect(stored(cloudPath)?.length).toBe(JPEG.length + 4 * 1024 * 1024);
    expect(tmpFiles()).toEqual([]);
  });

  test('a folder as cloudPath is a 400 with a code, not a 500, and leaves no temp file', async () => {
    await callFn(cloud, 'files', { cloudPath: 'invites/x/a.png', text: 'code' }, alice);
    for (const p of ['invites', 'invites/x', 'invites/x/a.png/b.png']) {
      const r = await upload(p, PNG, alice);
      expect([p, r.status, r.json().errCode]).toEqual([p, 400, -501007]);
      expect(r.json().errMsg).not.toContain(cloud.dataDir);
    }
    // a function's upload to a folder fails cleanly too
    const fn = await callFn(cloud, 'files', { cloudPath: 'invites', text: 'x' }, alice);
    expect(fn.errCode ?? fn.result?.errCode).toBeDefined();
    expect(tmpFiles()).toEqual([]);
    expect(fs.readdirSync(path.join(cloud.dataDir, 'storage')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('clients get no temp URLs (read is false), and stored files never run as pages', async () => {
    const fileID = 'cloud://yardstick-local.local/votes/v1.png';
    const r = await postJson(`${cloud.url}/api/temp-urls`, { fileList: [fileID] }, { 'X-Session': alice });
    expect(r.fileList[0]).toMatchObject({ fileID, tempFileURL: '', status: -503002 });
    const made = await callFn(cloud, 'files', { cloudPath: 'exports/page.html', text: '<script>alert(1)</script>' }, alice);
    const url = made.result.urls[0].tempFileURL as string;
    const page = await fetch(url);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toMatch(/sandbox/);
  });
});

describe('an all-digit openid', () => {
  test('is refused at sign-in, as WeChat never issues one', async () => {
    const cloud = await startTestCloud('sec-digits');
    try {
      for (const openid of ['12345', '-42', '0']) {
        const r = await postJson(`${cloud.url}/api/dev/login`, { openid });
        expect([openid, r.token]).toEqual([openid, undefined]);
      }
      const ok = await postJson(`${cloud.url}/api/dev/login`, { openid: 'o12345' });
      expect((await callFn(cloud, 'whoami', {}, ok.token)).result.openid).toBe('o12345');
    } finally {
      await cloud.stop();
    }
  });

  test('reaching the product’s router as a number (wx-server-sdk parses it), it still finds its binding', async () => {
    const cloud = await startTestCloud('sec-digits-router', { functionsDir: path.join(repoRoot, 'cloudfunctions') });
    const host = new FunctionsHost({
      functionsDir: path.join(repoRoot, 'cloudfunctions'),
      workerFile: WORKER_FILE,
      baseEnv: { ...cloud.sdkEnv(), PATH: process.env.PATH ?? '' },
      envId: 'yardstick-local',
    });
    try {
      seedDemo(cloud.store, Date.now());
      const db = sdkFor(cloud).database();
      const member = (await db.collection('members').where({ active: true }).limit(1).get()).data[0];
      await db.collection('bindings').add({ data: { _id: '1234567', memberId: member._id, boundAt: Date.now() } });
      const out = await host.invoke(
        'members',
        { action: 'me', input: {}, userInfo: { appId: 'wx-local-yardstick', openId: '1234567' } },
        { openid: '1234567', appid: 'wx-local-yardstick', source: 'wx_client' },
      );
      expect(out.ok).toBe(true);
      const reply = out.ok ? JSON.parse(out.json) : null;
      expect(reply).toMatchObject({ code: 0, data: { memberId: member._id } });
    } finally {
      await host.stop();
      await cloud.stop();
    }
  });
});

/** An upload sent in 64 KB chunks from one reused buffer (the client holds no copy), without Content-Length. */
function streamUpload(cloud: LocalCloud, cloudPath: string, token: string, size: number): Promise<{ status: number; sent: number }> {
  const u = new URL(cloud.url);
  const chunk = Buffer.alloc(64 * 1024, 0x41);
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = http.request(
      {
        host: u.hostname,
        port: u.port,
        method: 'POST',
        path: `/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`,
        headers: { 'X-Session': token },
      },
      (res) => {
        answered = true;
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, sent }));
      },
    );
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const pump = (): void => {
      while (!answered && sent < size) {
        const n = Math.min(chunk.length, size - sent);
        const part = sent === 0 ? Buffer.concat([JPEG, chunk.subarray(0, n - JPEG.length)]) : chunk.subarray(0, n);
        sent += part.length;
        if (!req.write(part)) {
          req.once('drain', pump);
          return;
        }
      }
      req.end();
    };
    pump();
  });
}

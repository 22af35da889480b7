/** Storage (gateway and SDK) and wxacode.getUnlimited through the real SDK. */
import fs from 'node:fs';
import path from 'node:path';
import { callFn, login, postJson, startTestCloud, tempDataDir } from './helpers';
import type { LocalCloud } from '../../localcloud/src/index';
import { LIMITS } from '../../shared/common/config';

let cloud: LocalCloud;
let token: string;
const h5Dir = tempDataDir('h5');

/** Signed-in users read everything and write what they created: enough to exercise the mechanics here (the
 * product's own rules are tested in security.test.ts). */
const OPEN_RULES = { read: 'auth != null', write: 'auth != null && resource.openid == auth.openid' };
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 250, 251, 252]);

beforeAll(async () => {
  fs.writeFileSync(path.join(h5Dir, 'index.html'), '<!doctype html><title>h5</title>');
  fs.mkdirSync(path.join(h5Dir, 'js'));
  fs.writeFileSync(path.join(h5Dir, 'js', 'app.js'), 'console.log(1)');
  cloud = await startTestCloud('files', { h5Dir, storageRules: OPEN_RULES, listDemoPeople: () => Promise.resolve([{ id: 'p1' }]) });
  token = await login(cloud, 'o_uploader');
});
afterAll(() => cloud.stop());

const upload = (cloudPath: string, body: Buffer, tok: string | undefined = token): Promise<Response> =>
  fetch(`${cloud.url}/api/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
    method: 'POST',
    headers: tok ? { 'X-Session': tok } : {},
    body: new Uint8Array(body),
  });

test('upload through the gateway, temp URL, fetch the bytes', async () => {
  const bytes = PNG;
  const up = await (await upload('avatars/o_uploader/a.png', bytes)).json();
  expect(up.fileID).toBe('cloud://yardstick-local.local/avatars/o_uploader/a.png');
  const urls = await postJson(
    `${cloud.url}/api/temp-urls`,
    { fileList: [up.fileID, 'cloud://yardstick-local.local/none.png'] },
    { 'X-Session': token },
  );
  expect(urls.fileList[0]).toMatchObject({ fileID: up.fileID, status: 0 });
  expect(urls.fileList[1].status).not.toBe(0);
  const res = await fetch(urls.fileList[0].tempFileURL);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('image/png');
  expect(Buffer.from(await res.arrayBuffer())).toEqual(bytes);
  // a tampered signature is refused
  expect((await fetch(urls.fileList[0].tempFileURL.replace(/sign=[0-9a-f]/, 'sign=z'))).status).toBe(403);
});

test('upload is refused without a session, with a bad path, or over the photo limit', async () => {
  expect((await upload('a.txt', Buffer.from('x'), '')).status).toBe(401);
  expect((await upload('../escape.txt', Buffer.from('x'))).status).toBe(400);
  expect((await upload('/abs.txt', Buffer.from('x'))).status).toBe(400);
  expect((await upload('x'.repeat(300), Buffer.from('x'))).status).toBe(400);
  expect((await upload('big.bin', Buffer.alloc(LIMITS.photoMaxBytes + 1))).status).toBe(413);
  expect((await postJson(`${cloud.url}/api/temp-urls`, { fileList: new Array(51).fill('cloud://x') })).errCode).toBeDefined();
  // without a session the read rule (auth != null) refuses a temp URL
  const none = await postJson(`${cloud.url}/api/temp-urls`, { fileList: ['cloud://yardstick-local.local/avatars/o_uploader/a.png'] });
  expect(none.fileList[0].status).toBe(-503002);
});

test('uploadFile / getTempFileURL / downloadFile / deleteFile through the SDK in a function', async () => {
  const r = await callFn(cloud, 'files', { cloudPath: 'docs/report.txt', text: 'hello cloud', remove: true }, token);
  expect(r.result.fileID).toBe('cloud://yardstick-local.local/docs/report.txt');
  expect(r.result.downloaded).toBe('hello cloud');
  expect(r.result.urls[0]).toMatchObject({ status: 0, errMsg: 'ok' });
  expect(r.result.urls[0].tempFileURL).toContain('/storage/docs/report.txt?sign=');
  expect(r.result.urls[1].status).toBe(-503003);
  expect(r.result.deleted).toEqual([{ fileID: r.result.fileID, status: 0, errMsg: 'ok' }]);
});

test('wxacode.getUnlimited returns a PNG buffer to function code', async () => {
  const r = await callFn(cloud, 'qr', { params: { scene: 'm=abc123&x=1', page: 'pages/invite/index', width: 300 } }, token);
  expect(r.result).toMatchObject({ ok: true, contentType: 'image/png', isBuffer: true, errCode: 0, errMsg: 'openapi.wxacode.getUnlimited:ok' });
  const png = Buffer.from(r.result.base64, 'base64');
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(png.readUInt32BE(16)).toBe(300); // IHDR width
  expect(png.readUInt32BE(20)).toBe(300);
});

test('wxacode.getUnlimited refuses bad scene, page and width with WeChat errcodes', async () => {
  const call = async (params: object) => (await callFn(cloud, 'qr', { params }, token)).result;
  expect(await call({ scene: 'has space', page: 'pages/a/index' })).toMatchObject({ ok: false, errCode: 40169 });
  expect(await call({ scene: 'x'.repeat(33), page: 'pages/a/index' })).toMatchObject({ ok: false, errCode: 40169 });
  expect(await call({ scene: 'ok', page: '/pages/a/index' })).toMatchObject({ ok: false, errCode: 41030 });
  expect(await call({ scene: 'ok', page: 'not a page' })).toMatchObject({ ok: false, errCode: 41030 });
  expect(await call({ scene: 'ok', page: 'not a page', checkPath: false })).toMatchObject({ ok: true });
  expect(await call({ scene: 'ok', page: 'pages/a/index', width: 100 })).toMatchObject({ ok: false, errCode: 40097 });
});

test('static H5 files and dev people', async () => {
  const index = await fetch(`${cloud.url}/`);
  expect(index.headers.get('content-type')).toContain('text/html');
  expect(await index.text()).toContain('<title>h5</title>');
  const js = await fetch(`${cloud.url}/js/app.js`);
  expect(js.headers.get('content-type')).toContain('javascript');
  expect((await fetch(`${cloud.url}/js/missing.js`)).status).toBe(404);
  expect((await fetch(`${cloud.url}/..%2f..%2fetc/passwd`)).status).not.toBe(200);
  expect(await (await fetch(`${cloud.url}/api/dev/people`)).json()).toEqual({ people: [{ id: 'p1' }] });
});

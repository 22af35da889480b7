/**
 * The built weapp as WeChat reads it at review: the sitemap keeps every page out of WeChat search, and the client
 * code calls none of the APIs WeChat lists as deprecated (replaced: getSystemInfoSync → getWindowInfo, chooseImage →
 * chooseMedia, wx.getFileInfo → FileSystemManager.getFileInfo).
 */
import fs from 'fs';
import path from 'path';
import { PRIVACY_APIS, PRIVACY_SCOPED } from '../../client/src/common/privacy-apis';
import { weappDist } from '../support/weapp';

const clientSrc = path.join(__dirname, '..', '..', 'client', 'src');

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? sources(p) : /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

describe('the weapp for review', () => {
  it('has a sitemap that indexes no page, and app.json points at it', () => {
    const dist = weappDist;
    const app = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as { sitemapLocation?: string };
    expect(app.sitemapLocation).toBe('sitemap.json');
    const sitemap = JSON.parse(fs.readFileSync(path.join(dist, 'sitemap.json'), 'utf8')) as { rules: { action: string; page: string }[] };
    expect(sitemap.rules).toEqual([{ action: 'disallow', page: '*' }]);
  });

  it('calls no deprecated API', () => {
    const deprecated = /\b(?:Taro|wx)\.(getSystemInfoSync|getSystemInfo|chooseImage|getFileInfo)\s*\(/;
    const found = sources(clientSrc).flatMap((f) =>
      fs
        .readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => (deprecated.test(line) ? [`${path.relative(clientSrc, f)}:${i + 1}`] : [])),
    );
    expect(found).toEqual([]);
  });

  it('declares every privacy-scoped API the client calls, with its purpose, and none it does not call', () => {
    const scoped = new RegExp(`\\b(?:Taro|wx)\\.(${PRIVACY_SCOPED.join('|')})\\s*\\(`, 'g');
    const called = new Set(sources(clientSrc).flatMap((f) => [...fs.readFileSync(f, 'utf8').matchAll(scoped)].map((m) => m[1] ?? '')));
    expect([...called].sort()).toEqual(PRIVACY_APIS.map((p) => p.api).sort());
    expect(PRIVACY_APIS.every((p) => p.info.length > 0 && p.purpose.length >= 8)).toBe(true);
  });
});

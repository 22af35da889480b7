// WeChat's code-quality check (微信开发者工具 → 代码质量, the 11 items it runs before an upload), offline, on the
// built weapp: `npm run build:weapp` first. It is miniprogram-ci's own `checkCodeQuality(project)`, the code the
// DevTools panel runs; it reads project.config.json (miniprogramRoot, setting.minified / minifyWXML / minifyWXSS /
// ignoreUploadUnusedFiles) and the build under miniprogramRoot, and needs neither a network nor the upload key
// (`ci.Project` wants a key string; this check never reads it).
//
// Each item is printed with its figures; the exit code is 1 when any item fails, when an item is missing, or when
// miniprogram-ci logged an error (a checker that throws is reported by miniprogram-ci as PASSED, so its errors count
// as failures here).
//
//   node scripts/code-quality.mjs          # human-readable
//   node scripts/code-quality.mjs --json   # the raw result as well
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { extname, join, relative } from 'node:path';
import { format } from 'node:util';
import { root } from './run.mjs';

const require = createRequire(import.meta.url);
const TIMEOUT_MS = 180_000;

// name → [title in the DevTools panel, what passing means]; the order is the panel's
const ITEMS = {
  PACKAGE_SIZE_LIMIT: ['主包尺寸', 'the main package, and each subpackage, under the limit (plugins excluded)'],
  JS_COMPRESS_OPEN: ['JS 压缩', 'JS minified on upload: project.config.json setting.minified'],
  WXML_COMPRESS_OPEN: ['WXML 压缩', 'WXML minified on upload: setting.minifyWXML'],
  WXSS_COMPRESS_OPEN: ['WXSS 压缩', 'WXSS minified on upload: setting.minifyWXSS'],
  LAZYCODE_LOADING_OPEN: ['组件按需注入', 'app.json lazyCodeLoading set'],
  IMAGE_AND_AUDIO_LIMIT: ['图片和音频资源', 'images and audio in the package under the limit, all together'],
  CONTAINS_OTHER_PKG_JS: ['主包内仅被分包依赖的 JS', 'no JS in the main package that only subpackages use'],
  CONTAINS_OTHER_PKG_COMPONENTS: ['主包内仅被分包依赖的组件', 'no component in the main package that only subpackages use'],
  CONTAINS_UNUSED_PLUGINS: ['无使用的插件', 'no plugin declared and never used'],
  CONTAINS_UNUSED_COMPONENTS: ['无使用的组件', 'no component declared and never used'],
  CONTAINS_UNUSED_CODES: ['无依赖文件', 'no file that nothing depends on'],
};
// the extensions miniprogram-ci counts for IMAGE_AND_AUDIO_LIMIT (its qualitycheckoption regList)
const MEDIA = new Set([
  '.jpg',
  '.jpeg',
  '.png',
  '.svg',
  '.webp',
  '.gif',
  '.flac',
  '.m4a',
  '.ogg',
  '.ape',
  '.amr',
  '.wma',
  '.wav',
  '.mp3',
  '.mp4',
  '.aac',
  '.aiff',
  '.caf',
]);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const list = (xs, n = 8) => (xs.length > n ? `${xs.slice(0, n).join(', ')}, … (${xs.length - n} more)` : xs.join(', '));

function fail(message) {
  console.error(`✖ code quality: ${message}`);
  process.exit(1);
}

function walk(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
  return out;
}

const config = JSON.parse(readFileSync(join(root, 'project.config.json'), 'utf8'));
const dist = join(root, config.miniprogramRoot ?? '');
const appJsonPath = join(dist, 'app.json');
if (!existsSync(appJsonPath)) fail(`${relative(root, appJsonPath)} is missing: run \`npm run build:weapp\` first`);
const appJson = JSON.parse(readFileSync(appJsonPath, 'utf8'));
const setting = config.setting ?? {};

const names = (xs) => (Array.isArray(xs) ? xs : []).map((x) => (typeof x === 'string' ? x : JSON.stringify(x)));
const limitOf = (item) => {
  const m = /([\d.]+)\s*([MK])/.exec(item.text ?? '');
  return m ? `limit ${m[1]} ${m[2] === 'M' ? 'MB' : 'KB'}` : 'limit not stated';
};

/** The figures behind each verdict, from the result's detail and from the files themselves. */
const FIGURES = {
  PACKAGE_SIZE_LIMIT: (item) => {
    const sizes = Object.entries(item.detail ?? {});
    const total = sizes.reduce((s, [, v]) => s + v, 0);
    const parts = sizes.map(([k, v]) => `${k === '__APP__' ? 'main' : k.replace(/\/$/, '')} ${kb(v)}`);
    return `${parts.join(', ')}; all ${kb(total)} (${limitOf(item)} a package)`;
  },
  JS_COMPRESS_OPEN: () => `setting.minified = ${String(setting.minified)}`,
  WXML_COMPRESS_OPEN: () => `setting.minifyWXML = ${String(setting.minifyWXML)}`,
  WXSS_COMPRESS_OPEN: () => `setting.minifyWXSS = ${String(setting.minifyWXSS)}`,
  LAZYCODE_LOADING_OPEN: () => `app.json lazyCodeLoading = ${JSON.stringify(appJson.lazyCodeLoading)}`,
  IMAGE_AND_AUDIO_LIMIT: (item) => {
    const media = walk(dist).filter((f) => MEDIA.has(extname(f).toLowerCase()));
    const total = media.reduce((s, f) => s + statSync(f).size, 0);
    return `${media.length} files, ${kb(total)} (${limitOf(item)}; counted by this script)`;
  },
  CONTAINS_OTHER_PKG_JS: (item) => {
    const files = names(item.detail?.files);
    return `${files.length} files, ${kb(item.detail?.size ?? 0)}${files.length ? `: ${list(files)}` : ''}`;
  },
  CONTAINS_OTHER_PKG_COMPONENTS: (item) => {
    const comps = names(item.detail?.comps);
    return `${comps.length} components${comps.length ? `: ${list(comps)}` : ''} (miniprogram-ci reports this item, it never fails it)`;
  },
  CONTAINS_UNUSED_PLUGINS: (item) => (names(item.detail).length ? `${names(item.detail).length}: ${list(names(item.detail))}` : 'none'),
  CONTAINS_UNUSED_COMPONENTS: (item) => (names(item.detail).length ? `${names(item.detail).length}: ${list(names(item.detail))}` : 'none'),
  CONTAINS_UNUSED_CODES: (item) => {
    const files = names(item.detail);
    if (!files.length) return 'none';
    // miniprogram-ci passes this item unless setting.ignoreDevUnusedFiles or ignoreUploadUnusedFiles is false
    const skipped = setting.ignoreDevUnusedFiles !== false && setting.ignoreUploadUnusedFiles !== false;
    return `${files.length} files: ${list(files)}${skipped ? ' (passes anyway: ignoreUploadUnusedFiles leaves them out of the upload)' : ''}`;
  },
};

// miniprogram-ci talks on the console (and leaves a file watcher running): keep its lines, show them on failure
const logged = [];
const errors = [];
const original = { log: console.log, info: console.info, warn: console.warn, error: console.error, debug: console.debug };
for (const level of Object.keys(original)) {
  console[level] = (...args) => {
    const line = format(...args);
    logged.push(`[${level}] ${line}`);
    if (level === 'error') errors.push(line);
  };
}
const restore = () => Object.assign(console, original);
const timer = setTimeout(() => {
  restore();
  fail(`no result after ${TIMEOUT_MS / 1000} s\n${logged.join('\n')}`);
}, TIMEOUT_MS);

const started = Date.now();
let items;
try {
  const ci = require('miniprogram-ci');
  const project = new ci.Project({
    appid: config.appid || 'touristappid',
    type: 'miniProgram',
    projectPath: root,
    privateKey: 'not-read-by-checkCodeQuality',
    // the project scan walks projectPath: keep it to project.config.json and the build
    ignores: ['client/dist/h5/**', 'client/src/**', 'cloudfunctions/**', 'localcloud/**', 'shared/**', 'tests/**', '.data/**', 'artifacts/**'],
  });
  items = await ci.checkCodeQuality(project);
} catch (e) {
  restore();
  fail(`miniprogram-ci failed: ${e?.stack ?? e}\n${logged.join('\n')}`);
}
clearTimeout(timer);
restore();

const problems = [];
const byName = new Map((items ?? []).map((i) => [i.name, i]));
console.log(
  `WeChat code quality (miniprogram-ci checkCodeQuality) on ${relative(root, dist) || '.'}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
for (const [name, [title, meaning]] of Object.entries(ITEMS)) {
  const item = byName.get(name);
  if (!item) {
    problems.push(`${name}: not in miniprogram-ci's result`);
    console.log(`  ✖ ${name.padEnd(29)} ${title}: missing from the result`);
    continue;
  }
  if (!item.success) problems.push(`${name}: ${meaning}`);
  console.log(`  ${item.success ? '✔' : '✖'} ${name.padEnd(29)} ${title} — ${meaning}\n      ${(FIGURES[name] ?? ((i) => i.text ?? ''))(item)}`);
}
for (const name of byName.keys())
  if (!(name in ITEMS)) console.log(`  ? ${name}: an item this script does not know (${byName.get(name).success ? 'passed' : 'FAILED'})`);
for (const [name, item] of byName) if (!(name in ITEMS) && !item.success) problems.push(`${name}: ${item.text}`);
if (errors.length)
  problems.push(`miniprogram-ci logged ${errors.length} error(s); a checker that throws is reported as passed:\n${errors.join('\n')}`);
if (process.argv.includes('--json')) console.log(JSON.stringify(items, null, 2));

if (problems.length) {
  console.error(`\n✖ code quality: ${problems.length} problem(s)\n  - ${problems.join('\n  - ')}`);
  if (logged.length) console.error(`\nminiprogram-ci's own output:\n${logged.join('\n')}`);
  process.exit(1);
}
console.log(`✔ all ${Object.keys(ITEMS).length} items pass`);
// miniprogram-ci's analyser leaves a chokidar watcher on the build: exit instead of waiting for it
process.exit(0);

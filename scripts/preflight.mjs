// Checks made before `npm start` and `npm test` do anything: a Node.js the project supports, and the local
// cloud's native store (better-sqlite3, compiled by its install script) loadable. Each failure is one line
// in Chinese and English with the fix, never a stack trace.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './run.mjs';

const require = createRequire(import.meta.url);

function stop(zh, en) {
  console.error(`✖ ${zh} / ${en}`);
  process.exit(1);
}

const { engines } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 11) || major > 26) {
  stop(
    `需要 Node.js ${engines.node}，当前为 ${process.versions.node}：请换用 Node.js 20.11–26`,
    `Node.js ${engines.node} is required, this is ${process.versions.node}: switch to Node.js 20.11–26`,
  );
}

try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (e) {
  const why = String(e?.code ?? e?.message ?? e)
    .split('\n')[0]
    .slice(0, 120);
  stop(
    `本地云的数据库模块 better-sqlite3 无法加载（${why}）：请运行 npm rebuild better-sqlite3（需要 python3、make 和 C++ 编译器）`,
    `the local cloud's native module better-sqlite3 does not load (${why}): run npm rebuild better-sqlite3 (needs python3, make and a C++ compiler)`,
  );
}

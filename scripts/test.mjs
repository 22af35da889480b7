// npm test: type-check, lint, format check, build what the tests exercise (cloud functions, local cloud, both
// client targets; the weapp build then goes through WeChat's code-quality check), then run every jest suite: pure
// rules, cloud functions through the local cloud and the real wx-server-sdk, the weapp build under
// miniprogram-simulate, and the H5 build in Chromium.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { root, run } from './run.mjs';
import './preflight.mjs';

const quick = process.argv.includes('--no-build');
run('type-check (shared, server, functions, local cloud, tests)', 'npx', ['tsc', '-p', 'tsconfig.json']);
run('type-check (client)', 'npx', ['tsc', '-p', 'client/tsconfig.json']);
run('lint (eslint, no warnings allowed)', 'npm', ['run', '--silent', 'lint']);
run('format check (prettier)', 'npm', ['run', '--silent', 'format:check']);
if (!quick) {
  run('build cloud functions', 'node', ['scripts/build-functions.mjs']);
  run('build local cloud', 'node', ['scripts/build-localcloud.mjs']);
  run('build mini-program (weapp)', 'npm', ['run', '--silent', 'build:weapp']);
  run('WeChat code-quality check (weapp)', 'node', ['scripts/code-quality.mjs']);
  run('build mini-program (h5)', 'npm', ['run', '--silent', 'build:h5']);
}
mkdirSync(join(root, 'artifacts'), { recursive: true });
const report = join(root, 'artifacts', 'jest.json');
run('jest', 'npx', ['jest', '--ci', '--json', `--outputFile=${report}`, ...process.argv.slice(2).filter((a) => a !== '--no-build')]);
// One plain closing line that any CI reads: how many passed and failed.
const { numPassedTests, numFailedTests } = JSON.parse(readFileSync(report, 'utf8'));
console.log(`\ntests: ${numPassedTests} passed, ${numFailedTests} failed`);
